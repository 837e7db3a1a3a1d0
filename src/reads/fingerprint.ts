// A 53-bit keyed fingerprint of a string: what the beacon's memories keep in place of their keys.
// A JavaScript number holds it without a string behind it, so a full memory of 200,000 keys takes
// a few MB instead of tens (a key string with its Map entry costs about 170 bytes).
import { randomInt } from 'node:crypto';

/**
 * Makes a fingerprint function with a random seed of its own. Two different keys share a
 * fingerprint with a chance of 2^-53 (about one in 9·10^15); over a full memory of 200,000
 * keys, a new key matches one of them about once in 45 billion lookups. The seed keeps that
 * chance out of a sender's hands: the keys it does not know (the process never shows it) are
 * no nearer than any others.
 */
export function fingerprinter(): (key: string) => number {
  const seed = randomInt(0, 2 ** 32);
  return (key) => cyrb53(key, seed);
}

/**
 * cyrb53 (bryc, public domain): two 32-bit multiply-xorshift lanes over the UTF-16 code units,
 * mixed at the end into 53 bits. Not cryptographic, but fast (tens of nanoseconds for a key)
 * and well distributed.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
