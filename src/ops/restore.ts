// `warta restore DIR`: puts a snapshot made by `warta backup` back in place of the configured
// SQLite database, media and key files. Nothing is touched until every file of the snapshot
// matches its manifest, and never while a server runs on the database (unless forced).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { integrityFolders } from '../integrity/index.ts';
import { mediaStorage } from '../media/index.ts';
import {
  checkSnapshot,
  MANIFEST,
  MANIFEST_FORMAT,
  SNAPSHOT_DATABASE,
  SNAPSHOT_FILES,
  SNAPSHOT_KEYS,
  SNAPSHOT_MEDIA,
  sqliteFileOf,
  type BackupManifest,
} from './backup.ts';
import { withServersStopped } from './serving-lock.ts';

/** A snapshot that cannot be restored: no manifest, a file missing or changed. */
export class BadSnapshot extends Error {}

/** Reads a snapshot's manifest and checks every file it lists; throws BadSnapshot on the first problem. */
export function readVerifiedManifest(dir: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BadSnapshot(`${dir} has no readable ${MANIFEST}: not a finished warta backup`);
  }
  if (manifest.format !== MANIFEST_FORMAT || manifest.engine !== 'sqlite' || !Array.isArray(manifest.files))
    throw new BadSnapshot(`${dir}/${MANIFEST} is not a ${MANIFEST_FORMAT} manifest of an SQLite site`);
  const root = path.resolve(dir);
  for (const file of manifest.files) {
    const full = path.resolve(root, file.path);
    // A manifest names files inside its snapshot only.
    if (!full.startsWith(root + path.sep))
      throw new BadSnapshot(`the manifest names a file outside the snapshot: ${file.path}`);
    let data: Buffer;
    try {
      data = fs.readFileSync(full);
    } catch {
      throw new BadSnapshot(`${file.path} is missing`);
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (data.length !== file.bytes || sha256 !== file.sha256)
      throw new BadSnapshot(`${file.path} does not match the manifest (changed or damaged since the backup)`);
  }
  if (!manifest.files.some((f) => f.path === SNAPSHOT_DATABASE)) throw new BadSnapshot(`the snapshot has no database`);
  return manifest;
}

/**
 * Restores a verified snapshot into the configured data dir and SQLite database. Refuses while
 * a server runs on that database (ServersRunning) unless `force`; then that server must be
 * restarted, as it still has the replaced database open.
 */
export async function restoreSqlite(config: Config, dir: string, options: { force: boolean }): Promise<BackupManifest> {
  const databaseFile = sqliteFileOf(config.databaseUrl);
  const manifest = readVerifiedManifest(dir);
  return withServersStopped(config.databaseUrl, options, async () => {
    fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
    // Copied beside its place and checked there, then renamed over the old database in one step.
    const incoming = `${databaseFile}.restoring`;
    fs.copyFileSync(path.join(dir, SNAPSHOT_DATABASE), incoming);
    checkSnapshot(incoming);
    // The old database's write-ahead log must go with it: SQLite would replay it into the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
    fs.renameSync(incoming, databaseFile);

    const media = mediaStorage(config.dataDir);
    const folders = integrityFolders(config.dataDir);
    for (const file of manifest.files) {
      const [top, folder, ...rest] = file.path.split('/');
      // Only the folders a backup writes, back to their place (sealed files stay 0600).
      if (top === SNAPSHOT_FILES && folder && folders.includes(folder) && rest.length > 0) {
        const target = path.join(config.dataDir, folder, ...rest);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        fs.copyFileSync(path.join(dir, file.path), target);
        fs.chmodSync(target, 0o600);
        continue;
      }
      const [part, name] = file.path.split('/') as [string, string | undefined];
      if (part === SNAPSHOT_MEDIA && name) await media.put(name, fs.readFileSync(path.join(dir, file.path)));
      if (part === SNAPSHOT_KEYS && name) {
        const target = path.join(config.dataDir, name);
        fs.copyFileSync(path.join(dir, file.path), target);
        fs.chmodSync(target, 0o600);
      }
    }
    return manifest;
  });
}
