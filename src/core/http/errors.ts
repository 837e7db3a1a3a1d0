// The one error type handlers throw, with stable snake_case codes, and the table of those codes.

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
  invalid_query: 400,
  // Ratings: the vote form and its JSON answers.
  invalid_rating: 400,
  voter_cookie_required: 403,
  method_not_allowed: 405,
  too_many_votes: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with an HTTP status; the error handler renders it for readers or as JSON. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** Shorthand for the common "no such thing" case. */
export function notFound(code: ErrorCode = 'not_found', message?: string): AppError {
  return new AppError(code, message);
}
