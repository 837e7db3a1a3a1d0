// The one error type handlers throw, with stable snake_case codes, and the table of those codes.
// Fastify's own codes (FST_…) never reach a client: error-handler.ts maps them onto this table.

/** Stable error codes: part of the JSON API's contract, so never renamed. */
export const ERROR_CODES = {
  not_found: 404,
  edition_not_found: 404,
  article_not_found: 404,
  category_not_found: 404,
  tag_not_found: 404,
  author_not_found: 404,
  page_not_found: 404,
  bad_request: 400,
  /** A query string value failed its schema (a page number that is not a number). */
  invalid_query: 400,
  /** Path parameters or a body failed their schema. */
  invalid_request: 400,
  /** A JSON body that is empty or does not parse. */
  invalid_json: 400,
  /** Text with a NUL byte or that is not valid UTF-8, anywhere in the URL or a text body. */
  invalid_text: 400,
  /** An address the router cannot decode (a broken percent-escape). */
  invalid_url: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A state-changing newsroom request that did not come from our own origin. */
  cross_site_request: 403,
  /** A state-changing newsroom request without its form token (CSRF). */
  csrf_token_invalid: 403,
  // Ratings: the vote form and its JSON answers.
  invalid_rating: 400,
  voter_cookie_required: 403,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  unprocessable_content: 422,
  /**
   * An upload within the byte limit whose picture is larger than the pipeline takes (pixels, or
   * too tall to store). 422, not 413: the request's size was fine, its content is not, and a
   * client or proxy reading 413 as "send a smaller body" would be misled.
   */
  image_too_large: 422,
  too_many_votes: 429,
  too_many_requests: 429,
  internal_error: 500,
  // issue 11: public API — a format the endpoint does not make (oEmbed's XML).
  not_implemented: 501,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The generic code for a status, for failures that bring no code of ours (plugins, Node). */
const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable_content',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Our generic code for an HTTP status: by status for known ones, else bad_request or internal_error. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'bad_request' : 'internal_error');
}

/** An expected failure with an HTTP status; the error handler renders it for readers or as JSON. */
export class AppError extends Error {
  readonly status: number;
  /** Fastify's name for the status, so an AppError raised inside a body stream keeps its status. */
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
    this.statusCode = this.status;
  }
}

/** Shorthand for the common "no such thing" case. */
export function notFound(code: ErrorCode = 'not_found', message?: string): AppError {
  return new AppError(code, message);
}
