// The rules every read endpoint of /api/v1 keeps, in one place: a JSON schema for its query,
// params and answers (which the OpenAPI document is made from), unknown query parameters refused,
// the query parameters it reads declared to the page cache, CORS for reads, and the error shape.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { AppError } from '../core/http/errors.ts';

/** What one read endpoint declares. */
export interface ReadRoute {
  /** Below /api, e.g. '/v1/articles/:id'. */
  readonly url: string;
  /** One line for the reference page. */
  readonly summary: string;
  readonly description?: string;
  /** Its group on the reference page. */
  readonly tag: string;
  readonly operationId: string;
  /** Properties of the query string (all optional unless listed in `required`). */
  readonly query?: Record<string, object>;
  readonly required?: readonly string[];
  readonly params?: object;
  /** The 200 answer's schema. */
  readonly response: object;
  /** Another media type than JSON for the 200 answer (the reference page). */
  readonly produces?: string;
}

/** The error answers every read endpoint may give. */
const ERROR_RESPONSES = {
  304: { description: 'Not modified: the `If-None-Match` ETag is still current (no body).', type: 'null' },
  400: { description: 'A bad parameter (`invalid_query`, `invalid_request`, `invalid_text`).', $ref: 'Error#' },
  404: { description: 'Nothing published by this id (`*_not_found`).', $ref: 'Error#' },
};

/** Registers a GET (and with it HEAD) endpoint under the API's rules. */
export function readRoute(app: FastifyInstance, route: ReadRoute, handler: RouteHandlerMethod): void {
  const query = route.query ?? {};
  app.get(route.url, {
    schema: {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      querystring: {
        type: 'object',
        properties: query,
        ...(route.required?.length ? { required: route.required } : {}),
        additionalProperties: false,
      },
      ...(route.params ? { params: route.params } : {}),
      ...(route.produces ? { produces: [route.produces] } : {}),
      response: {
        200: route.produces
          ? { description: 'The page.', content: { [route.produces]: { schema: { type: 'string' } } } }
          : route.response,
        ...ERROR_RESPONSES,
      },
    },
    config: { cacheQuery: Object.keys(query) },
    handler,
  });
}

/**
 * Hooks of the read API's scope. Fastify's validator drops properties a schema does not name
 * (`removeAdditional`), which would ignore a misspelt filter and answer the unfiltered list: a
 * parameter no endpoint takes is refused with a 400 that names the ones it does take.
 */
export function installReadRules(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
    if (!schema) return;
    const allowed = Object.keys(schema.properties ?? {});
    const query = (request.query ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
    if (unknown.length === 0) return;
    const takes = allowed.length > 0 ? `This endpoint takes: ${allowed.join(', ')}.` : 'This endpoint takes none.';
    throw new AppError('invalid_query', `Unknown query parameter "${unknown[0]!.slice(0, 40)}". ${takes}`);
  });
  // Reads are public: any site may fetch them from a browser; no credentials are ever allowed.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag');
    return payload;
  });
}

/** The CORS preflight of every /api/v1 address: reads only, no credentials, kept a day. */
export function preflight(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(204)
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', 'Accept, If-None-Match')
    .header('access-control-max-age', '86400')
    .header('cache-control', 'public, max-age=86400')
    .send();
}
