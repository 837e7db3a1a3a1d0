// What the rest of the system may use of the integrity zone: the folders and key files the
// backup must know about, and key rotation for the CLI.
import path from 'node:path';
import { documentDir } from './documents/files.ts';
import { evidenceDir } from './evidence/index.ts';
import { KEY_FILE, NEXT_KEY_FILE } from './sealing/key-ring.ts';

export { rotateIntegrityKey, RotationRefused, type Rotation } from './rotate-key.ts';

/** The key files in the data directory: a backup leaves them out and says where they are. */
export const INTEGRITY_KEY_FILES: readonly string[] = [KEY_FILE, NEXT_KEY_FILE];

/** The zone's folders under the data directory, by name (published documents; sealed evidence). */
export function integrityFolders(dataDir: string): readonly string[] {
  return [documentDir(dataDir), evidenceDir(dataDir)].map((dir) => path.relative(dataDir, dir));
}
