// Opaque cursors: a list's position (the last item's sort key) as base64url JSON. A client passes
// it back untouched; we read it as a key into an index, so every page costs what the first does.
import { AppError } from '../core/http/errors.ts';

/** Where a list stopped: `o` names the list's order so a cursor of another list is refused. */
export type Cursor =
  | { readonly o: 'published'; readonly t: string; readonly i: number }
  | { readonly o: 'updated'; readonly t: string; readonly i: number }
  | { readonly o: 'slug'; readonly s: string }
  | { readonly o: 'id'; readonly i: number };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The cursor text for a position. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Reads a cursor of the expected order; anything else is a 400 (a cursor is never guessed at). */
export function decodeCursor<O extends Cursor['o']>(text: string, order: O): Extract<Cursor, { o: O }> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isCursor(value) || value.o !== order) {
    throw new AppError('invalid_query', 'The cursor is not one this list gave out; start again without it.');
  }
  return value as Extract<Cursor, { o: O }>;
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const isId = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
  if (c.o === 'published' || c.o === 'updated') return typeof c.t === 'string' && ISO_UTC.test(c.t) && isId(c.i);
  if (c.o === 'slug') return typeof c.s === 'string' && c.s.length > 0 && c.s.length <= 200 && !c.s.includes('\u0000');
  if (c.o === 'id') return isId(c.i);
  return false;
}
