// The API reference page, drawn on the server from the generated OpenAPI document: every
// endpoint with its parameters, an example request and answer, and the rules every endpoint keeps.
import { escapeHtml } from '@kitajs/html';
import { exampleCurl, exampleOf, exampleUrl } from './example.ts';
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from '../openapi.ts';

export interface DocsPageProps {
  readonly doc: OpenApiDocument;
  readonly siteName: string;
  readonly siteUrl: string;
  readonly openapiUrl: string;
  readonly stylesheets: readonly string[];
}

interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly operation: OpenApiOperation;
}

/** The error codes a reader of the API meets, with when. */
const ERRORS: readonly [string, number, string][] = [
  ['invalid_query', 400, 'A query parameter is unknown, missing, malformed, or a cursor is not one we gave out.'],
  ['invalid_request', 400, 'A path parameter is malformed (an id that is not a number).'],
  ['invalid_text', 400, 'The address holds a NUL character or bytes that are not UTF-8.'],
  ['invalid_url', 400, 'The address cannot be decoded (a broken percent-escape).'],
  ['edition_not_found', 404, 'No edition has this code.'],
  ['article_not_found', 404, 'No published story has this id (also oEmbed for a URL that is not one).'],
  ['page_not_found', 404, 'No published page has this id.'],
  ['not_found', 404, 'Nothing at this address, or no such channel.'],
  ['not_implemented', 501, 'oEmbed was asked for XML.'],
  ['internal_error', 500, 'Something went wrong on our side; try again later.'],
];

