// Where evidence lives: <dataDir>/integrity-files, one file per attachment under a random name,
// its bytes sealed (AES-256-GCM, context `file:<name>`), so the folder alone reveals nothing.
// The name, type and size travel in the row's `sealed_meta`, sealed for that file only. A file is
// written under a temporary name, flushed to disk and renamed: a reporter holding a receipt code
// must never find the evidence half-written or lost to a power cut.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isSealedUnderCurrent, open as openSealed, openText, seal } from '../sealing/seal.ts';
import type { KeyRing } from '../sealing/key-ring.ts';
import { evidenceType, type EvidenceFormat, type EvidenceType } from './detect.ts';
import type { PreparedEvidence } from './prepare.ts';

/** The folder under the data directory (the backup copies it; it is useless without the key). */
export const EVIDENCE_FOLDER = 'integrity-files';
/** A stored file's name: 32 hex characters, so a name read from the database cannot leave the folder. */
const FILE_NAME = /^[0-9a-f]{32}$/;

/** The evidence folder of a data directory. */
export function evidenceDir(dataDir: string): string {
  return path.join(dataDir, EVIDENCE_FOLDER);
}

/** What `sealed_meta` holds. */
export interface EvidenceMeta {
  readonly name: string;
  readonly type: EvidenceType;
  readonly size: number;
  readonly isStripped: boolean;
}

/** A stored file: its name in the folder and its sealed metadata, for the attachment row. */
export interface StoredEvidence {
  readonly file: string;
  readonly sealedMeta: Buffer;
}

/** Seals and writes one file durably; the caller records the row (and removes the file if it cannot). */
export async function storeEvidence(
  ring: KeyRing,
  dataDir: string,
  evidence: PreparedEvidence,
): Promise<StoredEvidence> {
  const dir = evidenceDir(dataDir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = randomBytes(16).toString('hex');
  const partial = path.join(dir, `.${file}.partial`);
  const handle = await fs.open(partial, 'wx', 0o600);
  try {
    await handle.writeFile(seal(ring, evidence.bytes, `file:${file}`));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(partial, path.join(dir, file));
  await syncDirectory(dir);
  const meta = {
    name: evidence.name,
    format: evidence.type.format,
    size: evidence.bytes.length,
    isStripped: evidence.isStripped,
  };
  return { file, sealedMeta: seal(ring, JSON.stringify(meta), metaContext(file)) };
}

/** Opens an attachment's metadata alone (for lists of names). */
export function openEvidenceMeta(ring: KeyRing, file: string, sealedMeta: Uint8Array): EvidenceMeta {
  const meta = JSON.parse(openText(ring, sealedMeta, metaContext(file))) as {
    name: string;
    format: EvidenceFormat;
    size: number;
    isStripped: boolean;
  };
  return { name: meta.name, type: evidenceType(meta.format), size: meta.size, isStripped: meta.isStripped };
}

/** A stored attachment opened: its bytes with its name and type. */
export interface OpenedEvidence extends EvidenceMeta {
  readonly bytes: Buffer;
}

/** Reads and opens a stored attachment; undefined when its file is gone. Throws SealError when it does not open. */
export async function openEvidence(
  ring: KeyRing,
  dataDir: string,
  file: string,
  sealedMeta: Uint8Array,
): Promise<OpenedEvidence | undefined> {
  let sealed: Buffer;
  try {
    sealed = await fs.readFile(pathOf(dataDir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { ...openEvidenceMeta(ring, file, sealedMeta), bytes: openSealed(ring, sealed, `file:${file}`) };
}

/** Removes a stored file (the purge, or a submission whose rows could not be recorded); a missing one is no error. */
export async function removeEvidence(dataDir: string, file: string): Promise<void> {
  await fs.rm(pathOf(dataDir, file), { force: true });
}

/**
 * The stored files' names with their modification times, for the purge's sweep of files that no
 * row names (a process that died between writing a file and committing its report).
 */
export async function listEvidenceFiles(dataDir: string): Promise<{ file: string; modifiedAt: Date }[]> {
  const dir = evidenceDir(dataDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: { file: string; modifiedAt: Date }[] = [];
  for (const name of names) {
    const file = name.startsWith('.') && name.endsWith('.partial') ? name : FILE_NAME.test(name) ? name : undefined;
    if (!file) continue;
    const stat = await fs.stat(path.join(dir, file)).catch(() => undefined);
    if (stat) found.push({ file, modifiedAt: stat.mtime });
  }
  return found;
}

/** Removes a leftover from the folder by its listed name (a stored file or an unfinished `.partial`). */
export async function removeLeftover(dataDir: string, name: string): Promise<void> {
  if (!FILE_NAME.test(name) && !/^\.[0-9a-f]{32}\.partial$/.test(name))
    throw new Error(`not an evidence file: ${name}`);
  await fs.rm(path.join(evidenceDir(dataDir), name), { force: true });
}

/**
 * Seals a stored attachment again under the ring's current key (key rotation): the file is
 * written beside itself, flushed and renamed over the old one, so a crash leaves either version,
 * both of which the ring opens. Returns the metadata sealed anew; a file already under the current
 * key, or gone, is left as it is.
 */
export async function resealEvidence(
  ring: KeyRing,
  dataDir: string,
  file: string,
  sealedMeta: Uint8Array,
): Promise<{ sealedMeta: Buffer; isFileResealed: boolean }> {
  const meta = isSealedUnderCurrent(ring, sealedMeta)
    ? Buffer.from(sealedMeta)
    : seal(ring, openSealed(ring, sealedMeta, metaContext(file)), metaContext(file));
  const target = pathOf(dataDir, file);
  let sealed: Buffer;
  try {
    sealed = await fs.readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sealedMeta: meta, isFileResealed: false };
    throw error;
  }
  if (isSealedUnderCurrent(ring, sealed)) return { sealedMeta: meta, isFileResealed: false };
  const context = `file:${file}`;
  const partial = path.join(evidenceDir(dataDir), `.${file}.partial`);
  const handle = await fs.open(partial, 'w', 0o600);
  try {
    await handle.writeFile(seal(ring, openSealed(ring, sealed, context), context));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(partial, target);
  await syncDirectory(evidenceDir(dataDir));
  return { sealedMeta: meta, isFileResealed: true };
}

function metaContext(file: string): string {
  return `file-meta:${file}`;
}

function pathOf(dataDir: string, file: string): string {
  if (!FILE_NAME.test(file)) throw new Error(`not an evidence file name: ${JSON.stringify(file)}`);
  return path.join(evidenceDir(dataDir), file);
}

/** Flushes a directory so a rename in it survives a power cut (no-op where directories cannot be opened). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some systems (Windows) cannot fsync a directory; the file itself is on disk.
  } finally {
    await handle?.close();
  }
}
