// The OpenAPI 3.1 document of /api/v1, made by @fastify/swagger from the very schemas the routes
// validate and serialise with. Only /api/v1 routes are in it (the plugin sees every route of the
// app); shared schemas become named components; finishDocument() is the one place the plugin's
// output is adjusted.
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

/** The public API's address below the site: every route under it is documented. */
export const API_V1 = '/api/v1';
/** The reference page and the document, below the site's base URL. */
export const DOCS_PATH = `${API_V1}/docs`;
export const OPENAPI_PATH = `${API_V1}/openapi.json`;

/** An OpenAPI document as far as this code reads it. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
  tags?: { name: string; description?: string }[];
  externalDocs?: { url: string; description?: string };
}

/** One operation of the document. */
export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    example?: unknown;
    schema: JsonSchema;
  }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it). */
export type JsonSchema = { [key: string]: unknown };

/** Registers the generator on the root app, before any route: it collects routes as they are added. */
export async function registerOpenApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const base = ctx.config.baseUrl.replace(/\/+$/, '');
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Warta public API',
        version: '1',
        description:
          'Read-only access to the published news, pages and radio of this site: no key, JSON, ' +
          `cursor pagination, ETag, CORS. The reference: ${base}${DOCS_PATH}`,
      },
      servers: [{ url: `${base}${API_V1}` }],
      tags: [
        { name: 'News', description: 'Stories, sections, tags and authors.' },
        { name: 'Site', description: 'Editions and the page tree.' },
        { name: 'Radio', description: 'Channels, programs, the schedule and episodes.' },
        { name: 'Embedding', description: 'oEmbed story cards.' },
        { name: 'Writing', description: 'Stories and images, with an API key and its scope.' },
        { name: 'Reference', description: 'This document and its reference page.' },
      ],
      externalDocs: { url: `${base}${DOCS_PATH}`, description: 'The reference page' },
      // issue 11: API keys (src/api/keys) for drafts and writes, made by admins in the newsroom.
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key from the newsroom (Settings → API keys): `Authorization: Bearer wk_…`.',
          },
        },
      },
    },
    // OpenAPI 3.1 schemas are JSON Schema 2020-12, where `const` is valid: keep it.
    convertConstToEnum: false,
    // Only the public API; the plugin sees the whole app's routes.
    transform: ({ schema, url }) => ({
      schema: url === API_V1 || url.startsWith(`${API_V1}/`) ? schema : { ...schema, hide: true },
      url,
    }),
    // Components named by their `$id` ("Article"), not "def-0".
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
    transformObject: (made) =>
      'openapiObject' in made ? (finishDocument(made.openapiObject as OpenApiDocument) as never) : made.swaggerObject,
  });
}

/**
 * The plugin's output, made a valid and tidy OpenAPI 3.1 document:
 * - schemas keep `$id` out (the plugin already drops it) and answers with no body have no content;
 * - a component's `title` equal to its name (added by the plugin) goes: it says nothing new;
 * - paths are sorted, so the document (and its ETag) does not depend on registration order.
 */
export function finishDocument(doc: OpenApiDocument): OpenApiDocument {
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (schema.title === name) delete schema.title;
  }
  const paths = Object.fromEntries(Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b)));
  return { ...doc, paths };
}
