// The integrity zone's front page and the privacy notice over HTTP, on both engines: the zone's
// pages come from the page tree (and appear as soon as they are published), the reporting channel
// comes first, and the privacy notice states this site's own retention and logging.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createPage } from '../../pages/index.ts';

describe('the integrity zone front page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('offers the reporting channel first, then documents, survey and privacy, before any page is written', async () => {
    const res = await get('/en/integrity');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /public/);
    assert.match(res.body, /<h1>Zona Integritas<\/h1>/);
    const report = res.body.indexOf('href="/en/integrity/report"');
    assert.ok(report > 0, 'links the report form');
    assert.ok(res.body.indexOf('href="/en/integrity/report/status"') > report);
    for (const href of [
      '/en/integrity/documents',
      '/en/integrity/survey',
      '/en/integrity/survey/results',
      '/en/privacy',
    ])
      assert.ok(res.body.indexOf(`href="${href}"`) > report, href);
    assert.match(res.body, /reports are anonymous unless you choose otherwise/);
    assert.equal((await get('/xx/integrity')).statusCode, 404);
  });

  it('shows the zone pages an editor publishes under the "integrity" root, in order', async () => {
    // Seen (and cached) before the pages exist: publishing them purges the edition's pages.
    assert.doesNotMatch((await get('/id/integrity')).body, /Zona Integritas Kami/);
    const w = t.app.ctx.writer;
    const root = await createPage(w, {
      edition: 'id',
      slug: 'integrity',
      title: 'Zona Integritas Kami',
      summary: 'Janji kami untuk melayani dengan bersih.',
      bodyHtml: '<p>Seluruh unit telah menandatangani pakta integritas.</p>',
      status: 'published',
    });
    await createPage(w, {
      edition: 'id',
      parentId: root.id,
      slug: 'deklarasi',
      title: 'Deklarasi Pakta Integritas',
      summary: 'Yang kami tandatangani.',
      bodyHtml: '<p>Isi deklarasi.</p>',
      position: 1,
      status: 'published',
    });
    await createPage(w, {
      edition: 'id',
      parentId: root.id,
      slug: 'rahasia',
      title: 'Draf yang belum terbit',
      bodyHtml: '<p>Draf.</p>',
      status: 'draft',
    });
    const res = await get('/id/integrity');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Zona Integritas Kami<\/h1>/);
    assert.match(res.body, /Janji kami untuk melayani dengan bersih\./);
    assert.match(res.body, /<a href="\/id\/integrity\/deklarasi">Deklarasi Pakta Integritas<\/a>/);
    assert.match(res.body, /Seluruh unit telah menandatangani pakta integritas\./);
    assert.doesNotMatch(res.body, /Draf yang belum terbit/);
    assert.match(res.body, /Buat laporan/);
    // The page tree still serves the pages themselves.
    assert.equal((await get('/id/integrity/deklarasi')).statusCode, 200);
  });
});

describe('the privacy notice', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ WARTA_INTEGRITY_RETENTION_MONTHS: '18' });
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('says in each edition what the site keeps, with this site’s retention, and is linked from every page', async () => {
    for (const [edition, title, retention] of [
      ['en', 'Privacy notice', /deleted with its files 18 months after it was closed/],
      ['id', 'Pemberitahuan privasi', /dihapus beserta berkasnya 18 bulan setelah ditutup/],
      ['ar', 'إشعار الخصوصية', /بعد 18 شهرًا من إغلاقه/],
    ] as const) {
      const res = await get(`/${edition}/privacy`);
      assert.equal(res.statusCode, 200, edition);
      assert.match(res.body, new RegExp(`<h1>${title}</h1>`), edition);
      assert.match(res.body, retention, edition);
      assert.match(res.body, /warta_voter/, edition);
      assert.match(res.body, /warta_reader/, edition);
      assert.match(res.body, new RegExp(`href="/${edition}/integrity"`), edition);
      // Every reader page links the notice from its footer.
      assert.match((await get(`/${edition}`)).body, new RegExp(`href="/${edition}/privacy"`), edition);
    }
    assert.match((await get('/en/privacy')).body, /never your IP address/);
    assert.equal((await get('/xx/privacy')).statusCode, 404);
  });

  it('tells the truth when the operator logs client addresses', async () => {
    const logging = await createTestApp({ WARTA_LOG_CLIENT_ADDRESSES: '1' });
    try {
      const res = await logging.app.inject({ method: 'GET', url: '/en/privacy' });
      assert.match(res.body, /switched on the recording of IP addresses/);
      assert.doesNotMatch(res.body, /never your IP address/);
    } finally {
      await logging.close();
    }
  });
});
