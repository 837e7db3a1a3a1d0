// The document library through the app, on both engines: uploads as the newsroom's form sends them
// (each accepted type read from its bytes; a program named .pdf, a plain ZIP and a file over the
// limit refused with nothing kept), who may (officers everywhere, editors in their edition, not
// authors, not another edition's editor, not a form without its token), editing, replacing the
// file, deleting; the public listing (filters, search, pages, empty states, drafts and other
// editions hidden), bad text in every parameter answered 4xx, and downloads with their headers.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { multipartBody } from '../../broadcast/episodes/test-fixtures.ts';
import { createDocument, type DocumentInput } from './commands.ts';
import { documentDir, documentStorage, storeDocumentFile } from './files.ts';
import type { DocumentType } from './model.ts';
import { downloadPath } from './paths.ts';
import { findDocument } from './queries.ts';
import { setupDocuments } from './setup.ts';
import { compoundFile, elfFile, odfFile, ooxmlFile, pdfFile, zipFile } from './test-files.ts';

let t: TestApp;
let officer: SignedIn;
let editor: SignedIn;
let author: SignedIn;
let otherEditor: SignedIn;

before(async () => {
  t = await createTestApp();
  // Until the integrity domain's setup() calls it.
  setupDocuments(t.app.ctx);
  officer = await signedIn(t, 'integrity_officer', []);
  editor = await signedIn(t, 'editor', ['en']);
  author = await signedIn(t, 'author', ['en']);
  otherEditor = await signedIn(t, 'editor', ['id']);
});
after(() => t.close());

const BASE = '/newsroom/integrity/documents';

/** Posts the document form as multipart, the user's token first (as the form orders it). */
function postDocument(
  who: { headers: Record<string, string>; csrfToken: string },
  url: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) {
  const { body, contentType } = multipartBody(
    { _csrf: who.csrfToken, ...fields },
    file ? { ...file, field: 'file', type: 'application/pdf' } : undefined,
  );
  return t.app.inject({ method: 'POST', url, headers: { ...who.headers, 'content-type': contentType }, payload: body });
}

const fields = (extra: Record<string, string> = {}) => ({
  edition: 'en',
  title: 'Annual integrity report',
  description: 'What the unit did in the year.',
  category: 'reports',
  year: '2025',
  isPublished: '1',
  ...extra,
});

async function storedFiles(): Promise<string[]> {
  return (await fs.readdir(documentDir(t.config.dataDir)).catch(() => [] as string[])).sort();
}

async function documentCount(): Promise<number> {
  return (await t.db.selectFrom('integrity_documents').select('id').execute()).length;
}

function idFrom(location: unknown): number {
  const match = /^\/newsroom\/integrity\/documents\/(\d+)\?done=created$/.exec(String(location));
  assert.ok(match, `redirect to ${String(location)}`);
  return Number(match[1]);
}

/** Adds a document through the command, with a small PDF unless another file is given. */
async function addDocument(
  edition: string,
  input: Partial<DocumentInput>,
  file: { data: Buffer; type: DocumentType; name: string } = {
    data: pdfFile(),
    type: 'application/pdf',
    name: 'doc.pdf',
  },
) {
  const stored = await storeDocumentFile(documentStorage(t.config.dataDir), file.data, file.type);
  return createDocument(
    t.app.ctx.writer,
    edition,
    { title: 'A document', description: '', category: 'other', year: '2024', isPublished: true, ...input },
    { file: stored, fileName: file.name, contentType: file.type, bytes: file.data.length },
  );
}

