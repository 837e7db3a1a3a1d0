// One place that turns failures into responses: a page for readers, JSON `{error:{code,message}}`
// for the API and for clients that take no HTML. Fastify's own codes and messages never reach a
// client; 5xx are logged with their stack and shown to nobody.
import { escapeHtml } from '@kitajs/html';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createTranslator, hasCatalog, type MessageKey, type Translate } from '../../i18n/index.ts';
import { requestPath } from '../views/site.ts';
import { SHORT } from './cache.ts';
import { AppError, codeForStatus, ERROR_CODES, type ErrorCode } from './errors.ts';

/** A failure as the renderer sees it. */
export interface Problem {
  status: number;
  code: ErrorCode;
  /** A message safe to show (never a stack, SQL or a framework's wording). */
  message: string;
}

/** Renders an HTML error page; may throw, in which case a bare page is sent. */
export type ErrorPageRenderer = (request: FastifyRequest, problem: Problem) => Promise<string>;

/** Fastify's (and its plugins') codes mapped onto ours; any other failure is mapped by its status. */
export const FRAMEWORK_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_NOT_FOUND: 'not_found',
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_INVALID_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_CP_ERR_INVALID_CONTENT_ENCODING: 'unsupported_media_type',
  FST_CP_ERR_INVALID_CONTENT: 'bad_request',
};

/** The API's English message for codes raised by the framework rather than by our handlers. */
const API_MESSAGES: Partial<Record<ErrorCode, string>> = {
  not_found: 'There is nothing at this address.',
  invalid_json: 'The body is not valid JSON.',
  invalid_text: 'The request contains text with a NUL character or that is not valid UTF-8.',
  invalid_url: 'The address cannot be decoded.',
  method_not_allowed: 'This address does not accept this method.',
  payload_too_large: 'The body is too large.',
  uri_too_long: 'The address is too long.',
  unsupported_media_type: 'The body is of a type this address does not accept.',
  too_many_requests: 'Too many requests; try again later.',
  internal_error: 'Something went wrong on our side.',
};

/** Readers' pages and, for clients that take no HTML, JSON. Call inside each page subtree. */
export function installPageErrorHandlers(scope: FastifyInstance, renderPage: ErrorPageRenderer): void {
  install(scope, renderPage);
}

/** JSON in the one shape, always. Call inside the /api subtree. */
export function installApiErrorHandlers(scope: FastifyInstance): void {
  install(scope, undefined);
}

/**
 * Fastify's `frameworkErrors` option: answers URLs the router cannot decode (FST_ERR_BAD_URL,
 * FST_ERR_MAX_PARAM_LENGTH) before any subtree or hook runs, so it picks JSON by the /api prefix
 * itself and sends the bare page in the URL's language.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error, request);
  // No subtree's hooks run for these replies, so nothing says how they may be cached (the
  // newsroom's must never be): none is stored. The bare page loads nothing, so its CSP forbids all.
  reply.header('x-content-type-options', 'nosniff').header('vary', 'accept');
  if (isApiRequest(request) || !acceptsHtml(request)) {
    void sendJson(reply, problem, 'no-store');
    return;
  }
  void reply
    .code(problem.status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'")
    .type('text/html; charset=utf-8')
    .send(renderBarePage(request, problem));
}

/** Error and not-found handlers: pages through `renderPage`, or JSON when there is none (the API). */
function install(scope: FastifyInstance, renderPage: ErrorPageRenderer | undefined): void {
  scope.setNotFoundHandler(async (request, reply) => {
    return send(request, reply, { status: 404, code: 'not_found', message: API_MESSAGES.not_found! });
  });

  scope.setErrorHandler(async (error: FastifyError, request, reply) => {
    keepContentRange(error, reply);
    return send(request, reply, toProblem(error, request));
  });

  async function send(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
    // API answers are per client and cheap to make: a cached error could outlive its cause (a 404
    // for an article published a second later), so none is stored anywhere.
    if (!renderPage) return sendJson(reply, problem, 'no-store');
    setPageHeaders(reply, problem);
    if (!acceptsHtml(request)) return sendJson(reply, problem);
    let html: string;
    try {
      html = await renderPage(request, problem);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page failed to render');
      html = renderBarePage(request, problem);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  }
}

/**
 * A 416 from the static file server carries the file's size on the error (`Content-Range`, the
 * unsatisfied form RFC 9110 asks for); a player learns the real length from it, so it survives
 * our own error page.
 */
function keepContentRange(error: FastifyError & { headers?: Record<string, unknown> }, reply: FastifyReply): void {
  const range = error.statusCode === 416 ? error.headers?.['Content-Range'] : undefined;
  if (typeof range === 'string') reply.header('content-range', range);
}

function isApiRequest(request: FastifyRequest): boolean {
  const path = requestPath(request.url);
  return path === '/api' || path.startsWith('/api/');
}

/** Status, cache and Vary of a reader-side error (HTML or JSON by Accept). */
function setPageHeaders(reply: FastifyReply, problem: Problem): void {
  reply.code(problem.status);
  // A CDN may keep a 4xx briefly (404s); never a server fault. The body depends on Accept.
  reply.header('cache-control', problem.status >= 500 ? 'no-store' : SHORT);
  reply.header('vary', 'accept');
}

function sendJson(reply: FastifyReply, problem: Problem, cacheControl?: string) {
  reply.code(problem.status);
  if (cacheControl) reply.header('cache-control', cacheControl);
  return reply
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code: problem.code, message: problem.message } }));
}

