// `warta integrity rotate-key [--force]`: what it checks, prints and returns; the work is in
// src/integrity/rotate-key.ts.
import type { Config } from '../core/config.ts';
import { rotateIntegrityKey, RotationRefused } from '../integrity/index.ts';
import { ServersRunning, withServersStopped } from '../ops/serving-lock.ts';
import { openMigrated } from './database.ts';

/** 0 when done; 1 when refused (nothing changed); a thrown error leaves a rotation to finish by running again. */
export async function rotateKeyCommand(
  config: Config,
  env: Record<string, string | undefined>,
  force: boolean,
): Promise<number> {
  // PostgreSQL sites run app servers this machine cannot see: the operator says they are stopped.
  if (config.engine === 'postgres' && !force) {
    console.error(
      'warta integrity rotate-key: stop every app server of this site first (a running server would go on ' +
        'sealing new reports under the old key), then run again with --force; nothing was changed',
    );
    return 1;
  }
  try {
    return await withServersStopped(config.databaseUrl, { force }, async () => {
      const db = await openMigrated(config);
      try {
        const rotation = await rotateIntegrityKey(config, db.kysely, env.WARTA_INTEGRITY_NEW_KEY, (c) =>
          process.stderr.write(
            `\rsealed again: ${c.reports} reports, ${c.messages} messages, ${c.attachments} attachments`,
          ),
        );
        process.stderr.write('\n');
        const c = rotation.counts;
        console.log(
          `rotated the integrity key: ${c.reports} reports, ${c.messages} messages, ${c.attachments} attachments ` +
            `and ${c.files} files sealed again`,
        );
        for (const line of rotation.advice) console.log(line);
        return 0;
      } finally {
        await db.close();
      }
    });
  } catch (error) {
    if (error instanceof RotationRefused || error instanceof ServersRunning) {
      console.error(`warta integrity rotate-key: ${error.message}; nothing was changed`);
      return 1;
    }
    throw error;
  }
}