/** Operations grouped by their tag, in the document's tag order. */
function groups(doc: OpenApiDocument): [string, string, Endpoint[]][] {
  const endpoints: Endpoint[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
  return (doc.tags ?? []).map((tag) => [
    tag.name,
    tag.description ?? '',
    endpoints.filter((e) => (e.operation.tags ?? [])[0] === tag.name),
  ]);
}

/** An endpoint's id on the page: its operationId, else its method and path. */
function anchorOf(e: Endpoint): string {
  return e.operation.operationId ?? `${e.method}${e.path}`.replace(/[^A-Za-z0-9]+/g, '-');
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

function limits(schema: JsonSchema): string {
  const parts: string[] = [];
  // An id's range (up to 2³¹) says nothing a reader needs.
  const isSmall = typeof schema.maximum === 'number' && schema.maximum < 1_000_000;
  if (schema.minimum !== undefined && isSmall) parts.push(`${String(schema.minimum)} to ${String(schema.maximum)}`);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`);
  return parts.join(', ');
}

/** Text with `code` spans (the document's descriptions mark names so), escaped. */
function Prose(props: { text: string }): JSX.Element {
  return (
    <>{props.text.split('`').map((part, i) => (i % 2 === 1 ? <code safe>{part}</code> : <>{escapeHtml(part)}</>))}</>
  );
}

function Parameters(props: { operation: OpenApiOperation }): JSX.Element {
  const params = props.operation.parameters ?? [];
  if (params.length === 0) return <p class="api-docs__muted">No parameters.</p>;
  return (
    <ul class="api-docs__params">
      {params.map((p) => (
        <li>
          <code class="api-docs__param" safe>
            {p.name}
          </code>{' '}
          <span class="api-docs__muted" safe>
            {[p.in === 'path' ? 'in the path' : 'query', typeOf(p.schema), limits(p.schema)]
              .filter(Boolean)
              .join(' · ')}
          </span>
          {p.required ? <strong class="api-docs__required"> required</strong> : ''}
          {p.description ? (
            <p>
              <Prose text={p.description} />
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

function EndpointSection(props: { doc: OpenApiDocument; endpoint: Endpoint }): JSX.Element {
  const { doc, endpoint } = props;
  const { operation } = endpoint;
  const id = anchorOf(endpoint);
  // The success answer: 200 for reads, 201 or 204 for writes.
  const okStatus = Object.keys(operation.responses).find((status) => status.startsWith('2')) ?? '200';
  const ok = operation.responses[okStatus];
  const json = ok?.content?.['application/json']?.schema;
  const url = exampleUrl(doc.servers[0]?.url ?? '', endpoint.path, operation);
  return (
    <section class="api-docs__endpoint" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span class="api-docs__method" safe>
          {endpoint.method}
        </span>
        <code safe>{endpoint.path}</code>
      </h3>
      <p safe>{operation.summary ?? ''}</p>
      {operation.description ? (
        <p>
          <Prose text={operation.description} />
        </p>
      ) : (
        ''
      )}
      <h4>Parameters</h4>
      <Parameters operation={operation} />
      <h4>Example request</h4>
      <pre tabindex="0">
        <code safe>{exampleCurl(doc, endpoint.method, url, operation)}</code>
      </pre>
      {json ? (
        <>
          <h4 safe>{`Example answer (${okStatus})`}</h4>
          <pre tabindex="0">
            <code safe>{JSON.stringify(exampleOf(doc, json), null, 2)}</code>
          </pre>
        </>
      ) : (
        <p class="api-docs__muted" safe>
          {ok?.content ? `Answers ${Object.keys(ok.content).join(', ')}.` : `Answers ${okStatus} with no body.`}
        </p>
      )}
      <p class="api-docs__muted" safe>
        {`Answers: ${Object.keys(operation.responses).join(', ')}.`}
      </p>
    </section>
  );
}

/** The whole reference page. */
export function DocsPage(props: DocsPageProps): JSX.Element {
  const { doc } = props;
  const server = doc.servers[0]?.url ?? '';
  const sections = groups(doc);
  return (
    <>
      {'<!doctype html>'}
      <html lang="en" dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`API reference · ${props.siteName}`}</title>
          <meta
            name="description"
            content={`How apps and partners read ${props.siteName}: the public API, version 1.`}
          />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          {props.stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to the reference
          </a>
          <header class="site-header">
            <div class="wrap masthead">
              <a class="logo" href={props.siteUrl}>
                <span class="logo__text">
                  <span class="logo__name" safe>
                    {props.siteName}
                  </span>
                  <span class="logo__tagline">Public API</span>
                </span>
              </a>
            </div>
          </header>
          <div class="wrap api-docs">
            <nav class="api-docs__toc" aria-label="Endpoints">
              <h2>Contents</h2>
              <ul>
                <li>
                  <a href="#conventions">Conventions</a>
                </li>
                <li>
                  <a href="#errors">Errors</a>
                </li>
              </ul>
              {sections.map(([name, , endpoints]) => (
                <>
                  <p class="api-docs__group" safe>
                    {name}
                  </p>
                  <ul>
                    {endpoints.map((e) => (
                      <li>
                        <a href={`#${anchorOf(e)}`}>
                          <code safe>{e.method === 'GET' ? e.path : `${e.method} ${e.path}`}</code>
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ))}
            </nav>
            <main id="main" class="api-docs__main" tabindex="-1">
              <h1>Public API, version 1</h1>
              <p class="api-docs__lead" safe>
                {`Read ${props.siteName}'s published stories, pages and radio from your app or site: no key needed.`}
              </p>
              <p>
                Every address below starts with <code safe>{server}</code>. The machine-readable description is the
                OpenAPI 3.1 document at <a href={props.openapiUrl}>openapi.json</a>: generate a client from it, or
                validate what you receive.
              </p>

              <h2 id="conventions">Conventions</h2>
              <ul>
                <li>
                  <strong>JSON</strong>, UTF-8. Every item has a stable numeric <code>id</code>; names are{' '}
                  <code>snake_case</code>; a list is an object naming what it holds, e.g.{' '}
                  <code>{'{ "articles": [ … ] }'}</code>.
                </li>
                <li>
                  <strong>Only what is published.</strong> A story appears from its publication minute on; drafts and
                  scheduled stories never do.
                </li>
                <li>
                  <strong>Addresses are absolute</strong>: <code>url</code> is the item's page on the site (canonical),
                  picture and audio addresses are ready to fetch, and links inside <code>body_html</code> are made
                  absolute too.
                </li>
                <li>
                  <strong>Times</strong> are ISO 8601 in the site's time zone with its offset, e.g.{' '}
                  <code>2026-12-02T13:05:00+07:00</code>. Time parameters take any offset (<code>Z</code> too) and need
                  one.
                </li>
                <li>
                  <strong>Pages by cursor.</strong> Long lists (articles, tags, authors, episodes) give at most{' '}
                  <code>limit</code> items (default 20, at most 100) and a <code>next_cursor</code> (with{' '}
                  <code>next_url</code>, the same request with it): pass it back as <code>cursor</code> for the next
                  page, until it is <code>null</code>. A cursor is opaque; it marks a position, so a walk neither
                  repeats nor skips an item however deep it goes, and page 5,000 costs what page 1 does. Short lists
                  (editions, sections, pages, channels, programs, airings) come whole.
                </li>
                <li>
                  <strong>Caching.</strong> Answers carry <code>Cache-Control</code> (public, about a minute) and an{' '}
                  <code>ETag</code>: send it back as <code>If-None-Match</code> and an unchanged answer is a{' '}
                  <code>304</code> with no body.
                </li>
                <li>
                  <strong>From a browser</strong>: every read answers <code>Access-Control-Allow-Origin: *</code> (and
                  the preflight), without credentials; cookies are never read.
                </li>
                <li>
                  <strong>Parameters are checked</strong>: one the endpoint does not take, a repeated one or a malformed
                  one is a <code>400</code> that says which, never silently ignored.
                </li>
              </ul>

              <h2 id="errors">Errors</h2>
              <p>
                Every failure is JSON of one shape, with a stable <code>code</code> to branch on and an English{' '}
                <code>message</code> for people:
              </p>
              <pre tabindex="0">
                <code>
                  {
                    '{ "error": { "code": "invalid_query", "message": "Unknown query parameter \\"page\\". This endpoint takes: edition, limit, cursor." } }'
                  }
                </code>
              </pre>
              <div class="api-docs__table-wrap" tabindex="0" role="region" aria-label="Error codes">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      <th scope="col">Status</th>
                      <th scope="col">When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ERRORS.map(([code, status, when]) => (
                      <tr>
                        <td>
                          <code safe>{code}</code>
                        </td>
                        <td safe>{String(status)}</td>
                        <td safe>{when}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              {sections.map(([name, description, endpoints]) => (
                <section aria-labelledby={`group-${name.toLowerCase()}`}>
                  <h2 id={`group-${name.toLowerCase()}`} safe>
                    {name}
                  </h2>
                  <p safe>{description}</p>
                  {endpoints.map((endpoint) => (
                    <EndpointSection doc={doc} endpoint={endpoint} />
                  ))}
                </section>
              ))}
            </main>
          </div>
        </body>
      </html>
    </>
  );
}
