// HTTP behaviour of static pages (the Company Profile tree) and the coming-soon sections.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePage } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('static pages', () => {
  it('shows a nested page with breadcrumbs and the pages of its section', async () => {
    const root = await makePage(t.db, { title: 'Company Profile', slug: 'company-profile', translation_group: 'cp' });
    const history = await makePage(t.db, {
      title: 'History',
      slug: 'history',
      parent: root,
      body_html: '<p>Founded in 1945.</p>',
    });
    await makePage(t.db, { title: 'Contact', slug: 'contact', parent: root });
    await makePage(t.db, {
      edition: 'id',
      title: 'Profil Perusahaan',
      slug: 'profil-perusahaan',
      translation_group: 'cp',
    });
    const res = await get('/en/company-profile/history');
    assert.equal(res.statusCode, 200);
    assert.equal(history.path, 'company-profile/history');
    assert.match(res.body, /<h1>History<\/h1>/);
    assert.match(res.body, /<p>Founded in 1945\.<\/p>/);
    assert.match(res.body, /<a href="\/en\/company-profile">Company Profile<\/a>/, 'breadcrumb to the parent');
    assert.match(res.body, /href="\/en\/company-profile\/contact">Contact<\/a>/, 'section navigation');
    assert.match(res.body, /href="\/en\/company-profile\/history" aria-current="page">History<\/a>/);
    const rootRes = await get('/en/company-profile');
    assert.match(
      rootRes.body,
      /<link rel="alternate" hreflang="id" href="https:\/\/warta.test\/id\/profil-perusahaan"/,
    );
    assert.match(
      (await get('/en/company-profile/history/')).body,
      /<h1>History<\/h1>/,
      'a trailing slash still finds it',
    );
  });

  it('answers 404 for drafts and unknown paths, in the edition language', async () => {
    await makePage(t.db, { title: 'Secret plan', slug: 'secret-plan', status: 'draft' });
    assert.equal((await get('/en/secret-plan')).statusCode, 404);
    const unknown = await get('/id/tidak-ada/sama-sekali');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /<html lang="id"/);
    assert.match(unknown.body, /Halaman tidak ditemukan/);
    assert.equal((await get('/en/' + 'x/'.repeat(300))).statusCode, 404);
  });
});
