// Sealing: AES-256-GCM from Node's crypto for everything a reporter or an officer writes about a
// report. A sealed value is one buffer: a format byte, the key's id, a fresh 12-byte nonce, the
// 16-byte tag and the ciphertext. The "context" (e.g. "report:42:text") is bound in as
// additional data, so a value copied to another row or field does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring.ts';

const FORMAT = 1;
const ID_BYTES = 8;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + ID_BYTES + NONCE_BYTES + TAG_BYTES;

/** A sealed value could not be opened: wrong key, another context, or damaged bytes. */
export class SealError extends Error {}

/** Seals bytes (or text, as UTF-8) under the ring's current key. */
export function seal(ring: KeyRing, plain: Buffer | string, context: string): Buffer {
  const key = ring.current;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.secret, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([
    cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.of(FORMAT), key.id, nonce, cipher.getAuthTag(), body]);
}

/** Opens a sealed value with whichever key of the ring sealed it. */
export function open(ring: KeyRing, sealed: Uint8Array, context: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT) throw new SealError('not a sealed value');
  const key = ring.byId(bytes.subarray(1, 1 + ID_BYTES));
  if (!key) throw new SealError('sealed under a key this site does not have');
  const nonce = bytes.subarray(1 + ID_BYTES, 1 + ID_BYTES + NONCE_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.secret, nonce);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(1 + ID_BYTES + NONCE_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new SealError('the sealed value does not open in this context');
  }
}

/** Opens a sealed text. */
export function openText(ring: KeyRing, sealed: Uint8Array, context: string): string {
  return open(ring, sealed, context).toString('utf8');
}

/** Whether a value is sealed under the ring's current key (rotation skips those). */
export function isSealedUnderCurrent(ring: KeyRing, sealed: Uint8Array): boolean {
  return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    .subarray(1, 1 + ID_BYTES)
    .equals(ring.current.id);
}
