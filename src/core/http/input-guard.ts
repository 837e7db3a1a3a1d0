// Refuses text no handler should see: a NUL character, or bytes that are not UTF-8, in the URL
// (path and query), in a form or JSON body, or in any parsed value. PostgreSQL cannot store NUL
// in text (it answered 500), and broken UTF-8 would be stored as U+FFFD or as raw "%FF" text.
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Walks parsed values no deeper than this; bodies are small and shallow here. */
const MAX_DEPTH = 32;
// A UTF-16 half without its partner: JSON's "\ud800" escapes can make one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Installs the guard's hooks. Install at the root, before any subtree is registered, so that
 * every route and the 404 handlers inherit it. URLs the router cannot decode at all never reach
 * a hook: Fastify's `frameworkErrors` (handleFrameworkError) answers those.
 */
export function installInputGuard(scope: FastifyInstance): void {
  // The hooks take Fastify's callback, not a promise: they run on every request and are
  // synchronous, and an async hook costs each request a promise and a turn of the microtask queue.
  // Before routing's results are used: the raw request-target, whose escapes find-my-way decodes
  // for the path (%00 becomes a NUL) and fast-querystring leaves raw when invalid ("%FF").
  scope.addHook('onRequest', (request, _reply, done) => {
    if (request.url.includes('%') && !isCleanEncodedText(Buffer.from(request.url))) return done(refusal());
    done();
  });

  // Text bodies checked as bytes while they stream in, before any parser decodes them.
  scope.addHook('preParsing', (request, _reply, payload, done) => {
    const mode = bodyMode(request);
    if (!mode) return done(null, payload);
    const check = new TextBodyCheck(mode);
    payload.on('error', (error) => check.destroy(error));
    // Refused: the rest of the body is read and dropped, so the 400 goes out on a usable connection.
    check.on('error', () => {
      payload.unpipe(check);
      payload.resume();
    });
    done(null, payload.pipe(check));
  });

  // The parsed values, last: catches what only decoding shows (JSON's "\u0000" or "\ud800").
  scope.addHook('preValidation', (request, _reply, done) => {
    if (!isCleanValue(request.params) || !isCleanValue(request.query) || !isCleanValue(request.body))
      return done(refusal());
    done();
  });
}

function refusal(): AppError {
  return new AppError('invalid_text', 'The request contains text with a NUL character or that is not valid UTF-8.');
}

/** Whether a parsed value (string, array or object, keys included) holds only clean text. */
export function isCleanValue(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isCleanString(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return true;
  if (Buffer.isBuffer(value)) return true; // binary bodies (uploads) are not text
  if (Array.isArray(value)) return value.every((item) => isCleanValue(item, depth + 1));
  return Object.entries(value).every(([key, item]) => isCleanString(key) && isCleanValue(item, depth + 1));
}

function isCleanString(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Whether percent-encoded bytes (a URL, a form body) decode to UTF-8 text without NUL. */
export function isCleanEncodedText(bytes: Uint8Array): boolean {
  const check = new Utf8Check(true);
  return check.push(bytes) && check.end();
}

/** How a body is checked: form bodies after percent-decoding, other text as it is; binary not at all. */
function bodyMode(request: FastifyRequest): 'form' | 'text' | undefined {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  // A compressed body is decompressed by a later, per-route hook; its parsed values are still walked.
  if (encoding !== 'identity') return undefined;
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json' || type.endsWith('+json') || type.startsWith('text/')) return 'text';
  return undefined;
}

/** Passes a body through unchanged, failing the stream with invalid_text at the first bad byte. */
class TextBodyCheck extends Transform {
  private readonly check: Utf8Check;
  constructor(mode: 'form' | 'text') {
    super();
    this.check = new Utf8Check(mode === 'form');
  }
  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // The parser reads this error as the body's: the reply is a 400 through the error handler.
    if (!this.check.push(bytes)) return callback(invalidText());
    callback(null, bytes);
  }
  override _flush(callback: TransformCallback): void {
    callback(this.check.end() ? null : invalidText());
  }
}

function invalidText(): AppError {
  return new AppError('invalid_text', 'The body contains text with a NUL character or that is not valid UTF-8.');
}

const PERCENT = 0x25;

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/**
 * A streaming check that bytes are UTF-8 without NUL. With `decodePercent`, "%XX" escapes are
 * decoded first ("%" not followed by two hex digits stays as it is, as our parsers leave it), so
 * an escape split across two chunks is still read whole.
 */
class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  // The "%" and hex digit seen at the end of the last chunk, waiting for the rest of the escape.
  private pending: number[] = [];
  constructor(private readonly decodePercent: boolean) {}

  push(chunk: Uint8Array): boolean {
    if (!this.decodePercent) return this.write(chunk, true);
    const out: number[] = [];
    for (const byte of chunk) {
      if (this.pending.length === 0) {
        if (byte === PERCENT) this.pending.push(byte);
        else out.push(byte);
      } else if (isHexDigit(byte) && this.pending.length === 1) {
        this.pending.push(byte);
      } else if (isHexDigit(byte)) {
        out.push(parseInt(String.fromCharCode(this.pending[1]!, byte), 16));
        this.pending = [];
      } else {
        // Not an escape after all: its bytes stand for themselves.
        out.push(...this.pending);
        this.pending = byte === PERCENT ? [byte] : [];
        if (byte !== PERCENT) out.push(byte);
      }
    }
    return this.write(out, true);
  }

  end(): boolean {
    const rest = this.pending;
    this.pending = [];
    return this.write(rest, false);
  }

  private write(bytes: ArrayLike<number>, stream: boolean): boolean {
    if (Array.prototype.includes.call(bytes, 0)) return false;
    try {
      this.decoder.decode(Uint8Array.from(bytes), { stream });
      return true;
    } catch {
      return false;
    }
  }
}
