// The reporting channel through its routes, on both engines: an anonymous report with two
// attachments, its receipt, an officer's reply read with the code, the reporter's added evidence,
// the closing; nothing of the report readable in the database or the evidence folder; and the
// headers every route sends (no-store, no-referrer, noindex, no cookie).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_ENGINE } from '../../../test/helpers/database.ts';
import { signedIn } from '../../../test/helpers/newsroom.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { evidenceDir } from '../evidence/index.ts';
import { EXIF_MARKERS, jpegWithGps, pdf, png } from '../evidence/test-fixtures.ts';
import { openAttachment, openReport, replyToReporter, setStatus, type ReportVault } from '../reports/index.ts';
import { reportVault } from '../vault.ts';
import { multipart, receiptCodeOf, solvedChallenge } from './test-support.ts';

const REPORT_PHRASE = 'petugas loket tujuh meminta amplop kuning sebelum stempel';
const ATTACHMENT_PHRASE = 'daftar setoran tidak resmi laci nomor sembilan';
const REPLY = 'Thank you. Can you tell us which day of the week this happened?';
const ANSWER = 'It was a Tuesday, just before the lunch break.';

describe('the reporting channel’s routes', () => {
  let t: TestApp;
  let vault: ReportVault;
  let officer: WriteContext;

  before(async () => {
    t = await createTestApp();
    vault = reportVault(t.app.ctx);
    officer = { ...t.app.ctx.writer, actorId: (await signedIn(t, 'integrity_officer')).user.id };
  });
  after(() => t.close());

  const post = (url: string, fields: Record<string, string | Buffer>, files: Parameters<typeof multipart>[1] = []) => {
    const body = multipart(fields, files);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
  };

  it('takes an anonymous report with evidence and follows it to its closing by the code alone', async () => {
    const form = await t.app.inject({ url: '/en/integrity/report' });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /You can stay anonymous/);
    assert.match(form.body, /the EXIF details, GPS position and camera serial number are removed/);
    assert.match(form.body, /may carry an author name or an organisation/);
    // The warning comes before the file input.
    assert.ok(form.body.indexOf('may carry an author name') < form.body.indexOf('type="file"'));

    const sent = await post(
      '/en/integrity/report',
      {
        ...(await solvedChallenge(t.app)),
        kind: 'complaint',
        what: `At the permit office, ${REPORT_PHRASE}.`,
        when: 'Last month',
        where: 'Permit office, desk 7',
        who: 'The clerk at desk 7',
        name: '',
        email: '',
        phone: '',
        extra_note: '',
      },
      [
        { name: 'desk.jpg', bytes: await jpegWithGps(), type: 'image/jpeg' },
        { name: 'ledger.pdf', bytes: pdf(ATTACHMENT_PHRASE), type: 'application/pdf' },
      ],
    );
    assert.equal(sent.statusCode, 200, sent.body.slice(0, 2000));
    assert.equal(sent.headers.location, undefined);
    assert.match(sent.body, /Save this code now\. It cannot be shown again\./);
    const code = receiptCodeOf(sent.body);
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    for (const value of Object.values(sent.headers)) assert.equal(String(value).includes(code), false);

    const row = await t.db.selectFrom('integrity_reports').select('public_id').executeTakeFirstOrThrow();
    const opened = await openReport(officer, vault, row.public_id);
    assert.equal(opened?.content.identity.name, '');
    assert.equal(opened?.attachments.length, 2);
    const photo = opened!.attachments.find((a) => a.name === 'desk.jpg')!;
    const image = await openAttachment(officer, vault, row.public_id, photo.id);
    for (const marker of Object.values(EXIF_MARKERS)) assert.equal(image!.bytes.includes(marker), false);

    await replyToReporter(officer, vault, row.public_id, REPLY);
    const status = await post('/en/integrity/report/status', { code: code.toLowerCase().replaceAll('-', ' ') });
    assert.equal(status.statusCode, 200);
    assert.ok(status.body.includes(REPLY));
    assert.ok(status.body.includes(REPORT_PHRASE));
    assert.match(status.body, /desk\.jpg/);
    assert.match(status.body, /ledger\.pdf/);
    assert.match(status.body, /Received/);

    const added = await post('/en/integrity/report/message', { code, text: ANSWER }, [
      { name: 'receipt.png', bytes: await png(), type: 'image/png' },
    ]);
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /Your message has been added to the report\./);
    assert.ok(added.body.includes(ANSWER));
    assert.match(added.body, /receipt\.png/);

    await setStatus(officer, vault, row.public_id, { status: 'closed', reason: 'Passed to the inspectorate.' });
    const closed = await post('/en/integrity/report/status', { code });
    assert.match(closed.body, /report-status--closed/);
    assert.match(closed.body, /This report is closed\./);
    assert.equal(closed.body.includes('/en/integrity/report/message'), false, 'no form to add to a closed report');
    assert.equal(closed.body.includes('inspectorate'), false, 'the reason stays with the officers');

    const late = await post('/en/integrity/report/message', { code, text: 'One more thing.' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /This report is closed\./);
    const messages = await t.db
      .selectFrom('integrity_messages')
      .select('kind')
      .where('kind', '=', 'reporter')
      .execute();
    assert.equal(messages.length, 1);
  });

  it('leaves no phrase of the report or its attachment readable in the database or the evidence folder', async () => {
    const secrets = [REPORT_PHRASE, ATTACHMENT_PHRASE, ANSWER, ...Object.values(EXIF_MARKERS)].flatMap((s) => [
      Buffer.from(s, 'utf8'),
      Buffer.from(s, 'utf16le'),
    ]);
    const files = walk(evidenceDir(t.config.dataDir));
    assert.ok(files.length >= 3, 'the evidence folder holds the sealed files');
    if (TEST_ENGINE === 'sqlite') {
      const dbFiles = walk(t.config.dataDir).filter((f) => /\.db(-wal)?$/.test(f));
      assert.ok(dbFiles.some((f) => f.endsWith('.db')));
      assert.ok(dbFiles.some((f) => f.endsWith('.db-wal')));
      files.push(...dbFiles);
    }
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of secrets) assert.equal(bytes.includes(secret), false, `${file} holds ${secret.toString()}`);
    }
    // PostgreSQL keeps no file here: every stored value of the channel's tables is searched instead.
    for (const table of [
      'integrity_reports',
      'integrity_messages',
      'integrity_attachments',
      'outbox_events',
    ] as const) {
      for (const row of await t.db.selectFrom(table).selectAll().execute()) {
        const bytes = Buffer.concat(Object.values(row).map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v)))));
        for (const secret of secrets)
          assert.equal(bytes.includes(secret), false, `${table} holds ${secret.toString()}`);
      }
    }
  });

  it('sends no-store, no-referrer and noindex, and no cookie, on every route and answer', async () => {
    const answers = [
      await t.app.inject({ url: '/en/integrity/report' }),
      await t.app.inject({ url: '/ar/integrity/report' }),
      await t.app.inject({ method: 'HEAD', url: '/id/integrity/report' }),
      await t.app.inject({ url: '/en/integrity/report/status' }),
      await post('/en/integrity/report', { kind: 'complaint', what: 'x' }),
      await post('/en/integrity/report/status', { code: 'nothing' }),
      await post('/en/integrity/report/message', { code: 'nothing', text: 'x' }),
      await t.app.inject({
        method: 'POST',
        url: '/en/integrity/report',
        payload: 'what=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    for (const answer of answers) {
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.equal(answer.headers['referrer-policy'], 'no-referrer');
      assert.equal(answer.headers['x-robots-tag'], 'noindex');
      assert.equal(answer.headers['set-cookie'], undefined);
      if (answer.body) assert.match(answer.body, /<meta name="robots" content="noindex"/);
      // Nothing from another site: every script and stylesheet is the site's own.
      for (const [, url] of answer.body.matchAll(/(?:src|href)="(https?:[^"]*)"/g))
        assert.ok(url!.startsWith('https://warta.test'), url);
    }
  });

  it('shows every visitor a fresh challenge: the page cache keeps no form', async () => {
    const first = await t.app.inject({ url: '/en/integrity/report' });
    const second = await t.app.inject({ url: '/en/integrity/report' });
    const token = (body: string) => /name="pow_token" value="([^"]+)"/.exec(body)?.[1];
    assert.notEqual(token(first.body), token(second.body));
    assert.equal(second.headers['x-cache'], undefined);
  });
});

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
