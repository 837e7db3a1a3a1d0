// `warta backup [--out DIR]` and `warta restore DIR [--force]`: what they print and their exit
// codes; the work is in ops/backup.ts and ops/restore.ts.
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { backupAdvice, backupSqlite, defaultBackupDir, integrityKeyAdvice } from '../ops/backup.ts';
import { BadSnapshot, restoreSqlite } from '../ops/restore.ts';
import { ServersRunning } from '../ops/serving-lock.ts';

/** Takes a snapshot (SQLite); on PostgreSQL prints what to run instead and exits 1: no backup was made. */
export async function backupCommand(config: Config, out: string | undefined): Promise<number> {
  if (config.engine !== 'sqlite') {
    console.error(backupAdvice(config));
    return 1;
  }
  const now = new Date();
  const dir = path.resolve(out ?? defaultBackupDir(config, now));
  const manifest = await backupSqlite(config, dir, now);
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `backup written to ${dir}: ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, schema ${manifest.schemaVersion}`,
  );
  console.log(integrityKeyAdvice(config));
  return 0;
}

/** Restores a snapshot (SQLite); 1 when the snapshot is bad or a server runs, 2 for a wrong command line. */
export async function restoreCommand(config: Config, args: string[], force: boolean): Promise<number> {
  if (args.length !== 1) {
    console.error('warta restore: name one backup directory: warta restore DIR [--force]');
    return 2;
  }
  if (config.engine !== 'sqlite') {
    console.error(`warta restore: the database is PostgreSQL; restore it with pg_restore:\n\n${backupAdvice(config)}`);
    return 1;
  }
  try {
    const manifest = await restoreSqlite(config, path.resolve(args[0]!), { force });
    console.log(
      `restored the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}) into ${config.dataDir}` +
        (force ? '\nrestart every server of this site now: they still have the replaced database open' : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof BadSnapshot || error instanceof ServersRunning) {
      console.error(`warta restore: ${error.message}; nothing was changed`);
      return 1;
    }
    throw error;
  }
}
