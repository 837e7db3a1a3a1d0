// What the channel's tests share: multipart bodies made by hand (so a field can carry any
// bytes, broken UTF-8 and NUL included), the challenge read from a form page and solved as the
// browser's script would, and the receipt code read from a receipt page.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A file part. */
export interface FilePart {
  readonly name: string;
  readonly bytes: Buffer;
  readonly type?: string;
}

/** A multipart body: text fields (strings or raw bytes) and files, in that order. */
export function multipart(
  fields: Readonly<Record<string, string | Buffer>>,
  files: readonly FilePart[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----warta${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`));
    chunks.push(Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The challenge a form page carries. */
export interface PageChallenge {
  readonly token: string;
  readonly salt: string;
  readonly hash: string;
  readonly max: number;
}

/** Reads the challenge out of a report form page. */
export function challengeOf(html: string): PageChallenge {
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1] ?? '';
  const token = /name="pow_token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no challenge on the page');
  return { token, salt: attr('data-pow-salt'), hash: attr('data-pow-hash'), max: Number(attr('data-pow-max')) };
}

/** The number that solves a challenge, found as the browser's script finds it. */
export function solve(challenge: PageChallenge): string {
  for (let n = 0; n <= challenge.max; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.hash
    )
      return String(n);
  }
  throw new Error('the challenge has no solution');
}

/** A fresh form's challenge fields, solved. */
export async function solvedChallenge(app: FastifyInstance, edition = 'en'): Promise<Record<string, string>> {
  const page = await app.inject({ url: `/${edition}/integrity/report` });
  const challenge = challengeOf(page.body);
  return { pow_token: challenge.token, pow_number: solve(challenge) };
}

/** The receipt code shown on a receipt page. */
export function receiptCodeOf(html: string): string {
  const code = /<code id="report-code">([^<]+)<\/code>/.exec(html)?.[1];
  if (!code) throw new Error('no receipt code on the page');
  return code;
}