/** Turns anything thrown into a Problem; only our AppErrors keep their own message. */
function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    return { status: error.status, code: error.code, message: error.message };
  }
  if (error.validation) {
    // Ajv's wording ("querystring/page must be integer") names the field and the rule, nothing more.
    const code = error.validationContext === 'querystring' ? 'invalid_query' : 'invalid_request';
    return { status: 400, code, message: `The request is not valid: ${error.message.slice(0, 200)}.` };
  }
  const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  const status = mapped ? ERROR_CODES[mapped] : (error.statusCode ?? 500);
  if (status >= 400 && status < 500) {
    const code = mapped ?? codeForStatus(status);
    return { status, code, message: API_MESSAGES[code] ?? 'The request was refused.' };
  }
  // The error and its stack; the request line is in the request's own log record, and no
  // address or cookie is added here.
  request.log.error({ err: error }, 'request failed');
  return { status: 500, code: 'internal_error', message: API_MESSAGES.internal_error! };
}

/** Whether the client takes an HTML page (browsers, or no Accept at all); else it gets JSON. */
export function acceptsHtml(request: { readonly headers: { readonly accept?: string } }): boolean {
  return acceptsHtmlType(request.headers.accept);
}

/** The same rule for an Accept header's value (absent: HTML). */
export function acceptsHtmlType(accept: string | undefined): boolean {
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}

/** A problem's heading and text in the reader's language: by code where one has its own, else by status. */
export function describeProblem(
  t: Translate,
  problem: Pick<Problem, 'status' | 'code'>,
): { title: string; text: string } {
  return { title: t(titleKey(problem.status)), text: t(textKey(problem)) };
}

function titleKey(status: number): MessageKey {
  if (status === 404 || status === 410) return 'error.notFoundTitle';
  if (status >= 500) return 'error.serverTitle';
  if (status === 401 || status === 403 || status === 405) return 'error.notAllowedTitle';
  if (status === 429) return 'error.tooManyTitle';
  return 'error.badRequestTitle';
}

const TEXT_BY_CODE: Partial<Record<ErrorCode, MessageKey>> = {
  invalid_query: 'error.invalidQuery',
  invalid_text: 'error.invalidText',
  invalid_url: 'error.invalidAddress',
  uri_too_long: 'error.invalidAddress',
  payload_too_large: 'error.tooLarge',
  unsupported_media_type: 'error.unsupported',
};

function textKey({ status, code }: Pick<Problem, 'status' | 'code'>): MessageKey {
  const byCode = TEXT_BY_CODE[code];
  if (byCode) return byCode;
  if (status === 404 || status === 410) return 'error.notFound';
  if (status >= 500) return 'error.server';
  if (status === 401 || status === 403 || status === 405) return 'error.notAllowed';
  if (status === 429) return 'error.tooMany';
  return 'error.badRequest';
}

/**
 * The page sent when the real one cannot be: no layout, no database. In the language of the
 * URL's first segment when it names a catalog; otherwise neutral, with the status number only.
 */
export function renderBarePage(request: FastifyRequest, problem: Problem): string {
  const segment = requestPath(request.url).split('/')[1] ?? '';
  // The segment is the client's: the pattern keeps out "constructor" and the like, which an
  // `in` test of a catalog table would let through, and makes it safe in an attribute.
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(segment) && hasCatalog(segment) ? segment : undefined;
  if (!lang) {
    return `<!doctype html><html dir="auto"><meta charset="utf-8"><title>${problem.status}</title><h1>${problem.status}</h1>`;
  }
  const t = createTranslator(lang, lang);
  const { title, text } = describeProblem(t, problem);
  // The status as a string: digits as the client saw them, whatever the locale's numerals.
  const heading = escapeHtml(`${title} (${t('error.status', { status: String(problem.status) })})`);
  return (
    `<!doctype html><html lang="${lang}" dir="auto"><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading}</title>` +
    `<h1>${heading}</h1><p>${escapeHtml(text)}</p><p><a href="/${lang}">${escapeHtml(t('error.goHome'))}</a></p>`
  );
}
