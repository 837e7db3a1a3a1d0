// Receipt codes: what a reporter keeps to follow a report, and the only way back to it. 100 bits
// from the system's CSPRNG (the issue asks for at least 80), written as 20 characters of
// Crockford's base32 in five groups ("7KQ2-M9XD-…"): no I, L, O or U, so it reads aloud and copies
// by hand without confusion. Only a SHA-256 of the code is stored: with 100 random bits there is
// nothing to guess from it, and a copy of the database cannot lead anyone to the reporter's view.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHARS = 20;
const GROUP = 4;

/** A new code, grouped for reading. */
export function newReceiptCode(): string {
  const bytes = randomBytes(Math.ceil((CHARS * 5) / 8));
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < CHARS; i++) text += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return group(text);
}

/**
 * The code as typed, in its one canonical form, or undefined when it cannot be one: spaces and
 * dashes dropped, lower case raised, and the letters people mistake for digits read as those.
 */
export function normalizeReceiptCode(typed: string): string | undefined {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== CHARS) return undefined;
  for (const c of text) if (!ALPHABET.includes(c)) return undefined;
  return text;
}

/** What is stored: the SHA-256 of the canonical code, as hex. */
export function receiptCodeHash(canonical: string): string {
  return createHash('sha256').update(`warta-receipt:${canonical}`).digest('hex');
}

function group(text: string): string {
  return text.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}
