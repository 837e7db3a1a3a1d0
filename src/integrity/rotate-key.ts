// `warta integrity rotate-key`: every report, message and attachment sealed again under a new key,
// and the old key retired. Run with the site stopped: a server still running would go on sealing
// new reports under the key this retires (SQLite sites are checked through the serving lock;
// on PostgreSQL, with app servers on other machines, the operator confirms with --force).
//
// With the key file (the default) the new key is written beside the old one first
// (integrity-key.next, which every process reads in front of the old one), everything is sealed
// again, and then it is renamed over the old file. With WARTA_INTEGRITY_KEY the key lives in the
// operator's settings, not the data directory, so the new one comes from WARTA_INTEGRITY_NEW_KEY and
// the operator swaps the settings afterwards. Either way a rotation that stops halfway is finished
// by running it again: both keys are still there, and what is already under the new one is skipped.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/schema.ts';
import { resealEverything, type ResealCounts } from './reports/reseal.ts';
import {
  KEY_FILE,
  keyFromText,
  keyRing,
  loadKeyRing,
  newKeyText,
  NEXT_KEY_FILE,
  writeDurably,
} from './sealing/key-ring.ts';

/** What a rotation did and what the operator must do next. */
export interface Rotation {
  readonly counts: ResealCounts;
  /** Lines for the operator: where the key is now, and any step left to them. */
  readonly advice: readonly string[];
}

/** A rotation that cannot start as asked (nothing was changed). */
export class RotationRefused extends Error {}

/** Seals everything again under a new key; the caller has made sure no server runs. */
export async function rotateIntegrityKey(
  config: Pick<Config, 'integrityKey' | 'dataDir'>,
  db: Kysely<Database>,
  newKeyFromEnv: string | undefined,
  onProgress?: (counts: ResealCounts) => void,
): Promise<Rotation> {
  if (config.integrityKey) {
    if (!newKeyFromEnv)
      throw new RotationRefused(
        'the key is set by WARTA_INTEGRITY_KEY, so the new one must come from your settings too: ' +
          'make one with `openssl rand -base64 32` and run again with WARTA_INTEGRITY_NEW_KEY set to it',
      );
    const next = keyFromText(newKeyFromEnv, 'WARTA_INTEGRITY_NEW_KEY');
    const current = keyFromText(config.integrityKey, 'WARTA_INTEGRITY_KEY');
    if (next.id.equals(current.id)) throw new RotationRefused('WARTA_INTEGRITY_NEW_KEY is the current key');
    const counts = await resealEverything(db, keyRing([next, current]), config.dataDir, onProgress);
    return {
      counts,
      advice: [
        'Now set WARTA_INTEGRITY_KEY to the value of WARTA_INTEGRITY_NEW_KEY on every app server, remove',
        'WARTA_INTEGRITY_NEW_KEY, and start the site: the old key no longer opens anything.',
      ],
    };
  }
  if (newKeyFromEnv)
    throw new RotationRefused(
      'WARTA_INTEGRITY_NEW_KEY is set but the key is kept in the key file: unset it, and a new key is made for you',
    );
  const keyFile = path.join(config.dataDir, KEY_FILE);
  const nextFile = path.join(config.dataDir, NEXT_KEY_FILE);
  if (!fs.existsSync(keyFile)) throw new RotationRefused(`there is no key file at ${keyFile} to rotate`);
  // An earlier rotation that stopped halfway left its new key: finish with that one.
  if (!fs.existsSync(nextFile)) writeDurably(nextFile, newKeyText() + '\n', 'wx');
  const counts = await resealEverything(db, loadKeyRing(undefined, config.dataDir), config.dataDir, onProgress);
  fs.renameSync(nextFile, keyFile);
  syncDirectory(config.dataDir);
  return {
    counts,
    advice: [
      `The new key is in ${keyFile}; the old key is gone. Back the new key up apart from the database`,
      '(`warta backup` leaves it out on purpose): without it, the reports cannot be read.',
    ],
  };
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some systems cannot fsync a directory; the rename is still done.
  }
}
