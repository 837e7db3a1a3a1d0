// Input checking shared by every command: zod schemas, and one error that lists every problem
// (the error handler answers it with 400 bad_request and the list).
import type { z } from 'zod';
import { AppError } from './http/errors.ts';

/** Input that cannot be saved; `problems` has one line per field, each naming it. */
export class InputError extends AppError {
  constructor(readonly problems: readonly string[]) {
    super('bad_request', problems.join('; '));
    this.name = 'InputError';
  }
}

/** The problems zod found, one line each: `field: message`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
}

/** Parses raw input with a schema, or throws the error `fail` makes of every problem. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  fail: (problems: string[]) => Error = (problems) => new InputError(problems),
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw fail(describeIssues(result.error));
}
