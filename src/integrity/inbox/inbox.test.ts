// The officers' inbox through HTTP, on both engines: who may open it, the list's filters and pages
// (no content in it), a report's page, each action with its refusals (the text kept beside the
// field), the evidence downloads (headers, a photo's GPS gone) and the audit log's entries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { integritySubjectOf } from '../../audit/actions.ts';
import { writerAs } from '../../accounts/index.ts';
import { createDocument, deleteDocument } from '../documents/commands.ts';
import { documentStorage, storeDocumentFile } from '../documents/files.ts';
import { pdfFile } from '../documents/test-files.ts';
import { EXIF_MARKERS, jpegWithGps, pdf } from '../evidence/test-fixtures.ts';
import { submitReport, type ReportKind } from '../reports/index.ts';
import { reportVault } from '../vault.ts';

const BASE = '/newsroom/integrity/reports';
const PHRASE = 'the permit clerk kept a second, unofficial price list';
const REPORTER = 'Dewi Lestari Anggraini';

let t: TestApp;
let admin: SignedIn;
let officer: SignedIn;
let colleague: SignedIn;
let editor: SignedIn;

before(async () => {
  t = await createTestApp();
  admin = await signedIn(t, 'admin');
  officer = await signedIn(t, 'integrity_officer', []);
  colleague = await signedIn(t, 'integrity_officer', []);
  editor = await signedIn(t, 'editor', ['en']);
});
after(() => t.close());

async function submit(
  kind: ReportKind = 'whistleblowing',
  extra: Record<string, string> = {},
  files = [] as { name: string; bytes: Buffer }[],
) {
  return submitReport(t.app.ctx.writer, reportVault(t.app.ctx), {
    edition: 'id',
    form: {
      kind,
      what: `At the permit desk ${PHRASE}.`,
      when: 'Last Tuesday',
      where: 'Floor 2',
      who: 'A clerk',
      ...extra,
    },
    files,
  });
}

const get = (url: string, who?: SignedIn) => t.app.inject({ url, headers: who?.headers ?? {} });

/** The public ids a list page shows, in order. */
function listedIds(html: string): string[] {
  return [...html.matchAll(/href="\/newsroom\/integrity\/reports\/([a-z2-7]{16})"/g)].map((m) => m[1]!);
}

async function auditRows(action: string, publicId: string) {
  const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  return rows.filter((r) => (JSON.parse(r.detail) as { publicId?: string }).publicId === publicId);
}

