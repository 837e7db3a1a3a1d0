// The reporting channel end to end, on both engines: a report's round trip between reporter and
// officer, nothing of it readable in the database file or the evidence folder, codes that open
// nothing all answering alike, the events the audit log follows, and the retention purge.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_ENGINE } from '../../../test/helpers/database.ts';
import { signedIn } from '../../../test/helpers/newsroom.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { evidenceDir, listEvidenceFiles, storeEvidence } from '../evidence/index.ts';
import { EXIF_MARKERS, exe, jpegWithGps, pdf, png } from '../evidence/test-fixtures.ts';
import { loadKeyRing } from '../sealing/key-ring.ts';
import { newReceiptCode } from '../sealing/receipt-code.ts';
import { addReporterMessage, findByCode, submitReport } from './commands.ts';
import { ReportClosedError, ReportInputError, ReportNotFoundError } from './model.ts';
import { listInbox } from './inbox.ts';
import { addNote, assignReport, openAttachment, openReport, replyToReporter, setStatus } from './officer.ts';
import { purgeClosedReports } from './purge.ts';
import type { ReportVault } from './records.ts';

// Phrases that appear nowhere else: each must be findable only through the key.
const REPORT_PHRASE = 'kepala seksi perizinan meminta uang pelicin 750 ribu';
const ATTACHMENT_PHRASE = 'ledger of unofficial fees kept in drawer nine';
const REPORTER_NAME = 'Wahyuningsih Kartikasari';
const REPLY = 'Could you send a photo of the receipt you were given?';
const NOTE = 'Internal: the clerk at desk 4 was moved last month.';
const CLOSING_REASON = 'Handed to the inspectorate under case 2026/117.';

