// The reports' encryption keys. A report is readable only with the key, and the key never enters
// the database: it comes from the WARTA_INTEGRITY_KEY setting or from <dataDir>/integrity-key,
// made on first start with mode 0600, so a copy of the database alone reveals nothing.
//
// Rotation (src/integrity/rotate-key.ts) writes the new key beside the old one first
// (integrity-key.next), seals every value again in batches, and only then puts the new key in
// place. A crash at any step leaves each value sealed under a key that is still on disk: the ring
// holds both until the end, and running the rotation again finishes it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key file's name in the data directory (the backup leaves it out and says where it is). */
export const KEY_FILE = 'integrity-key';
/** A rotation's new key, until every value is sealed under it. */
export const NEXT_KEY_FILE = 'integrity-key.next';

const KEY_BYTES = 32;

/** One AES-256 key and the id a sealed value names it by. */
export interface ReportKey {
  /** 8 bytes of the key's SHA-256: names the key without revealing it. */
  readonly id: Buffer;
  readonly secret: Buffer;
}

/** The keys a process can open values with, and the one it seals new values with. */
export interface KeyRing {
  readonly current: ReportKey;
  /** Every key that may have sealed a stored value, the current one included. */
  byId(id: Buffer): ReportKey | undefined;
}

/** A key from its text form (base64url or base64 of 32 bytes). */
export function keyFromText(text: string, where: string): ReportKey {
  const secret = Buffer.from(text.trim(), 'base64url');
  if (secret.length !== KEY_BYTES) {
    throw new Error(
      `${where} must hold 32 random bytes as base64url (44 characters), e.g. from \`openssl rand -base64 32\``,
    );
  }
  return { id: createHash('sha256').update(secret).digest().subarray(0, 8), secret };
}

/** A new random key, as text for its file. */
export function newKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** A ring of keys; the first one seals. */
export function keyRing(keys: readonly ReportKey[]): KeyRing {
  const [current] = keys;
  if (!current) throw new Error('a key ring needs at least one key');
  const map = new Map(keys.map((k) => [k.id.toString('hex'), k]));
  return { current, byId: (id) => map.get(id.toString('hex')) };
}

/**
 * The ring of this site: the configured key, else the key file (created when missing), with a
 * rotation's unfinished new key in front when one is on disk.
 */
export function loadKeyRing(configured: string | undefined, dataDir: string): KeyRing {
  const keys: ReportKey[] = [];
  const next = readKeyFile(path.join(dataDir, NEXT_KEY_FILE));
  if (next !== undefined) keys.push(keyFromText(next, NEXT_KEY_FILE));
  if (configured) keys.push(keyFromText(configured, 'WARTA_INTEGRITY_KEY'));
  else keys.push(keyFromText(ensureKeyFile(path.join(dataDir, KEY_FILE)), KEY_FILE));
  return keyRing(keys);
}

function readKeyFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads the key file, or creates it (0600; 'wx', so two processes starting at once agree). */
function ensureKeyFile(file: string): string {
  const existing = readKeyFile(file);
  if (existing !== undefined) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = newKeyText();
  try {
    writeDurably(file, text + '\n', 'wx');
    return text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  }
}

/** Writes a key file and flushes it to disk before returning: a lost key is lost reports. */
export function writeDurably(file: string, text: string, flag: 'wx' | 'w'): void {
  const fd = fs.openSync(file, flag, 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, 0o600);
}
