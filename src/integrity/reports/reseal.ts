// Key rotation's work: every sealed value of the reporting channel (report contents, messages,
// attachment metadata and files) opened with whichever key of the ring sealed it and sealed again
// under the ring's current key. In batches by id, one short transaction each; values already under
// the current key are skipped, so a rotation that stopped halfway is finished by running it again.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import { resealEvidence } from '../evidence/index.ts';
import type { KeyRing } from '../sealing/key-ring.ts';
import { isSealedUnderCurrent, open, seal } from '../sealing/seal.ts';
import { messageContext, reportContext } from './records.ts';

const BATCH = 200;

/** How many values were sealed again, by kind. */
export interface ResealCounts {
  reports: number;
  messages: number;
  attachments: number;
  files: number;
}

function reseal(ring: KeyRing, sealed: Uint8Array, context: string): Buffer {
  return seal(ring, open(ring, sealed, context), context);
}

/** Seals everything of the channel again under `ring.current`; `onProgress` hears each batch. */
export async function resealEverything(
  db: Kysely<Database>,
  ring: KeyRing,
  dataDir: string,
  onProgress: (counts: ResealCounts) => void = () => {},
): Promise<ResealCounts> {
  const counts: ResealCounts = { reports: 0, messages: 0, attachments: 0, files: 0 };

  await eachBatch(
    (after) =>
      db
        .selectFrom('integrity_reports')
        .select(['id', 'public_id', 'sealed'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (rows) => {
      const due = rows.filter((r) => !isSealedUnderCurrent(ring, r.sealed));
      await db.transaction().execute(async (trx) => {
        for (const r of due)
          await trx
            .updateTable('integrity_reports')
            .set({ sealed: reseal(ring, r.sealed, reportContext(r.public_id)) })
            .where('id', '=', r.id)
            .execute();
      });
      counts.reports += due.length;
      onProgress(counts);
    },
  );

  await eachBatch(
    (after) =>
      db
        .selectFrom('integrity_messages as m')
        .innerJoin('integrity_reports as r', 'r.id', 'm.report_id')
        .select(['m.id', 'm.kind', 'm.sealed', 'r.public_id'])
        .where('m.id', '>', after)
        .orderBy('m.id')
        .limit(BATCH)
        .execute(),
    async (rows) => {
      const due = rows.filter((m) => !isSealedUnderCurrent(ring, m.sealed));
      await db.transaction().execute(async (trx) => {
        for (const m of due)
          await trx
            .updateTable('integrity_messages')
            .set({ sealed: reseal(ring, m.sealed, messageContext(m.public_id, m.kind)) })
            .where('id', '=', m.id)
            .execute();
      });
      counts.messages += due.length;
      onProgress(counts);
    },
  );

  // A file is sealed again before its row: a crash in between leaves a row whose metadata the
  // old key opens and a file the new one does, and the ring holds both until the rotation ends.
  await eachBatch(
    (after) =>
      db
        .selectFrom('integrity_attachments')
        .select(['id', 'file', 'sealed_meta'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (rows) => {
      for (const a of rows) {
        const result = await resealEvidence(ring, dataDir, a.file, a.sealed_meta);
        if (result.isFileResealed) counts.files++;
        if (!isSealedUnderCurrent(ring, a.sealed_meta)) {
          await db
            .updateTable('integrity_attachments')
            .set({ sealed_meta: result.sealedMeta })
            .where('id', '=', a.id)
            .execute();
          counts.attachments++;
        }
      }
      onProgress(counts);
    },
  );
  return counts;
}

/** Pages through a table by id (keyset paging: each batch after the last id seen) until it is done. */
async function eachBatch<Row extends { id: number }>(
  next: (afterId: number) => Promise<Row[]>,
  work: (rows: Row[]) => Promise<void>,
): Promise<void> {
  for (let after = 0; ;) {
    const rows = await next(after);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    await work(rows);
  }
}
