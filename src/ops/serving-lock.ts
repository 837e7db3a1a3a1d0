// Whether a site's SQLite database has servers running on it: every `warta serve` process holds a
// shared lock for as long as it lives, and `warta restore` takes the same lock exclusively, so it
// cannot replace a database under a running server, and a server cannot start mid-restore.
// The lock is an SQLite transaction on a small file beside the database (as withProcessLock in
// core/db/dialect.ts): the operating system ends it with the process, however that process ends.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';

/** The lock file of an SQLite database URL, or undefined when there is none to take (PostgreSQL, memory). */
export function servingLockFile(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) return undefined;
  const file = databaseUrl.slice('sqlite:'.length);
  return file === ':memory:' ? undefined : `${file}-serving.lock`;
}

// Held until the process exits; a reference keeps the connection (and its lock) from being collected.
let held: SQLite.Database | undefined;

/**
 * Takes this process's share of the serving lock, waiting while a restore holds it, and keeps it
 * until the process exits. Does nothing on PostgreSQL (restore does not replace its database).
 */
export async function holdServingLock(databaseUrl: string, onWait: () => void = () => {}): Promise<void> {
  const file = servingLockFile(databaseUrl);
  if (!file || held) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const lock = new SQLite(file, { timeout: 0 });
  let hasWaited = false;
  // Polled rather than waited for inside SQLite, which would block this process's event loop.
  for (;;) {
    try {
      // A read inside an open transaction keeps a SHARED lock on the file until the transaction ends.
      lock.exec('begin');
      lock.prepare('select count(*) from sqlite_master').get();
      held = lock;
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      if (lock.inTransaction) lock.exec('rollback');
      if (!hasWaited) onWait();
      hasWaited = true;
      await delay(200);
    }
  }
}

/** No server may be running on the database: thrown by withServersStopped. */
export class ServersRunning extends Error {}

/**
 * Runs `work` while no `warta serve` runs on the database and none can start. When servers are
 * running, throws ServersRunning, unless `force` (then `work` runs all the same).
 */
export async function withServersStopped<T>(
  databaseUrl: string,
  options: { force: boolean },
  work: () => Promise<T>,
): Promise<T> {
  const file = servingLockFile(databaseUrl);
  if (!file) return work();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const lock = new SQLite(file, { timeout: 0 });
  try {
    try {
      lock.exec('begin exclusive');
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      if (!options.force)
        throw new ServersRunning('a server is running on this database: stop it first (or use --force)');
    }
    return await work();
  } finally {
    lock.close(); // ends the transaction, and with it the lock
  }
}