describe('who may open the inbox', () => {
  it('lets officers and admins in; editors, authors and contributors get 403; signed out goes to sign-in', async () => {
    const { publicId } = await submit();
    const author = await signedIn(t, 'author', ['en']);
    const contributor = await signedIn(t, 'contributor', ['en']);
    const urls = [BASE, `${BASE}/${publicId}`];
    for (const who of [admin, officer])
      for (const url of urls) assert.equal((await get(url, who)).statusCode, 200, url);
    for (const who of [editor, author, contributor]) {
      for (const url of [...urls, `${BASE}/${publicId}/attachments/1`])
        assert.equal((await get(url, who)).statusCode, 403, `${who.user.role} ${url}`);
      for (const action of ['reply', 'note', 'move', 'assign'])
        assert.equal((await postForm(t, who, `${BASE}/${publicId}/${action}`, { text: 'x' })).statusCode, 403);
    }
    for (const url of urls) {
      const response = await get(url);
      assert.ok([302, 303].includes(response.statusCode), url);
      assert.match(String(response.headers.location), /^\/newsroom\/sign-in/);
    }
    assert.equal(
      (await t.db.selectFrom('integrity_messages').select('id').execute()).length,
      0,
      'no refused post wrote anything',
    );
  });

  it('answers an unknown or malformed report id with 404', async () => {
    assert.equal((await get(`${BASE}/aaaaaaaaaaaaaaaa`, officer)).statusCode, 404);
    assert.equal((await get(`${BASE}/not-an-id`, officer)).statusCode, 404);
    assert.equal((await postForm(t, officer, `${BASE}/aaaaaaaaaaaaaaaa/note`, { text: 'x' })).statusCode, 404);
  });

  it('refuses a form without its token', async () => {
    const { publicId } = await submit();
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${publicId}/note`,
      headers: { ...officer.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'text=hello',
    });
    assert.equal(response.statusCode, 403);
  });
});

describe('the list', () => {
  it('shows ids, types, statuses, edition, dates and assignee, newest first, never content; no-store', async () => {
    const older = await submit('complaint');
    const newer = await submit('gratification', { name: REPORTER });
    const response = await get(BASE, officer);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /no-store/);
    assert.equal(response.headers['referrer-policy'], 'same-origin');
    const ids = listedIds(response.body);
    assert.ok(ids.indexOf(newer.publicId) < ids.indexOf(older.publicId));
    assert.match(response.body, /Gratification report/);
    assert.match(response.body, /Bahasa Indonesia|Indonesia/);
    assert.equal(response.body.includes('permit clerk'), false, 'no content in the list');
    assert.equal(response.body.includes(REPORTER), false);
  });

  it('filters by type, status and whose, and keeps the filters in its pages', async () => {
    const complaint = await submit('complaint');
    const mine = await submit('gratification');
    const theirs = await submit('gratification');
    await postForm(t, officer, `${BASE}/${mine.publicId}/assign`, { assignee: String(officer.user.id) });
    await postForm(t, officer, `${BASE}/${theirs.publicId}/assign`, { assignee: String(colleague.user.id) });
    await postForm(t, officer, `${BASE}/${theirs.publicId}/move`, { status: 'verified' });

    const byKind = listedIds((await get(`${BASE}?kind=complaint`, officer)).body);
    assert.ok(byKind.includes(complaint.publicId));
    assert.ok(!byKind.includes(mine.publicId));

    const verified = listedIds((await get(`${BASE}?status=verified`, officer)).body);
    assert.deepEqual(verified, [theirs.publicId]);

    assert.deepEqual(listedIds((await get(`${BASE}?assigned=me`, officer)).body), [mine.publicId]);
    assert.deepEqual(listedIds((await get(`${BASE}?assigned=me`, colleague)).body), [theirs.publicId]);
    const unassigned = listedIds((await get(`${BASE}?assigned=none&kind=gratification`, officer)).body);
    assert.ok(!unassigned.includes(mine.publicId) && !unassigned.includes(theirs.publicId));
    assert.ok(unassigned.length > 0);

    const page = (await get(`${BASE}?kind=gratification&assigned=me`, officer)).body;
    assert.match(page, /<option value="gratification" selected>/);
    assert.match(page, /<option value="me" selected>/);
    assert.match(page, new RegExp(`${officer.user.display_name}`), 'the assignee is named');

    // Unknown values are "all", not an error.
    assert.equal((await get(`${BASE}?kind=bribe&status=lost&assigned=x&page=-1`, officer)).statusCode, 200);
    const nothing = await get(`${BASE}?kind=complaint&status=closed&assigned=me`, officer);
    assert.match(nothing.body, /No reports match these filters\./);
  });
});

describe('a report and what officers do with it', () => {
  it('shows the content, the identity or "anonymous", the evidence and the thread, notes marked internal', async () => {
    const named = await submit('complaint', { name: REPORTER, email: 'dewi@example.id' });
    const page = await get(`${BASE}/${named.publicId}`, officer);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /no-store/);
    assert.ok(page.body.includes(PHRASE));
    assert.ok(page.body.includes(REPORTER) && page.body.includes('dewi@example.id'));

    const anonymous = await submit();
    assert.match((await get(`${BASE}/${anonymous.publicId}`, officer)).body, /Anonymous: the reporter gave no name/);

    await postForm(t, officer, `${BASE}/${named.publicId}/note`, { text: 'Checked the rota: desk 4.' });
    await postForm(t, officer, `${BASE}/${named.publicId}/reply`, { text: 'Which day exactly?' });
    const after = (await get(`${BASE}/${named.publicId}`, colleague)).body;
    assert.match(after, /Internal note by integrity_officer \d+/);
    assert.match(after, /Internal: never shown to the reporter/);
    assert.match(after, /Reply to the reporter, by integrity_officer \d+/);
    assert.ok(after.indexOf('Checked the rota') < after.indexOf('Which day exactly?'), 'oldest first');
  });

  it('replies and notes, keeping the text and naming the problem when it is refused', async () => {
    const { publicId } = await submit();
    const empty = await postForm(t, officer, `${BASE}/${publicId}/reply`, { text: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="reply-text-problem"[^>]*>This field is required\./);
    assert.match(empty.body, /aria-invalid="true"/);

    const long = 'x'.repeat(10_001);
    const tooLong = await postForm(t, officer, `${BASE}/${publicId}/note`, { text: long });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /id="note-text-problem"[^>]*>This is 10,001 characters long; the limit is 10,000\./);
    assert.ok(tooLong.body.includes(long), 'the text is kept');

    const sent = await postForm(t, officer, `${BASE}/${publicId}/reply`, {
      text: 'Thank you, we are looking into it.',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${BASE}/${publicId}?done=replied#main`);
    const page = await get(`${BASE}/${publicId}?done=replied`, officer);
    assert.match(page.body, /The reply is sent/);
    assert.ok(page.body.includes('Thank you, we are looking into it.'));
  });

  it('offers only the allowed steps, refuses another with a clear error and asks a reason to close or reopen', async () => {
    const { publicId } = await submit();
    const page = (await get(`${BASE}/${publicId}`, officer)).body;
    const options = [
      ...(/<select id="move-status"[\s\S]*?<\/select>/.exec(page)?.[0] ?? '').matchAll(/value="([a-z_]*)"/g),
    ].map((m) => m[1]);
    assert.deepEqual(options, ['', 'verified', 'closed']);

    const skip = await postForm(t, officer, `${BASE}/${publicId}/move`, {
      status: 'in_progress',
      reason: 'Skipping ahead',
    });
    assert.equal(skip.statusCode, 400);
    assert.match(
      skip.body,
      /id="move-status-problem"[^>]*>The report cannot be moved to this status from its current one\./,
    );
    assert.ok(skip.body.includes('Skipping ahead'), 'the reason typed is kept');

    const noReason = await postForm(t, officer, `${BASE}/${publicId}/move`, { status: 'closed', reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /id="move-reason-problem"[^>]*>Give a reason for closing or reopening the report\./);
    assert.match(noReason.body, /<option value="closed" selected>/);

    const closed = await postForm(t, officer, `${BASE}/${publicId}/move`, {
      status: 'closed',
      reason: 'Not within our remit.',
    });
    assert.equal(closed.statusCode, 303);
    const closedPage = (await get(`${BASE}/${publicId}`, officer)).body;
    assert.match(closedPage, /Status changed to “Closed” by integrity_officer \d+/);
    assert.ok(closedPage.includes('Not within our remit.'));
    assert.match(closedPage, /This report is closed, so the reporter cannot be replied to/);
    assert.equal(closedPage.includes('id="reply-text"'), false, 'no reply form on a closed report');

    const reply = await postForm(t, officer, `${BASE}/${publicId}/reply`, { text: 'One more thing' });
    assert.equal(reply.statusCode, 409);
    assert.ok(reply.body.includes('One more thing'));

    const reopen = await postForm(t, officer, `${BASE}/${publicId}/move`, { status: 'in_progress' });
    assert.equal(reopen.statusCode, 400);
    assert.match(reopen.body, /Give a reason for closing or reopening/);
    assert.equal(
      (await postForm(t, officer, `${BASE}/${publicId}/move`, { status: 'in_progress', reason: 'New facts.' }))
        .statusCode,
      303,
    );
  });

  it('assigns to an active officer or admin, or to no one; refuses anyone else', async () => {
    const { publicId } = await submit();
    const page = (await get(`${BASE}/${publicId}`, officer)).body;
    const choices = /<select id="assign-assignee"[\s\S]*?<\/select>/.exec(page)![0];
    assert.ok(choices.includes(officer.user.display_name) && choices.includes(admin.user.display_name));
    assert.equal(choices.includes(editor.user.display_name), false);

    const refused = await postForm(t, officer, `${BASE}/${publicId}/assign`, { assignee: String(editor.user.id) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /id="assign-assignee-problem"[^>]*>Only an active integrity officer or administrator/);
    assert.equal((await postForm(t, officer, `${BASE}/${publicId}/assign`, { assignee: 'abc' })).statusCode, 400);

    assert.equal(
      (await postForm(t, officer, `${BASE}/${publicId}/assign`, { assignee: String(admin.user.id) })).statusCode,
      303,
    );
    const row = await t.db
      .selectFrom('integrity_reports')
      .select('assigned_to')
      .where('public_id', '=', publicId)
      .executeTakeFirstOrThrow();
    assert.equal(row.assigned_to, admin.user.id);
    assert.equal((await postForm(t, officer, `${BASE}/${publicId}/assign`, { assignee: '' })).statusCode, 303);
    const cleared = await t.db
      .selectFrom('integrity_reports')
      .select('assigned_to')
      .where('public_id', '=', publicId)
      .executeTakeFirstOrThrow();
    assert.equal(cleared.assigned_to, null);
  });
});

describe('evidence downloads', () => {
  it('serves each file with its stored type as an attachment, never cached or sniffed, a photo without its GPS', async () => {
    const { publicId } = await submit('complaint', {}, [
      { name: 'IMG_0042.jpg', bytes: await jpegWithGps() },
      { name: 'fees.pdf', bytes: pdf('fees list') },
    ]);
    const page = (await get(`${BASE}/${publicId}`, officer)).body;
    const links = [...page.matchAll(/href="(\/newsroom\/integrity\/reports\/[a-z2-7]{16}\/attachments\/\d+)"/g)].map(
      (m) => m[1]!,
    );
    assert.equal(new Set(links).size, 2);
    const [photoUrl, pdfUrl] = [...new Set(links)];

    const photo = await get(photoUrl!, officer);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
    assert.match(String(photo.headers['content-disposition']), /^attachment; filename="IMG_0042\.jpg"/);
    assert.match(String(photo.headers['cache-control']), /no-store/);
    assert.equal(photo.headers['x-content-type-options'], 'nosniff');
    const { default: sharp } = await import('sharp');
    const meta = await sharp(photo.rawPayload).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined, 'no EXIF, so no GPS position');
    for (const marker of Object.values(EXIF_MARKERS)) assert.equal(photo.rawPayload.includes(marker), false);

    const file = await get(pdfUrl!, officer);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.ok(file.rawPayload.includes('fees list'));

    assert.equal((await get(`${BASE}/${publicId}/attachments/999999`, officer)).statusCode, 404);
    assert.equal((await get(`${BASE}/${publicId}/attachments/abc`, officer)).statusCode, 404);
  });
});

