// One place that turns failures into responses: a page for readers, JSON under /api.
// 5xx are logged with their stack; readers never see one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from './errors.ts';
import { SHORT } from './cache.ts';

/** A failure as the renderer sees it. */
export interface Problem {
  status: number;
  code: ErrorCode | string;
  /** A message safe to show (never a stack or SQL). */
  message: string;
}

/** Renders an HTML error page; may throw, in which case a bare page is sent. */
export type ErrorPageRenderer = (request: FastifyRequest, problem: Problem) => Promise<string>;

/** Installs the not-found and error handlers. */
export function installErrorHandlers(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  app.setNotFoundHandler(async (request, reply) => {
    return send(request, reply, { status: 404, code: 'not_found', message: 'There is nothing at this address.' });
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    return send(request, reply, toProblem(error, request));
  });

  async function send(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
    reply.code(problem.status);
    // Errors may be cached briefly by a CDN (404s) but never a server fault.
    reply.header('cache-control', problem.status >= 500 ? 'no-store' : SHORT);
    if (request.url.startsWith('/api/') || !acceptsHtml(request)) {
      return reply
        .type('application/json; charset=utf-8')
        .send({ error: { code: problem.code, message: problem.message } });
    }
    let html: string;
    try {
      html = await renderPage(request, problem);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page failed to render');
      html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Error ${problem.status}</title><h1>Error ${problem.status}</h1>`;
    }
    return reply.type('text/html; charset=utf-8').send(html);
  }
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  if (error.validation) {
    return { status: 400, code: 'invalid_query', message: `The request is not valid: ${error.message}.` };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, code: error.code ? error.code.toLowerCase() : 'bad_request', message: error.message };
  }
  request.log.error({ err: error }, 'request failed');
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' };
}

/** Whether the client takes an HTML page (browsers, or no Accept at all); else it gets JSON. */
export function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
