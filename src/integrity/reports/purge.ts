// The retention purge: closed reports older than the setting are deleted with their messages and
// evidence files, each recorded as an event (the audit log keeps that it happened, by public id).
// Rows go first, in batches, and a batch's files only after its commit: a crash in between
// leaves files no row names, which the sweep at the end removes (files are sealed, and useless
// without their row's metadata, but a purge means gone).
import { toDbTime } from '../../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { listEvidenceFiles, removeEvidence, removeLeftover } from '../evidence/index.ts';
import type { ReportVault } from './records.ts';
import './events.ts';

/** Reports deleted per transaction: short write locks, however many are due. */
const BATCH = 100;
/** A file younger than this may belong to a submission still being committed: the sweep leaves it. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

/** Deletes closed reports closed before `olderThan`, their messages and files; returns how many. */
export async function purgeClosedReports(w: WriteContext, vault: ReportVault, olderThan: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const files = await runCommand(w, async (trx, emit) => {
      const due = await trx
        .selectFrom('integrity_reports')
        .select(['id', 'public_id'])
        .where('status', '=', 'closed')
        .where('closed_at', '<', toDbTime(olderThan))
        .orderBy('closed_at')
        .limit(BATCH)
        .execute();
      if (due.length === 0) return undefined;
      const ids = due.map((r) => r.id);
      const attached = await trx
        .selectFrom('integrity_attachments')
        .select('file')
        .where('report_id', 'in', ids)
        .execute();
      // Explicit deletes in order, rather than trusting each engine's cascade to be switched on.
      await trx.deleteFrom('integrity_attachments').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('integrity_messages').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('integrity_reports').where('id', 'in', ids).execute();
      for (const row of due) await emit('integrity_report.purged', { publicId: row.public_id, status: 'closed' });
      purged += due.length;
      return attached.map((a) => a.file);
    });
    if (files === undefined) break;
    for (const file of files) await removeEvidence(vault.dataDir, file);
  }
  await sweepLeftovers(w, vault);
  return purged;
}

/** Removes files in the evidence folder that no attachment row names, once past the grace time. */
async function sweepLeftovers(w: WriteContext, vault: ReportVault): Promise<void> {
  const cutoff = w.now().getTime() - SWEEP_GRACE_MS;
  const old = (await listEvidenceFiles(vault.dataDir)).filter((f) => f.modifiedAt.getTime() < cutoff);
  if (old.length === 0) return;
  const named = new Set<string>();
  for (let i = 0; i < old.length; i += 500) {
    const chunk = old.slice(i, i + 500).map((f) => f.file);
    const rows = await w.db.selectFrom('integrity_attachments').select('file').where('file', 'in', chunk).execute();
    for (const row of rows) named.add(row.file);
  }
  for (const { file } of old) if (!named.has(file)) await removeLeftover(vault.dataDir, file);
}