describe('the audit log', () => {
  it('records each opening, download and change with the officer as actor, and the page names them', async () => {
    const { publicId } = await submit('complaint', {}, [{ name: 'scan.pdf', bytes: pdf('scan') }]);
    const page = (await get(`${BASE}/${publicId}`, officer)).body;
    const link = /href="(\/newsroom\/integrity\/reports\/[a-z2-7]{16}\/attachments\/\d+)"/.exec(page)![1]!;
    await get(link, officer);
    await postForm(t, officer, `${BASE}/${publicId}/reply`, { text: 'Received, thank you.' });
    await postForm(t, officer, `${BASE}/${publicId}/note`, { text: 'Assign to the inspectorate.' });
    await postForm(t, officer, `${BASE}/${publicId}/move`, { status: 'verified' });
    await postForm(t, officer, `${BASE}/${publicId}/assign`, { assignee: String(officer.user.id) });

    for (const action of ['opened', 'attachment_opened', 'replied', 'noted', 'status_changed', 'assigned']) {
      const rows = await auditRows(`integrity_report.${action}`, publicId);
      assert.ok(rows.length >= 1, action);
      assert.ok(
        rows.every((r) => r.actor_id === officer.user.id),
        `${action} names the officer`,
      );
      assert.equal(rows[0]!.subject_type, 'integrity_report');
      assert.equal(rows[0]!.edition, null, 'not even the edition');
      assert.deepEqual(Object.keys(JSON.parse(rows[0]!.detail)).sort(), ['publicId', 'status']);
    }
    const submitted = await auditRows('integrity_report.submitted', publicId);
    assert.equal(submitted[0]?.actor_id, null, 'the reporter is no one');

    const audit = await get('/newsroom/audit?action=integrity_report.attachment_opened', admin);
    assert.equal(audit.statusCode, 200);
    assert.match(audit.body, /Downloaded evidence of an integrity report/);
    assert.ok(audit.body.includes(officer.user.display_name));
    const all = (await get('/newsroom/audit', admin)).body;
    for (const label of [
      'Opened an integrity report',
      'Replied to a reporter',
      'Changed the status of an integrity report',
    ])
      assert.ok(all.includes(label), label);
    assert.equal(all.includes('Received, thank you.'), false, 'never any content');

    // The subject the audit page can show (once its routes ask for it): "report <id>", linked.
    const row = (await auditRows('integrity_report.opened', publicId))[0]!;
    assert.deepEqual(
      integritySubjectOf({ subjectType: row.subject_type, subjectId: row.subject_id, detail: JSON.parse(row.detail) }),
      { label: `report ${publicId}`, href: `${BASE}/${publicId}` },
    );
  });
});