describe('the reporting channel', () => {
  let t: TestApp;
  let vault: ReportVault;
  let reporter: WriteContext;
  let officer: WriteContext;
  let officerId: number;

  before(async () => {
    t = await createTestApp();
    vault = { ring: loadKeyRing(undefined, t.config.dataDir), dataDir: t.config.dataDir };
    reporter = t.app.ctx.writer;
    officerId = (await signedIn(t, 'integrity_officer')).user.id;
    officer = { ...t.app.ctx.writer, actorId: officerId };
  });
  after(() => t.close());

  const form = (what = REPORT_PHRASE, extra: Record<string, unknown> = {}) => ({
    kind: 'whistleblowing',
    what: `At the licensing desk, ${what}.`,
    when: 'Monday 2 March 2026, around 10:00',
    where: 'Kantor perizinan, lantai 2',
    who: 'A section head of the licensing office',
    ...extra,
  });

  async function reportEvents(publicId: string) {
    const rows = await t.db
      .selectFrom('outbox_events')
      .select(['type', 'payload', 'actor_id'])
      .where('type', 'like', 'integrity_report.%')
      .orderBy('id')
      .execute();
    return rows
      .map((r) => ({ type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown>, actor: r.actor_id }))
      .filter((e) => e.payload.publicId === publicId);
  }

  it('carries a report from anonymous submission to closing, the reporter reading replies but never notes', async () => {
    const jpeg = await jpegWithGps();
    const { receiptCode, publicId } = await submitReport(reporter, vault, {
      edition: 'id',
      form: form(),
      files: [
        { name: 'ledger.pdf', bytes: pdf(ATTACHMENT_PHRASE) },
        { name: 'IMG_20260302_101500.jpg', bytes: jpeg },
      ],
    });
    assert.match(receiptCode, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    assert.match(publicId, /^[a-z2-7]{16}$/);

    const first = await findByCode(t.db, vault, receiptCode);
    assert.equal(first?.status, 'received');
    assert.equal(first?.kind, 'whistleblowing');
    assert.deepEqual(first?.content.identity, { name: '', email: '', phone: '' });
    assert.deepEqual(
      first?.attachments.map((a) => a.name),
      ['ledger.pdf', 'IMG_20260302_101500.jpg'],
    );

    // The inbox shows the clear columns only; opening is per report.
    const inbox = await listInbox(t.db, { kind: 'whistleblowing', status: 'received' });
    const listed = inbox.items.find((i) => i.publicId === publicId);
    assert.deepEqual(Object.keys(listed!).sort(), [
      'assignedTo',
      'closedAt',
      'edition',
      'kind',
      'publicId',
      'receivedAt',
      'status',
      'updatedAt',
    ]);

    const opened = await openReport(officer, vault, publicId);
    assert.ok(opened?.content.what.includes(REPORT_PHRASE));
    const photo = opened!.attachments.find((a) => a.mime === 'image/jpeg')!;
    assert.equal(photo.isStripped, true);
    const image = await openAttachment(officer, vault, publicId, photo.id);
    const { default: sharp } = await import('sharp');
    const meta = await sharp(image!.bytes).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF reaches the officer');
    for (const marker of Object.values(EXIF_MARKERS)) assert.equal(image!.bytes.includes(marker), false);
    const ledger = await openAttachment(
      officer,
      vault,
      publicId,
      opened!.attachments.find((a) => a.mime === 'application/pdf')!.id,
    );
    assert.ok(ledger?.bytes.includes(ATTACHMENT_PHRASE));
    assert.equal(ledger?.name, 'ledger.pdf');

    await replyToReporter(officer, vault, publicId, REPLY);
    await addNote(officer, vault, publicId, NOTE);
    await setStatus(officer, vault, publicId, { status: 'verified' });

    const second = await findByCode(t.db, vault, receiptCode);
    assert.deepEqual(
      second?.messages.map((m) => [m.kind, m.text]),
      [['reply', REPLY]],
    );
    assert.equal(JSON.stringify(second).includes('desk 4 was moved'), false, 'notes never reach the reporter');

    // Typed in lower case with spaces: the code still opens the report.
    const typed = receiptCode.toLowerCase().replace(/-/g, ' ');
    await addReporterMessage(reporter, vault, typed, {
      text: 'Here is the receipt.',
      files: [{ name: 'receipt.png', bytes: await png() }],
    });
    await setStatus(officer, vault, publicId, { status: 'in_progress' });
    await assert.rejects(
      () => setStatus(officer, vault, publicId, { status: 'closed', reason: '  ' }),
      (error: unknown) =>
        error instanceof ReportInputError &&
        error.byField.reason?.[0]?.key === 'integrity.report.problem.reasonRequired',
    );
    await setStatus(officer, vault, publicId, { status: 'closed', reason: CLOSING_REASON });

    const last = await findByCode(t.db, vault, receiptCode);
    assert.equal(last?.status, 'closed');
    assert.equal(last?.isOpen, false);
    assert.ok(last?.closedAt);
    assert.deepEqual(
      last?.messages.map((m) => [m.kind, m.text, m.attachments.map((a) => a.name)]),
      [
        ['reply', REPLY, []],
        ['reporter', 'Here is the receipt.', ['receipt.png']],
      ],
    );
    assert.deepEqual(
      last?.statusHistory.map((s) => s.status),
      ['verified', 'in_progress', 'closed'],
    );
    assert.equal(JSON.stringify(last).includes('inspectorate'), false, 'status reasons stay with the officers');

    await assert.rejects(
      () => addReporterMessage(reporter, vault, receiptCode, { text: 'One more thing', files: [] }),
      ReportClosedError,
    );
    await assert.rejects(() => replyToReporter(officer, vault, publicId, 'Too late'), ReportClosedError);

    // The officer sees it all: notes and the closing reason included.
    const full = await openReport(officer, vault, publicId);
    assert.deepEqual(
      full?.messages.map((m) => m.kind),
      ['reply', 'note', 'status', 'reporter', 'status', 'status'],
    );
    assert.equal(full?.messages.at(-1)?.text, CLOSING_REASON);
    assert.equal(full?.attachments.length, 3);

    // Every view and change is an event naming the report and its status only.
    const events = await reportEvents(publicId);
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.status, e.actor]),
      [
        ['integrity_report.submitted', 'received', null],
        ['integrity_report.opened', 'received', officerId],
        ['integrity_report.attachment_opened', 'received', officerId],
        ['integrity_report.attachment_opened', 'received', officerId],
        ['integrity_report.replied', 'received', officerId],
        ['integrity_report.noted', 'received', officerId],
        ['integrity_report.status_changed', 'verified', officerId],
        ['integrity_report.reporter_added', 'verified', null],
        ['integrity_report.status_changed', 'in_progress', officerId],
        ['integrity_report.status_changed', 'closed', officerId],
        ['integrity_report.opened', 'closed', officerId],
      ],
    );
    for (const e of events) assert.deepEqual(Object.keys(e.payload).sort(), ['publicId', 'status']);
  });

  it('leaves nothing readable in the database or the evidence folder', async () => {
    await submitReport(reporter, vault, {
      edition: 'en',
      form: form(`${REPORT_PHRASE} (second report)`, { name: REPORTER_NAME, email: 'wahyu@example.id' }),
      files: [{ name: 'fees.pdf', bytes: pdf(ATTACHMENT_PHRASE) }],
    });
    const secrets = [REPORT_PHRASE, ATTACHMENT_PHRASE, REPORTER_NAME, 'wahyu@example.id', REPLY, NOTE, CLOSING_REASON];
    const secretBytes = [...secrets, ...Object.values(EXIF_MARKERS)].flatMap((s) => [
      Buffer.from(s, 'utf8'),
      Buffer.from(s, 'utf16le'),
    ]);

    // Every file the site wrote: the SQLite database with its WAL, and the evidence folder.
    const files = walk(t.config.dataDir).filter((f) => !f.includes(`${path.sep}media${path.sep}`));
    assert.ok(files.some((f) => f.startsWith(evidenceDir(t.config.dataDir))));
    if (TEST_ENGINE === 'sqlite') {
      assert.ok(files.some((f) => f.endsWith('.db')));
      assert.ok(files.some((f) => f.endsWith('.db-wal')));
      // The search can find what is stored in the clear: a receipt's public id is.
      const publicId = (await t.db.selectFrom('integrity_reports').select('public_id').executeTakeFirstOrThrow())
        .public_id;
      assert.ok(
        files.some((f) => fs.readFileSync(f).includes(publicId)),
        'the search reads the database’s bytes',
      );
    }
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of secretBytes)
        assert.equal(bytes.includes(secret), false, `${file} holds ${secret.toString()}`);
    }

    // Every column of every row of the channel's tables, and the events (PostgreSQL has no file to read).
    const tables = ['integrity_reports', 'integrity_messages', 'integrity_attachments', 'outbox_events'] as const;
    for (const table of tables) {
      for (const row of await t.db.selectFrom(table).selectAll().execute()) {
        for (const value of Object.values(row)) {
          const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
          for (const secret of secretBytes)
            assert.equal(bytes.includes(secret), false, `${table} holds ${secret.toString()}`);
        }
      }
    }
  });

  it('answers a wrong, malformed or unknown code exactly as it answers no report', async () => {
    const { receiptCode } = await submitReport(reporter, vault, { edition: 'id', form: form('code test'), files: [] });
    const wrongByOne = receiptCode.slice(0, -1) + (receiptCode.endsWith('0') ? '1' : '0');
    const codes = [newReceiptCode(), wrongByOne, 'garbage', '', '\u0000\u0000', 'A'.repeat(10_000), '7KQ2-M9XD-\uD800'];
    const errors: string[] = [];
    for (const code of codes) {
      assert.equal(await findByCode(t.db, vault, code), undefined, JSON.stringify(code.slice(0, 30)));
      const error = await addReporterMessage(reporter, vault, code, { text: 'hello', files: [] }).catch(
        (e: unknown) => e,
      );
      assert.ok(error instanceof ReportNotFoundError);
      errors.push(`${error.code} ${error.status} ${error.message}`);
    }
    assert.equal(new Set(errors).size, 1);
  });

  it('refuses bad text and bad files together, storing nothing', async () => {
    const before = await t.db.selectFrom('integrity_reports').select('id').execute();
    const filesBefore = await listEvidenceFiles(t.config.dataDir);
    const error = await submitReport(reporter, vault, {
      edition: 'id',
      form: { kind: 'complaint', what: 'bad\u0000text', where: Buffer.from([0xff, 0xfe]) },
      files: [
        { name: 'invoice.pdf', bytes: exe() },
        { name: 'photo.jpg', bytes: Buffer.from('plain text claiming to be a JPEG') },
        { name: 'empty.pdf', bytes: Buffer.alloc(0) },
      ],
    }).catch((e: unknown) => e);
    assert.ok(error instanceof ReportInputError);
    assert.deepEqual(
      Object.fromEntries(Object.entries(error.byField).map(([f, list]) => [f, list.map((p) => p.key)])),
      {
        what: ['integrity.report.problem.nul'],
        where: ['integrity.report.problem.encoding'],
        files: [
          'integrity.report.problem.fileType',
          'integrity.report.problem.fileType',
          'integrity.report.problem.fileEmpty',
        ],
      },
    );
    assert.equal((await t.db.selectFrom('integrity_reports').select('id').execute()).length, before.length);
    assert.equal((await listEvidenceFiles(t.config.dataDir)).length, filesBefore.length);
    await assert.rejects(
      () => submitReport(reporter, vault, { edition: 'xx', form: form(), files: [] }),
      /edition_not_found/,
    );
  });

  it('refuses an empty follow-up, and NUL or broken text in one', async () => {
    const { receiptCode } = await submitReport(reporter, vault, { edition: 'id', form: form('follow-up'), files: [] });
    const keyOf = (e: unknown) => (e instanceof ReportInputError ? e.byField.text?.[0]?.key : String(e));
    for (const [text, key] of [
      ['   ', 'integrity.report.problem.messageEmpty'],
      ['x\u0000', 'integrity.report.problem.nul'],
      [Buffer.from([0xe2, 0x28, 0xa1]), 'integrity.report.problem.encoding'],
    ] as const) {
      const error = await addReporterMessage(reporter, vault, receiptCode, { text, files: [] }).catch(
        (e: unknown) => e,
      );
      assert.equal(keyOf(error), key);
    }
  });

  it('lets officers move, reopen and assign reports only as the rules allow', async () => {
    const { publicId } = await submitReport(reporter, vault, { edition: 'id', form: form('rules'), files: [] });
    const statusKey = (e: unknown) => (e instanceof ReportInputError ? e.byField.status?.[0]?.key : String(e));
    for (const status of ['in_progress', 'received', 'archived', undefined]) {
      const error = await setStatus(officer, vault, publicId, { status }).catch((e: unknown) => e);
      assert.equal(statusKey(error), 'integrity.report.problem.status', String(status));
    }
    await setStatus(officer, vault, publicId, { status: 'closed', reason: 'Not within our remit.' });
    await assert.rejects(() => setStatus(officer, vault, publicId, { status: 'in_progress' }), ReportInputError);
    await setStatus(officer, vault, publicId, { status: 'in_progress', reason: 'The reporter called with new facts.' });
    const reopened = await listInbox(t.db, { status: 'in_progress' });
    assert.equal(reopened.items.find((i) => i.publicId === publicId)?.closedAt, null);

    const editor = (await signedIn(t, 'editor')).user.id;
    await assert.rejects(
      () => assignReport(officer, publicId, editor),
      (e: unknown) =>
        e instanceof ReportInputError && e.byField.assignee?.[0]?.key === 'integrity.report.problem.assignee',
    );
    await assignReport(officer, publicId, officerId);
    const mine = await listInbox(t.db, { assignedTo: officerId });
    assert.deepEqual(
      mine.items.map((i) => i.publicId),
      [publicId],
    );
    await assert.rejects(() => openReport(reporter, vault, publicId), /needs WriteContext.actorId/);
    await assert.rejects(() => addNote(officer, vault, 'nosuchreport0000', 'x'), ReportNotFoundError);
    assert.equal(await openReport(officer, vault, 'nosuchreport0000'), undefined);
  });

  it('pages the inbox newest first', async () => {
    const all = await listInbox(t.db, { pageSize: 2 });
    assert.equal(all.items.length, 2);
    assert.equal(all.hasMore, true);
    const next = await listInbox(t.db, { pageSize: 2, page: 2 });
    assert.ok(all.items[1]!.receivedAt >= next.items[0]!.receivedAt);
    assert.notEqual(all.items[1]!.publicId, next.items[0]!.publicId);
  });

  it('purges closed reports older than the limit with their messages and files, and nothing else', async () => {
    const old = new Date('2026-01-10T08:00:00Z');
    t.setNow(old);
    let oldReport: { publicId: string; receiptCode: string };
    try {
      oldReport = await submitReport(reporter, vault, {
        edition: 'id',
        form: form('old report'),
        files: [{ name: 'old.pdf', bytes: pdf('old evidence') }],
      });
      await replyToReporter(officer, vault, oldReport.publicId, 'Thank you.');
      await setStatus(officer, vault, oldReport.publicId, { status: 'closed', reason: 'Resolved.' });
    } finally {
      t.setNow(undefined);
    }
    const open = await submitReport(reporter, vault, {
      edition: 'id',
      form: form('still open'),
      files: [{ name: 'open.pdf', bytes: pdf('open evidence') }],
    });
    const oldRow = await t.db
      .selectFrom('integrity_reports')
      .select('id')
      .where('public_id', '=', oldReport.publicId)
      .executeTakeFirstOrThrow();
    const oldFiles = (
      await t.db.selectFrom('integrity_attachments').select('file').where('report_id', '=', oldRow.id).execute()
    ).map((r) => r.file);
    assert.equal(oldFiles.length, 1);
    // A file no row names, left by a submission that died before its commit, two hours ago.
    const orphan = await storeEvidence(vault.ring, vault.dataDir, {
      name: 'orphan.pdf',
      type: { format: 'pdf', mime: 'application/pdf', extension: 'pdf', isImage: false },
      bytes: pdf('orphan'),
      isStripped: false,
    });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(evidenceDir(vault.dataDir), orphan.file), twoHoursAgo, twoHoursAgo);

    const count = await purgeClosedReports(reporter, vault, new Date('2026-06-01T00:00:00Z'));
    assert.equal(count, 1);
    assert.equal(await findByCode(t.db, vault, oldReport.receiptCode), undefined);
    for (const table of ['integrity_messages', 'integrity_attachments'] as const) {
      const left = await t.db.selectFrom(table).select('id').where('report_id', '=', oldRow.id).execute();
      assert.equal(left.length, 0, table);
    }
    const onDisk = new Set((await listEvidenceFiles(vault.dataDir)).map((f) => f.file));
    for (const file of oldFiles) assert.equal(onDisk.has(file), false, 'the purged report’s file is gone');
    assert.equal(onDisk.has(orphan.file), false, 'the leftover file is swept');
    assert.ok((await findByCode(t.db, vault, open.receiptCode))?.attachments.length === 1, 'open reports stay');
    assert.deepEqual((await reportEvents(oldReport.publicId)).at(-1), {
      type: 'integrity_report.purged',
      payload: { publicId: oldReport.publicId, status: 'closed' },
      actor: null,
    });
    assert.equal(await purgeClosedReports(reporter, vault, new Date('2026-06-01T00:00:00Z')), 0);
  });
});

/** Every file under a directory. */
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
