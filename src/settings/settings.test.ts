// The site settings through HTTP, with the page cache on: a saved name, logo, time zone or
// default edition reaches every page at once (and another app process soon after); bad input
// is refused whole; only administrators open the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { articlePath } from '../articles/index.ts';
import type { ArticleRow, MediaRow } from '../core/db/schema.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeImage } from '../../test/helpers/factories.ts';
import { form, signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';

function post(t: TestApp, who: SignedIn, url: string, fields: Record<string, string>, withToken = true) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: withToken ? form(who, fields) : new URLSearchParams(fields).toString(),
  });
}

/** An anonymous reader's GET (the page cache answers it when it can). */
function read(t: TestApp, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ url, headers: { accept: 'text/html' } });
}

/** Every field as the settings form sends it, with the defaults of a fresh site. */
function fields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'siteName.en': '',
    'siteName.id': '',
    'siteName.ar': '',
    logoMediaId: '',
    timezone: 'Asia/Jakarta',
    defaultEdition: 'en',
    ...overrides,
  };
}

async function storedSettings(t: TestApp): Promise<string | undefined> {
  const row = await t.db.selectFrom('settings').select('value').where('key', '=', 'site').executeTakeFirst();
  return row?.value;
}

describe('site settings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let article: ArticleRow;
  let image: MediaRow;

  before(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
    article = await makeArticle(t.db, { edition: 'en', published_at: '2026-06-01T00:00:00.000Z' });
    image = await makeImage(t.db, t.config.dataDir, 600, 200);
  });
  after(() => t.close());

  it('shows the form to an administrator, with each edition’s catalog name as the placeholder', async () => {
    const res = await t.app.inject({ url: '/newsroom/settings', headers: admin.headers });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /name="siteName\.en"[^>]*placeholder="Voice of Warta"/);
    assert.match(res.body, /<label for="siteName-ar" lang="ar" dir="rtl">العربية<\/label>/);
    assert.match(res.body, /name="siteName\.ar" type="text" lang="ar" dir="rtl"[^>]*placeholder="صوت وارتا"/);
    assert.match(res.body, /<option value="Asia\/Jakarta" selected>/);
    assert.match(res.body, /<option value="UTC">/);
    assert.match(res.body, /<a href="\/newsroom\/settings\/security">/, 'the tab to the security settings');
  });

  it('is closed to every other role, for reading and for saving', async () => {
    for (const role of ['editor', 'author', 'contributor', 'integrity_officer'] as const) {
      const who = await signedIn(t, role);
      assert.equal((await t.app.inject({ url: '/newsroom/settings', headers: who.headers })).statusCode, 403, role);
      const res = await post(t, who, '/newsroom/settings', fields({ 'siteName.en': 'Taken over' }));
      assert.equal(res.statusCode, 403, role);
    }
    assert.equal(await storedSettings(t), undefined);
  });

  it('refuses a save without the form token, changing nothing', async () => {
    const res = await post(t, admin, '/newsroom/settings', fields({ 'siteName.en': 'No token' }), false);
    assert.equal(res.statusCode, 403);
    assert.equal(await storedSettings(t), undefined);
  });

  it('lists every problem of a bad form and saves none of it', async () => {
    const before = await storedSettings(t);
    const res = await post(
      t,
      admin,
      '/newsroom/settings',
      fields({
        'siteName.en': 'x'.repeat(81),
        timezone: 'Mars/Olympus_Mons',
        defaultEdition: 'xx',
      }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /siteNames\.en: is longer than 80 characters/);
    assert.match(res.body, /timezone: is not a time zone/);
    assert.match(res.body, /defaultEdition: is not an active edition/);
    assert.match(res.body, /value="Mars\/Olympus_Mons" selected/, 'what was sent is shown again');

    for (const logo of ['abc', '0', '-3', '1e3', '99999999']) {
      const bad = await post(t, admin, '/newsroom/settings', fields({ logoMediaId: logo }));
      assert.equal(bad.statusCode, 400, logo);
      assert.match(bad.body, /logoMediaId: /, logo);
    }
    const nul = await post(t, admin, '/newsroom/settings', fields({ 'siteName.en': 'Voice\u0000of' }));
    assert.equal(nul.statusCode, 400);
    assert.equal(await storedSettings(t), before);
  });

  it('shows a saved name on every page of its edition at once, and the catalog’s elsewhere', async () => {
    const home = await read(t, '/en');
    assert.match(home.body, /Voice of Warta/);
    assert.equal((await read(t, '/en')).headers['x-cache'], 'hit', 'the page is kept before the save');

    const res = await post(t, admin, '/newsroom/settings', fields({ 'siteName.en': 'Radio Nusantara World' }));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/settings?done=saved');

    const after = await read(t, '/en');
    assert.match(after.body, /<span class="logo__name">Radio Nusantara World<\/span>/);
    assert.match(after.body, /<title>Radio Nusantara World<\/title>/);
    assert.doesNotMatch(after.body, /Voice of Warta/);
    assert.match(after.body, /<p class="site-footer__about">Radio Nusantara World is the international service/);
    const story = await read(t, articlePath(article));
    assert.match(story.body, /· Radio Nusantara World<\/title>/);
    assert.match(story.body, /"name":"Radio Nusantara World"/, 'the publisher in structured data');
    const feed = await read(t, '/en/feed.xml');
    assert.match(feed.body, /Radio Nusantara World/);
    assert.match((await read(t, '/id')).body, /Suara Warta/, 'another edition keeps its own name');

    const page = await t.app.inject({ url: '/newsroom/settings', headers: admin.headers });
    assert.match(page.body, /value="Radio Nusantara World"/);
    assert.match(page.body, /The settings have been saved|name="siteName\.en"/);
  });

  it('dates every page in a saved time zone', async () => {
    const jakarta = await read(t, articlePath(article));
    assert.match(jakarta.body, /datetime="2026-06-01T07:00:00\+07:00"/);
    const res = await post(t, admin, '/newsroom/settings', fields({ timezone: 'Asia/Tokyo' }));
    assert.equal(res.statusCode, 303);
    const tokyo = await read(t, articlePath(article));
    assert.match(tokyo.body, /datetime="2026-06-01T09:00:00\+09:00"/);
    assert.equal(t.app.ctx.settings.timezone, 'Asia/Tokyo');
  });

  it('sends the site’s address to the saved default edition', async () => {
    assert.equal((await t.app.inject({ url: '/' })).headers.location, '/en');
    await post(t, admin, '/newsroom/settings', fields({ defaultEdition: 'id' }));
    assert.equal((await t.app.inject({ url: '/' })).headers.location, '/id');
    await post(t, admin, '/newsroom/settings', fields({ defaultEdition: 'en' }));
    assert.equal((await t.app.inject({ url: '/' })).headers.location, '/en');
  });

  it('shows a library image as the logo and keeps it from being deleted', async () => {
    const res = await post(t, admin, '/newsroom/settings', fields({ logoMediaId: String(image.id) }));
    assert.equal(res.statusCode, 303);
    const home = await read(t, '/en');
    assert.match(home.body, new RegExp(`<img class="logo__image" src="/media/${image.storage_key}-\\d+\\.webp"`));
    assert.doesNotMatch(home.body, /class="logo__mark"/);
    assert.match(
      home.body,
      new RegExp(`"logo":\\{"@type":"ImageObject","url":"https://warta.test/media/${image.storage_key}-\\d+\\.jpg"`),
    );
    const settingsPage = await t.app.inject({ url: '/newsroom/settings', headers: admin.headers });
    assert.match(settingsPage.body, new RegExp(`src="/media/${image.storage_key}-`));

    const libraryPage = await t.app.inject({ url: `/newsroom/media/${image.id}`, headers: admin.headers });
    assert.match(libraryPage.body, /<a href="\/newsroom\/settings"[^>]*>Site settings<\/a>/);
    const del = await post(t, admin, `/newsroom/media/${image.id}/delete`, {});
    assert.equal(del.statusCode, 409);
    assert.ok(await t.db.selectFrom('media').select('id').where('id', '=', image.id).executeTakeFirst());

    // Back to the station mark: the image can go.
    await post(t, admin, '/newsroom/settings', fields({ logoMediaId: '' }));
    assert.match((await read(t, '/en')).body, /class="logo__mark"/);
    const gone = await post(t, admin, `/newsroom/media/${image.id}/delete`, {});
    assert.equal(gone.statusCode, 303);
  });

  it('reaches another app process within seconds', async () => {
    const { buildApp } = await import('../app.ts');
    const second = await buildApp(t.config, t.db, { assets: t.app.ctx.assets, now: () => new Date() });
    await second.ready();
    try {
      assert.doesNotMatch(
        (await second.inject({ url: '/id', headers: { accept: 'text/html' } })).body,
        /Suara Kepulauan/,
      );
      await post(t, admin, '/newsroom/settings', fields({ 'siteName.id': 'Suara Kepulauan' }));
      const started = Date.now();
      let body = '';
      while (!body.includes('Suara Kepulauan') && Date.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        body = (await second.inject({ url: '/id', headers: { accept: 'text/html' } })).body;
      }
      assert.match(body, /<span class="logo__name">Suara Kepulauan<\/span>/, `after ${Date.now() - started} ms`);
    } finally {
      await second.close();
    }
  });

  it('is written to the audit log', async () => {
    const rows = await t.db.selectFrom('audit_log').selectAll().where('actor_id', '=', admin.user.id).execute();
    assert.ok(
      rows.some((r) => r.action === 'settings.changed' && r.subject_type === 'setting'),
      JSON.stringify(rows.slice(0, 3)),
    );
  });
});