describe('the audit log of the document library', () => {
  it('records a document saved and deleted, by whom, about which document, with readable labels', async () => {
    const data = pdfFile();
    const file = await storeDocumentFile(documentStorage(t.config.dataDir), data, 'application/pdf');
    const w = writerAs(t.app.ctx, officer.user.id);
    const doc = await createDocument(
      w,
      'en',
      { title: 'Decree 7', description: '', category: 'regulations', year: '2026', isPublished: true },
      { file, fileName: 'decree-7.pdf', contentType: 'application/pdf', bytes: data.length },
    );
    await deleteDocument(w, doc.id);
    for (const action of ['integrity.document_saved', 'integrity.document_deleted']) {
      const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
      assert.equal(rows.length, 1, action);
      assert.equal(rows[0]!.actor_id, officer.user.id);
      assert.equal(rows[0]!.subject_type, 'integrity_document');
      assert.equal(rows[0]!.subject_id, doc.id);
      assert.equal(rows[0]!.edition, 'en');
    }
    const page = (await get('/newsroom/audit', admin)).body;
    assert.ok(page.includes('Added or changed an integrity document'));
    assert.ok(page.includes('Deleted an integrity document'));
  });
});

describe('pages of the list', () => {
  it('pages by 50, newest first, with links that keep the filters', async () => {
    const made: string[] = [];
    for (let i = 0; i < 51; i += 1) made.push((await submit('whistleblowing', { where: `Office ${i}` })).publicId);
    const first = await get(`${BASE}?kind=whistleblowing`, officer);
    const ids = listedIds(first.body);
    assert.equal(ids.length, 50);
    assert.equal(ids[0], made.at(-1));
    assert.match(first.body, /href="\/newsroom\/integrity\/reports\?kind=whistleblowing&(amp;)?page=2" rel="next"/);
    const second = await get(`${BASE}?kind=whistleblowing&page=2`, officer);
    const rest = listedIds(second.body);
    assert.ok(rest.length >= 1);
    assert.equal(
      ids.some((id) => rest.includes(id)),
      false,
    );
    assert.match(second.body, /href="\/newsroom\/integrity\/reports\?kind=whistleblowing">Newer reports/);
  });
});
