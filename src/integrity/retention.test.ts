// The retention job on both engines: once due, it purges the closed reports older than the
// setting, with their files, and leaves younger and open ones alone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/newsroom.ts';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import { evidenceDir } from './evidence/index.ts';
import { pdf } from './evidence/test-fixtures.ts';
import { setStatus, submitReport } from './reports/index.ts';
import { retentionCutoff } from './retention.ts';
import { reportVault } from './vault.ts';

describe('the retention job', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ WARTA_INTEGRITY_RETENTION_MONTHS: '12' });
  });
  after(() => t.close());

  it('counts calendar months back from now', () => {
    assert.equal(retentionCutoff(new Date('2026-12-02T03:00:00Z'), 12).toISOString(), '2025-12-02T03:00:00.000Z');
    assert.equal(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1).toISOString(), '2026-03-03T00:00:00.000Z');
  });

  it('purges closed reports older than the setting, with their files, and nothing else', async () => {
    const vault = reportVault(t.app.ctx);
    const officer = { ...t.app.ctx.writer, actorId: (await signedIn(t, 'integrity_officer')).user.id };
    const submit = (what: string) =>
      submitReport(t.app.ctx.writer, vault, {
        edition: 'en',
        form: { kind: 'complaint', what, when: 'Yesterday', where: 'Office', who: 'A clerk' },
        files: [{ name: 'e.pdf', bytes: pdf(what) }],
      });
    const old = await submit('closed long ago');
    const recent = await submit('closed last month');
    const open = await submit('still open');
    for (const r of [old, recent]) await setStatus(officer, vault, r.publicId, { status: 'closed', reason: 'Done.' });
    const now = t.app.ctx.now();
    const monthsAgo = (n: number) => toDbTime(new Date(now.getTime() - n * 31 * 24 * 3600_000));
    await t.db
      .updateTable('integrity_reports')
      .set({ closed_at: monthsAgo(13) })
      .where('public_id', '=', old.publicId)
      .execute();
    await t.db
      .updateTable('integrity_reports')
      .set({ closed_at: monthsAgo(1) })
      .where('public_id', '=', recent.publicId)
      .execute();
    const filesBefore = fs.readdirSync(evidenceDir(t.config.dataDir)).length;

    await t.db
      .updateTable('scheduled_jobs')
      .set({ next_run_at: toDbTime(now) })
      .where('name', '=', 'integrity.purge-closed-reports')
      .execute();
    await t.app.ctx.jobs.runDue();
    // The runner's own tick may have claimed the run first: wait for that run to finish.
    for (let i = 0; i < 200; i++) {
      const job = await t.db
        .selectFrom('scheduled_jobs')
        .select(['locked_by', 'last_finished_at'])
        .where('name', '=', 'integrity.purge-closed-reports')
        .executeTakeFirstOrThrow();
      if (job.locked_by === null && job.last_finished_at !== null && toDate(job.last_finished_at) >= now) break;
      await delay(50);
    }

    const left = await t.db.selectFrom('integrity_reports').select('public_id').execute();
    assert.deepEqual(new Set(left.map((r) => r.public_id)), new Set([recent.publicId, open.publicId]));
    assert.equal(fs.readdirSync(evidenceDir(t.config.dataDir)).length, filesBefore - 1, 'its file went with it');
    const purged = await t.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'integrity_report.purged')
      .execute();
    assert.deepEqual(
      purged.map((e) => JSON.parse(e.payload).publicId),
      [old.publicId],
    );
  });
});