describe('uploading documents', () => {
  it('takes each accepted type, read from its bytes, whatever the name says', async () => {
    const cases: [string, Buffer, string][] = [
      ['Laporan.pdf', pdfFile(), 'application/pdf'],
      ['SK Tim.docx', ooxmlFile('docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Anggaran.xlsx', ooxmlFile('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Paparan.pptx', ooxmlFile('pptx'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['Notulen.odt', odfFile('text'), 'application/vnd.oasis.opendocument.text'],
      ['Data.ods', odfFile('spreadsheet'), 'application/vnd.oasis.opendocument.spreadsheet'],
      ['Lama.doc', compoundFile(['WordDocument']), 'application/msword'],
      ['Lama.xls', compoundFile(['Workbook']), 'application/vnd.ms-excel'],
      ['Lama.ppt', compoundFile(['PowerPoint Document']), 'application/vnd.ms-powerpoint'],
      // Named as another type: the bytes decide, and the saved name gets the real extension.
      ['renamed.pdf', ooxmlFile('docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [name, data, type] of cases) {
      const response = await postDocument(officer, BASE, fields({ title: `Upload ${name}` }), { name, data });
      assert.equal(response.statusCode, 303, `${name}: ${response.body.slice(0, 400)}`);
      const doc = (await findDocument(t.db, idFrom(response.headers.location)))!;
      assert.equal(doc.contentType, type, name);
      assert.equal(doc.bytes, data.length);
      assert.deepEqual(await fs.readFile(`${documentDir(t.config.dataDir)}/${doc.file}`), data);
      assert.match(doc.file, /^doc-[0-9a-f]{32}\.[a-z]{3,4}$/);
    }
    assert.equal(
      (
        await t.db
          .selectFrom('integrity_documents')
          .select('file_name')
          .where('title', '=', 'Upload renamed.pdf')
          .executeTakeFirstOrThrow()
      ).file_name,
      'renamed.pdf.docx',
    );
  });

  it('refuses a program named .pdf and a ZIP that is not an office document with 415, keeping nothing', async () => {
    for (const [name, data, reason] of [
      ['report.pdf', elfFile(), /This file is a program, whatever its name says\./],
      [
        'report.docx',
        zipFile([{ name: 'report.txt', data: 'hello' }]),
        /This file is a ZIP archive, not an office document\./,
      ],
      ['macro.docx', ooxmlFile('docm'), /contains macros/],
    ] as const) {
      const [count, files] = [await documentCount(), await storedFiles()];
      const response = await postDocument(officer, BASE, fields(), { name, data });
      assert.equal(response.statusCode, 415, name);
      assert.match(response.body, reason);
      assert.match(response.body, /aria-invalid="true"/);
      assert.equal(await documentCount(), count);
      assert.deepEqual(await storedFiles(), files);
    }
  });

  it('refuses a file over 25 MB with 413 and names the limit', async () => {
    const files = await storedFiles();
    const big = Buffer.concat([pdfFile(), Buffer.alloc(25 * 1024 * 1024 + 10, 0x20)]);
    const response = await postDocument(officer, BASE, fields(), { name: 'big.pdf', data: big });
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /larger than 25 MB/);
    assert.deepEqual(await storedFiles(), files);
  });

  it('lists every problem of the text at once, keeps what was typed, and keeps no file', async () => {
    const [count, files] = [await documentCount(), await storedFiles()];
    const response = await postDocument(
      officer,
      BASE,
      fields({ title: '  ', category: 'secret', year: '25', description: 'Kept <text>' }),
      { name: 'a.pdf', data: pdfFile() },
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Give the document a title\./);
    assert.match(response.body, /Choose a category\./);
    assert.match(response.body, /Type the year as four digits/);
    assert.match(response.body, />Kept &lt;text>?<\/textarea>/);
    assert.equal(await documentCount(), count);
    assert.deepEqual(await storedFiles(), files);
    const missing = await postDocument(officer, BASE, fields());
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Choose the file to upload\./);
  });

  it('refuses a form without its token before keeping the file', async () => {
    const files = await storedFiles();
    const forged = await postDocument({ headers: officer.headers, csrfToken: 'forged' }, BASE, fields(), {
      name: 'a.pdf',
      data: pdfFile(),
    });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await storedFiles(), files);
  });
});

describe('who keeps the library', () => {
  it('lets officers (every edition), editors (their edition) and admins in; not authors', async () => {
    const admin = await signedIn(t, 'admin');
    for (const who of [officer, editor, admin]) {
      assert.equal((await t.app.inject({ url: `${BASE}?edition=en`, headers: who.headers })).statusCode, 200);
      assert.equal((await t.app.inject({ url: `${BASE}/new?edition=en`, headers: who.headers })).statusCode, 200);
    }
    assert.equal((await t.app.inject({ url: `${BASE}?edition=ar`, headers: officer.headers })).statusCode, 200);
    assert.equal((await t.app.inject({ url: BASE, headers: author.headers })).statusCode, 403);
    const files = await storedFiles();
    const byAuthor = await postDocument(author, BASE, fields(), { name: 'a.pdf', data: pdfFile() });
    assert.equal(byAuthor.statusCode, 403);
    assert.deepEqual(await storedFiles(), files);
  });

  it('refuses an editor of another edition, for uploads and for documents there', async () => {
    const files = await storedFiles();
    const upload = await postDocument(otherEditor, BASE, fields({ edition: 'en' }), { name: 'a.pdf', data: pdfFile() });
    assert.equal(upload.statusCode, 403);
    assert.deepEqual(await storedFiles(), files);
    const doc = await addDocument('en', { title: 'English only' });
    assert.equal((await t.app.inject({ url: `${BASE}/${doc.id}`, headers: otherEditor.headers })).statusCode, 403);
    assert.equal((await postForm(t, otherEditor, `${BASE}/${doc.id}/delete`)).statusCode, 403);
    assert.equal((await t.app.inject({ url: `${BASE}?edition=en`, headers: otherEditor.headers })).statusCode, 403);
    // Their own edition's list works.
    assert.equal((await t.app.inject({ url: BASE, headers: otherEditor.headers })).statusCode, 200);
  });
});

describe('editing, replacing and deleting', () => {
  it('saves text and publication, replaces the file (the old one goes, the address changes), deletes after asking', async () => {
    const doc = await addDocument('en', { title: 'To be edited', year: '2023' });
    const oldPath = downloadPath(doc);
    assert.equal((await t.app.inject(oldPath)).statusCode, 200);

    const saved = await postDocument(editor, `${BASE}/${doc.id}`, fields({ title: 'Edited', isPublished: '' }));
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${BASE}/${doc.id}?done=saved`);
    assert.equal((await findDocument(t.db, doc.id))!.isPublished, false);
    assert.equal((await t.app.inject(oldPath)).statusCode, 404, 'a draft is not downloadable');

    const replaced = await postDocument(editor, `${BASE}/${doc.id}`, fields({ title: 'Edited' }), {
      name: 'Versi baru.xlsx',
      data: ooxmlFile('xlsx'),
    });
    assert.equal(replaced.statusCode, 303);
    const after = (await findDocument(t.db, doc.id))!;
    assert.equal(after.fileName, 'Versi baru.xlsx');
    assert.ok(!(await storedFiles()).includes(doc.file), 'the old file is removed');
    assert.equal((await t.app.inject(oldPath)).statusCode, 404, 'the old address is gone');
    assert.equal((await t.app.inject(downloadPath(after))).statusCode, 200);

    const page = await t.app.inject({ url: `${BASE}/${doc.id}?done=saved`, headers: editor.headers });
    assert.match(page.body, /The document is saved\./);
    assert.match(page.body, /Current file: Versi baru\.xlsx \(XLSX, 1 kB\)/);

    const confirm = await t.app.inject({ url: `${BASE}/${doc.id}/delete`, headers: editor.headers });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Delete “Edited”\?/);
    const deleted = await postForm(t, editor, `${BASE}/${doc.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${BASE}?edition=en&done=deleted`);
    assert.equal(await findDocument(t.db, doc.id), undefined);
    assert.ok(!(await storedFiles()).includes(after.file), 'the file is removed');
    const events = await t.db
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .where('type', 'in', ['integrity.document_saved', 'integrity.document_deleted'])
      .execute();
    assert.ok(
      events.some(
        (e) => e.type === 'integrity.document_deleted' && String(e.payload).includes(`"documentId":${doc.id}`),
      ),
    );
  });
});

describe('the public library', () => {
  let listed: { id: number; title: string }[];
  before(async () => {
    await t.db.deleteFrom('integrity_documents').execute();
    listed = [];
    for (let i = 1; i <= 23; i++) {
      const doc = await addDocument('id', {
        title: `Laporan bulanan ${i}`,
        category: i % 2 === 0 ? 'reports' : 'regulations',
        year: String(2000 + (i % 5)),
        description: i === 7 ? 'Capaian 100% dari target_tahunan.' : '',
      });
      listed.push(doc);
    }
    await addDocument('id', { title: 'Konsep rahasia', isPublished: false, category: 'reports', year: '2004' });
    await addDocument('en', { title: 'English service standard', category: 'service-standards', year: '2026' });
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists published documents newest year first, twenty a page, with type, size and download', async () => {
    const first = await get('/id/integrity/documents');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['cache-control']), /^public/);
    assert.equal(first.headers['set-cookie'], undefined);
    assert.match(first.body, /23 dokumen/);
    assert.doesNotMatch(first.body, /Konsep rahasia|English service standard/);
    const years = [
      ...first.body.matchAll(
        /class="card__meta document__meta"><span>[^<]+<\/span><span aria-hidden="true"> · <\/span><span>(\d{4})</g,
      ),
    ].map((m) => Number(m[1]));
    assert.equal(years.length, 20);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => b - a),
    );
    assert.match(first.body, /PDF, \d+ kB/);
    assert.match(first.body, /href="\/id\/integrity\/documents\/\d+\/[0-9a-f]{12}\/doc\.pdf"/);
    assert.match(first.body, /href="\/id\/integrity\/documents\?page=2"/);
    const second = await get('/id/integrity/documents?page=2');
    assert.equal(second.statusCode, 200);
    assert.equal([...second.body.matchAll(/class="document__title"/g)].length, 3);
    assert.equal((await get('/id/integrity/documents?page=3')).statusCode, 404);
    assert.equal((await get('/id/integrity/documents?page=abc')).statusCode, 400);
    assert.equal((await get('/id/integrity/documents?page=0')).statusCode, 400);
  });

  it('filters by category and year, and searches title and description with % and _ taken literally', async () => {
    const reports = await get('/id/integrity/documents?category=reports');
    assert.match(reports.body, /11 dokumen/);
    assert.match(reports.body, /<option value="reports" selected>Laporan<\/option>/);
    const year = await get('/id/integrity/documents?year=2001&category=regulations');
    assert.match(year.body, /3 dokumen/);
    const search = await get(`/id/integrity/documents?q=${encodeURIComponent('100% dari target_')}`);
    assert.match(search.body, /1 dokumen/);
    assert.match(search.body, /Laporan bulanan 7/);
    // Any case: 2, 20, 21, 22 and 23.
    assert.match((await get('/id/integrity/documents?q=BULANAN%202')).body, /5 dokumen/);
    const wildcard = await get('/id/integrity/documents?q=%25');
    assert.match(wildcard.body, /1 dokumen/, '% matches only a literal %');
    const none = await get('/id/integrity/documents?q=xylophone');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /Tidak ada dokumen yang cocok/);
    assert.match(none.body, /href="\/id\/integrity\/documents">Tampilkan semua dokumen/);
    // Unusable filters are dropped, not errors.
    assert.match((await get('/id/integrity/documents?category=nope&year=20x1')).body, /23 dokumen/);
  });

  it('shows a designed empty state in an edition without documents', async () => {
    const empty = await get('/ar/integrity/documents');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /لا وثائق بعد/);
    assert.doesNotMatch(empty.body, /document-filters/);
  });

  it('answers NUL and broken UTF-8 in every parameter with 400, never 500', async () => {
    for (const bad of ['%00', '%FF', 'a%00b', '%C3%28', '%ED%A0%80']) {
      for (const name of ['q', 'category', 'year', 'page']) {
        const response = await get(`/id/integrity/documents?${name}=${bad}`);
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${name}=${bad}: ${response.statusCode}`);
      }
      const doc = listed[0]!;
      for (const url of [
        `/id/integrity/documents/${doc.id}/${bad}/doc.pdf`,
        `/id/integrity/documents/${doc.id}/abc/${bad}.pdf`,
        `/id/integrity/documents/${bad}/abc/doc.pdf`,
        `/${bad}/integrity/documents`,
      ]) {
        const response = await get(url);
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${url}: ${response.statusCode}`);
      }
    }
  });

  it('serves a download with its type, a UTF-8 name, nosniff, its length, ranges and an immutable cache', async () => {
    const data = ooxmlFile('docx');
    const doc = await addDocument(
      'id',
      { title: 'Standar pelayanan' },
      {
        data,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        name: 'Standar Pelayanan – Édisi “2025”.docx',
      },
    );
    const path = downloadPath(doc);
    assert.match(path, /\/standar-pelayanan-edisi-2025\.docx$/);
    // As a browser asks: compression must not take the length (or ranges) away.
    const response = await t.app.inject({ url: path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], undefined);
    assert.equal(
      response.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="Standar Pelayanan _ Edisi _2025_.docx"; filename*=UTF-8''Standar%20Pelayanan%20%E2%80%93%20%C3%89disi%20%E2%80%9C2025%E2%80%9D.docx`,
    );
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['content-length'], String(data.length));
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers['set-cookie'], undefined);
    assert.deepEqual(response.rawPayload, data);

    const head = await t.app.inject({ method: 'HEAD', url: path });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-length'], String(data.length));
    assert.equal(head.body, '');
    const etag = String(response.headers.etag);
    assert.equal((await t.app.inject({ url: path, headers: { 'if-none-match': etag } })).statusCode, 304);

    const range = await t.app.inject({ url: path, headers: { range: 'bytes=0-3' } });
    assert.equal(range.statusCode, 206);
    assert.equal(range.headers['content-range'], `bytes 0-3/${data.length}`);
    assert.deepEqual(range.rawPayload, data.subarray(0, 4));

    // Another name under the same version goes to the real one; another edition's address is a 404.
    const renamed = await get(path.replace(/[^/]+$/, 'other.docx'));
    assert.equal(renamed.statusCode, 301);
    assert.equal(renamed.headers.location, path);
    assert.equal((await get(path.replace('/id/', '/en/'))).statusCode, 404);
    assert.equal((await get(path.replace(/\/[0-9a-f]{12}\//, '/000000000000/'))).statusCode, 404);
    const draft = await addDocument('id', { title: 'Belum terbit', isPublished: false });
    assert.equal((await get(downloadPath(draft))).statusCode, 404);
  });

  it('shows a new or withdrawn document at once: the edition’s cached listing is purged', async () => {
    const url = '/en/integrity/documents';
    await get(url);
    assert.equal((await get(url)).headers['x-cache'], 'hit');
    const doc = await addDocument('en', { title: 'Fresh decree', category: 'regulations', year: '2026' });
    const fresh = await get(url);
    assert.notEqual(fresh.headers['x-cache'], 'hit');
    assert.match(fresh.body, /Fresh decree/);
    await postDocument(officer, `${BASE}/${doc.id}`, fields({ title: 'Fresh decree', isPublished: '' }));
    assert.doesNotMatch((await get(url)).body, /Fresh decree/);
  });
});
