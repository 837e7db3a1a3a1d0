// /newsroom/editions through HTTP: administrators add editions (code, locale and direction
// checked), change their settings and switch them off and on; readers of this app and of another
// app on the same database follow at once; refused changes change nothing and record no event.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { form, signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';
import { toBool } from '../core/db/dialect.ts';
import { setEditionActive } from './commands.ts';
import { startEditionFromTemplate } from './newsroom/template.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { defaultEditionOf } from './index.ts';
import { canonicalLocale, directionOf, localeProblem } from './locale.ts';

let t: TestApp;
let admin: SignedIn;

before(async () => {
  t = await createTestApp();
  admin = await signedIn(t, 'admin');
});
after(() => t.close());

const get = (url: string, who?: SignedIn) => t.app.inject({ url, headers: who?.headers ?? {} });

function post(who: SignedIn, url: string, fields: Record<string, string>, withToken = true) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: withToken ? form(who, fields) : new URLSearchParams(fields).toString(),
  });
}

const countEvents = async () =>
  Number(
    (
      await t.db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const editionRow = (code: string) =>
  t.db.selectFrom('editions').selectAll().where('code', '=', code).executeTakeFirst();
const editionEvents = async () =>
  (await t.db.selectFrom('outbox_events').select('id').where('type', '=', 'edition.changed').execute()).length;
const allRows = () => t.db.selectFrom('editions').selectAll().orderBy('code').execute();

/** The list page's row of an edition, as "cell | cell | …" text. */
async function listRow(code: string): Promise<string> {
  const page = await get('/newsroom/editions', admin);
  assert.equal(page.statusCode, 200);
  const rows = [...page.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<\/t[hd]>/g, ' | ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const row = rows.find((r) => r.split(' | ')[0]!.endsWith(` ${code}`));
  assert.ok(row, `a row for ${code} in ${rows.join('\n')}`);
  return row;
}

/** Problems a refused form shows. */
function problemsIn(html: string): string[] {
  const box = /<div class="nr-problems"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
}

describe('locales', () => {
  test('a locale is a BCP 47 tag with date formats, stored as Intl spells it', () => {
    assert.equal(canonicalLocale('en-gb'), 'en-GB');
    assert.equal(canonicalLocale('sr-latn'), 'sr-Latn');
    assert.equal(canonicalLocale('iw'), 'he');
    assert.equal(localeProblem('pt-BR'), undefined);
    assert.match(localeProblem('en_GB')!, /not a BCP 47 locale/);
    assert.match(localeProblem('')!, /not a BCP 47 locale/);
    assert.match(localeProblem('xx')!, /no date formats/);
    assert.match(localeProblem('english')!, /no date formats/);
  });

  test('the direction follows the script: ar, he, fa, ur and Arabic-script tags are right to left', () => {
    for (const locale of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'fa-IR', 'ur', 'ur-PK', 'az-Arab', 'ckb'])
      assert.equal(directionOf(locale), 'rtl', locale);
    for (const locale of ['en-GB', 'id-ID', 'zh-CN', 'sr-Latn', 'az', 'fr'])
      assert.equal(directionOf(locale), 'ltr', locale);
  });

  test("the default edition is the configuration's, read through defaultEditionOf", () => {
    assert.equal(defaultEditionOf(t.app.ctx), t.config.defaultEdition);
    assert.equal(defaultEditionOf(t.app.ctx), 'en');
  });
});

describe('who may manage editions', () => {
  test('only administrators: every other role gets 403 and nothing changes', async () => {
    const rows = await allRows();
    const events = await editionEvents();
    for (const role of ['editor', 'author', 'contributor', 'integrity_officer'] as const) {
      const who = await signedIn(t, role, role === 'integrity_officer' ? [] : ['en', 'id']);
      for (const url of ['/newsroom/editions', '/newsroom/editions/id'])
        assert.equal((await get(url, who)).statusCode, 403, `${role} GET ${url}`);
      const add = { code: 'de', name: 'Deutsch', locale: 'de-DE', direction: 'auto', position: '' };
      assert.equal((await post(who, '/newsroom/editions', add)).statusCode, 403, `${role} adds`);
      const edit = { name: 'Changed', locale: 'id-ID', direction: 'ltr', position: '1' };
      assert.equal((await post(who, '/newsroom/editions/id', edit)).statusCode, 403, `${role} edits`);
      assert.equal((await post(who, '/newsroom/editions/id/deactivate', {})).statusCode, 403, `${role} deactivates`);
      assert.doesNotMatch((await get('/newsroom/articles', who)).body, /href="\/newsroom\/editions"/);
    }
    assert.deepEqual(await allRows(), rows);
    assert.equal(await editionEvents(), events);
    assert.match((await get('/newsroom', admin)).body, /<a href="\/newsroom\/editions">Editions<\/a>/);
  });

  test('every form needs its token: a post without one is refused and changes nothing', async () => {
    const rows = await allRows();
    const events = await countEvents();
    const add = { code: 'de', name: 'Deutsch', locale: 'de-DE', direction: 'auto', position: '' };
    const edit = { name: 'Changed', locale: 'id-ID', direction: 'ltr', position: '1' };
    for (const [url, fields] of [
      ['/newsroom/editions', add],
      ['/newsroom/editions/id', edit],
      ['/newsroom/editions/id/deactivate', {}],
    ] as const) {
      const res = await post(admin, url, fields, false);
      assert.equal(res.statusCode, 403, url);
    }
    assert.deepEqual(await allRows(), rows);
    assert.equal(await countEvents(), events);
  });
});

describe('the list', () => {
  test('shows every edition with its locale, direction, position, status and published stories', async () => {
    const section = await makeCategory(t.db, { edition: 'id' });
    await makeArticle(t.db, { edition: 'id', category_id: section.id });
    await makeArticle(t.db, { edition: 'id', category_id: section.id });
    // Neither a draft nor a story scheduled for later counts.
    await makeArticle(t.db, { edition: 'id', category_id: section.id, status: 'draft', published_at: null });
    await makeArticle(t.db, {
      edition: 'id',
      category_id: section.id,
      published_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const page = await get('/newsroom/editions', admin);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<a href="\/newsroom\/editions\/ar"><span lang="ar" dir="rtl">العربية<\/span><\/a> <span class="nr-meta">ar<\/span>/,
    );
    assert.equal(await listRow('id'), 'Bahasa Indonesia id | id-ID | Left to right | 1 | Active | 2 | Own catalog |');
    assert.equal(await listRow('en'), 'English en | en-GB | Left to right | 0 | Active (default) | 0 | Own catalog |');
    assert.equal(await listRow('ar'), 'العربية ar | ar | Right to left | 2 | Active | 0 | Own catalog |');
  });

  test('counts with one query however many editions there are', async () => {
    const seen: string[] = [];
    const stop = t.testDb.onQuery((sql) => {
      if (/"articles"/.test(sql)) seen.push(sql);
    });
    try {
      assert.equal((await get('/newsroom/editions', admin)).statusCode, 200);
    } finally {
      stop();
    }
    assert.equal(seen.length, 1, seen.join('\n'));
  });
});

describe('adding an edition', () => {
  test('an edition is prepared switched off, from a template in its language, then opened to readers', async () => {
    assert.equal((await get('/nl')).statusCode, 404);
    const events = await countEvents();
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/editions',
      headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
      // Two sections ticked (the checkbox group sends one field per tick), the profile, not "open now".
      payload: `${form(admin, {
        code: 'nl',
        name: 'Nederlands',
        locale: 'nl-nl',
        direction: 'auto',
        timeZone: 'Europe/Amsterdam',
        position: '',
        sections: 'economy',
        companyProfile: 'on',
      })}&sections=world&sections=no-such-section`,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/editions?done=added&edition=nl#main');
    const added = await editionRow('nl');
    assert.deepEqual(
      { ...added, is_active: toBool(added!.is_active) },
      {
        code: 'nl',
        name: 'Nederlands',
        locale: 'nl-NL',
        direction: 'ltr',
        position: 8,
        is_active: false,
        time_zone: 'Europe/Amsterdam',
      },
    );
    // The edition, two sections, the page and the menu: each through its command, with its event.
    assert.ok((await countEvents()) >= events + 5, 'the commands recorded their events');

    // Prepared: nothing of it is on the site yet, feeds and sitemaps included.
    for (const url of ['/nl', '/nl/feed.xml', '/nl/atom.xml', '/nl/feed.json', '/sitemap-nl-news.xml', '/nl/search'])
      assert.equal((await get(url)).statusCode, 404, url);
    assert.doesNotMatch((await get('/sitemap.xml')).body, /sitemap-nl-/);
    const done = await get(res.headers.location.split('#')[0]!, admin);
    assert.match(done.body, /The Nederlands edition has been added, switched off: prepare its stories/);
    // No catalog for "nl": the list and the form say the interface text is English.
    assert.equal(
      await listRow('nl'),
      'Nederlands nl | nl-NL | Left to right | 8 | Inactive | 0 | English (no catalog yet) |',
    );
    const editionPage = await get('/newsroom/editions/nl', admin);
    assert.match(editionPage.body, /falls back to English until a catalog exists/);
    assert.match(editionPage.body, /<option value="Europe\/Amsterdam" selected>Europe\/Amsterdam<\/option>/);

    // What the template made: the ticked sections in their own order, the profile page, the menu.
    const sections = await t.db
      .selectFrom('categories')
      .select(['slug', 'name'])
      .where('edition', '=', 'nl')
      .orderBy('position')
      .execute();
    assert.deepEqual(sections, [
      { slug: 'world', name: 'World' },
      { slug: 'economy', name: 'Economy' },
    ]);
    const profile = await t.db
      .selectFrom('pages')
      .select(['path', 'title', 'status'])
      .where('edition', '=', 'nl')
      .executeTakeFirstOrThrow();
    assert.deepEqual(profile, { path: 'company-profile', title: 'Company Profile', status: 'published' });

    const on = await post(admin, '/newsroom/editions/nl/activate', {});
    assert.equal(on.statusCode, 303);
    const home = await get('/nl');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="nl" dir="ltr">/);
    const nav = /<nav id="site-nav"[\s\S]*?<\/nav>/.exec(home.body)![0];
    assert.deepEqual(
      [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`),
      [
        'World /nl/category/world',
        'Economy /nl/category/economy',
        'Live Streaming /nl/live',
        'Program Highlight /nl/programs',
        'Company Profile /nl/company-profile',
        'Zona Integritas /nl/integrity',
      ],
    );
    for (const url of ['/nl/company-profile', '/nl/category/world', '/nl/feed.xml', '/sitemap-nl-news.xml'])
      assert.equal((await get(url)).statusCode, 200, url);
  });

  test('a catalog edition starts in its own language, dated in its own zone; "open now" opens it at once', async () => {
    // The template names what it makes in the edition's language where the code has a catalog.
    await startEditionFromTemplate(
      writerFor(t.db),
      { code: 'zh', locale: 'zh-CN' },
      { sections: ['culture', 'economy'], companyProfile: true },
    );
    const made = await t.db
      .selectFrom('categories')
      .select(['slug', 'name'])
      .where('edition', '=', 'zh')
      .orderBy('position')
      .execute();
    assert.deepEqual(made, [
      { slug: '经济', name: '经济' },
      { slug: '文化', name: '文化' },
    ]);
    const zhHome = await get('/zh');
    assert.match(zhHome.body, /<a href="\/zh\/category\/%E7%BB%8F%E6%B5%8E">经济<\/a>/);
    assert.ok(
      zhHome.body.includes(`<a href="/zh/${encodeURIComponent('电台简介')}">电台简介</a>`),
      'the profile in the menu',
    );
    assert.equal((await get(`/zh/${encodeURIComponent('电台简介')}`)).statusCode, 200);

    const persian = await post(admin, '/newsroom/editions', {
      code: 'fa',
      name: 'فارسی',
      locale: 'fa-IR',
      direction: 'auto',
      timeZone: 'Asia/Tehran',
      position: '7',
      openNow: 'on',
    });
    assert.equal(persian.statusCode, 303);
    assert.equal((await editionRow('fa'))!.direction, 'rtl');
    assert.equal((await editionRow('fa'))!.position, 7);
    const done = await get(persian.headers.location!.split('#')[0]!, admin);
    assert.match(done.body, /The فارسی edition has been added and is on the site at \/fa\./);
    assert.match((await get('/fa')).body, /<html lang="fa" dir="rtl">/);
    // Nothing ticked: no sections or page, and a menu of the standard links alone.
    assert.equal((await t.db.selectFrom('categories').select('id').where('edition', '=', 'fa').execute()).length, 0);
    const story = await makeArticle(t.db, {
      edition: 'fa',
      title: 'Story in Tehran time',
      published_at: '2024-06-15T17:00:00.000Z',
    });
    const page = await get(`/fa/news/${story.id}/${story.slug}`);
    // 17:00 UTC is 20:30 in Tehran: the edition's own zone, not the site's (Jakarta, 00:00).
    assert.match(page.body, /datetime="2024-06-15T20:30:00\+03:30"/);
  });

  test('the audit log shows who added or changed an edition', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_type', 'edition'])
      .where('action', '=', 'edition.changed')
      .where('actor_id', '=', admin.user.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.subject_type, r.edition]),
      [
        ['edition', 'nl'],
        ['edition', 'nl'],
        ['edition', 'fa'],
      ],
    );
    const page = await get('/newsroom/audit?action=edition.changed', admin);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="edition.changed" selected>Added or changed an edition<\/option>/);
    assert.match(page.body, /<a href="\/newsroom\/editions\/fa">edition fa<\/a>/);
  });

  test('bad input is refused with every problem listed, the values kept, and nothing changes', async () => {
    const cases: [Record<string, string>, number, RegExp[]][] = [
      [{ code: 'EN!' }, 400, [/^code: &#34;EN!&#34; is not an edition code/]],
      [{ code: 'api' }, 400, [/^code: &#34;api&#34; is a word the site uses in its own addresses/]],
      [{ code: 'newsroom' }, 400, [/^code: /]],
      [{ code: 'en' }, 409, [/^code: an edition with the code “en” exists already\.$/]],
      [{ locale: 'en_GB' }, 400, [/^locale: &#34;en_GB&#34; is not a BCP 47 locale/]],
      [{ locale: 'xx' }, 400, [/^locale: &#34;xx&#34; is a locale this server has no date formats for/]],
      [{ name: '   ' }, 400, [/^name: is required$/]],
      [{ position: '-3' }, 400, [/^position: must be a whole number from 0 to 1000$/]],
      [{ position: '5000' }, 400, [/^position: must be a whole number from 0 to 1000$/]],
      [{ direction: 'sideways' }, 400, [/^direction: must be left to right/]],
      [{ timeZone: 'Mars/Olympus_Mons' }, 400, [/^timeZone: is not a time zone this server knows/]],
      // Sections and the profile ticked: a refused edition makes none of them.
      [{ code: 'en', sections: 'world', companyProfile: 'on' }, 409, [/^code: an edition with the code “en”/]],
      [{ code: 'API', name: '', locale: 'nope_x' }, 400, [/^code: /, /^name: is required$/, /^locale: /]],
    ];
    const rows = await allRows();
    const events = await countEvents();
    for (const [changes, status, expected] of cases) {
      const fields = { code: 'sv', name: 'Svenska', locale: 'sv-SE', direction: 'auto', position: '', ...changes };
      const res = await post(admin, '/newsroom/editions', fields);
      const label = JSON.stringify(changes);
      assert.equal(res.statusCode, status, label);
      const problems = problemsIn(res.body);
      assert.equal(problems.length, expected.length, `${label}: ${problems.join(' / ')}`);
      expected.forEach((re, i) => assert.match(problems[i]!, re, label));
      assert.match(res.body, /id="edition-code"[^>]*value="[^"]*"/, label);
      if (changes.locale) assert.ok(res.body.includes(`value="${changes.locale}"`), `${label}: the value is kept`);
    }
    assert.deepEqual(await allRows(), rows);
    assert.equal(await countEvents(), events);
    assert.equal((await get('/sv')).statusCode, 404);
  });
});

describe('editing an edition', () => {
  test('name, locale, direction and position change on the site at once; the code never does', async () => {
    assert.equal((await get('/id')).statusCode, 200);
    assert.equal((await get('/id')).headers['x-cache'], 'hit', 'the home page is cached');
    const res = await post(admin, '/newsroom/editions/id', {
      code: 'xx',
      name: 'Indonesia',
      locale: 'id',
      direction: 'rtl',
      position: '5',
      timeZone: 'Asia/Makassar',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/editions/id?done=saved');
    assert.deepEqual(
      { ...(await editionRow('id')), is_active: undefined },
      {
        code: 'id',
        name: 'Indonesia',
        locale: 'id',
        direction: 'rtl',
        position: 5,
        is_active: undefined,
        time_zone: 'Asia/Makassar',
      },
    );
    assert.equal(await editionRow('xx'), undefined);
    const home = await get('/id');
    assert.notEqual(home.headers['x-cache'], 'hit');
    assert.match(home.body, /<html lang="id" dir="rtl">/);
    const api = (await get('/api/v1/editions')).json() as {
      editions: { code: string; name: string; locale: string }[];
    };
    assert.deepEqual(
      api.editions.find((e) => e.code === 'id'),
      { code: 'id', name: 'Indonesia', locale: 'id', direction: 'rtl', url: 'https://warta.test/id' },
    );
    assert.match((await get(res.headers.location, admin)).body, /The edition has been saved\./);

    // Saving the same values again records nothing.
    const events = await countEvents();
    const again = await post(admin, '/newsroom/editions/id', {
      name: 'Indonesia',
      locale: 'id',
      direction: 'rtl',
      position: '5',
      timeZone: 'Asia/Makassar',
    });
    assert.equal(again.headers.location, '/newsroom/editions/id?done=unchanged');
    assert.equal(await countEvents(), events);

    // "From the locale" sets it back to left to right.
    const back = await post(admin, '/newsroom/editions/id', {
      name: 'Bahasa Indonesia',
      locale: 'id-ID',
      direction: 'auto',
      position: '1',
    });
    assert.equal(back.statusCode, 303);
    assert.equal((await editionRow('id'))!.direction, 'ltr');
  });

  test('bad settings are refused and change nothing; an unknown edition is a 404', async () => {
    const row = await editionRow('id');
    const events = await countEvents();
    const res = await post(admin, '/newsroom/editions/id', {
      name: '',
      locale: 'klingon_KL',
      direction: 'ltr',
      position: '',
    });
    assert.equal(res.statusCode, 400);
    const problems = problemsIn(res.body);
    assert.equal(problems.length, 3, problems.join(' / '));
    assert.match(problems.join('\n'), /^name: is required$/m);
    assert.match(problems.join('\n'), /^locale: &#34;klingon_KL&#34; is not a BCP 47 locale/m);
    assert.match(problems.join('\n'), /^position: must be a whole number/m);
    assert.match(res.body, /value="klingon_KL"/);
    assert.deepEqual(await editionRow('id'), row);
    assert.equal(await countEvents(), events);

    for (const url of ['/newsroom/editions/zz', '/newsroom/editions/NOPE'])
      assert.equal((await get(url, admin)).statusCode, 404, url);
    const edit = { name: 'Z', locale: 'en-GB', direction: 'ltr', position: '1' };
    assert.equal((await post(admin, '/newsroom/editions/zz', edit)).statusCode, 404);
    assert.equal((await post(admin, '/newsroom/editions/zz/deactivate', {})).statusCode, 404);
    assert.equal(await countEvents(), events);
  });
});

describe('deactivating and activating', () => {
  let second: FastifyInstance;
  before(async () => {
    second = await buildApp(t.config, t.db, {
      assets: t.app.ctx.assets,
      now: () => new Date(),
      listen: t.testDb.db.listen,
    });
    await second.ready();
  });
  after(() => second.close());

  /** Polls the other app until `url` answers `status` (its events arrive by NOTIFY or polling). */
  async function secondSees(url: string, status: number): Promise<void> {
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 10_000) {
      seen = (await second.inject({ url })).statusCode;
      if (seen === status) return;
      await delay(100);
    }
    assert.fail(`the other app answered ${url} with ${seen}, not ${status}`);
  }

  test("an inactive edition's pages answer 404, here and in another app, and come back", async () => {
    const story = await makeArticle(t.db, { edition: 'id', title: 'Berita pelabuhan' });
    const storyUrl = `/id/news/${story.id}/${story.slug}`;
    for (const url of ['/id', storyUrl]) {
      assert.equal((await get(url)).statusCode, 200, url);
      assert.equal((await get(url)).headers['x-cache'], 'hit', `${url} is cached`);
      await secondSees(url, 200);
    }

    const off = await post(admin, '/newsroom/editions/id/deactivate', {});
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, '/newsroom/editions/id?done=deactivated');
    for (const url of ['/id', storyUrl]) assert.equal((await get(url)).statusCode, 404, url);
    // Everywhere: its feeds, sitemaps, search, programs and profile pages too.
    const everywhere = [
      '/id/feed.xml',
      '/id/atom.xml',
      '/id/feed.json',
      '/sitemap-id-news.xml',
      '/sitemap-id-articles-1.xml',
    ];
    everywhere.push('/id/search', '/id/live', '/id/programs', '/id/integrity', '/id/privacy');
    for (const url of everywhere) assert.equal((await get(url)).statusCode, 404, url);
    assert.doesNotMatch((await get('/sitemap.xml')).body, /sitemap-id-/);
    await secondSees('/id', 404);
    await secondSees(storyUrl, 404);
    const api = (await get('/api/v1/editions')).json() as { editions: { code: string }[] };
    assert.ok(!api.editions.some((e) => e.code === 'id'));
    const page = await get(off.headers.location, admin);
    assert.match(page.body, /The edition is inactive: readers can no longer open its pages\./);
    assert.match(page.body, /action="\/newsroom\/editions\/id\/activate"/);
    assert.match(await listRow('id'), /\| Inactive \|/);

    const on = await post(admin, '/newsroom/editions/id/activate', {});
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, '/newsroom/editions/id?done=activated');
    for (const url of ['/id', storyUrl, ...everywhere]) assert.equal((await get(url)).statusCode, 200, url);
    await secondSees('/id', 200);
    await secondSees(storyUrl, 200);
    assert.match(await listRow('id'), /\| Active \|/);

    const actions = await t.db
      .selectFrom('audit_log')
      .select('edition')
      .where('action', '=', 'edition.changed')
      .where('edition', '=', 'id')
      .where('actor_id', '=', admin.user.id)
      .execute();
    assert.ok(actions.length >= 2, 'both switches are in the audit log');
  });

  test("the site's default edition cannot be deactivated, and the page does not offer it", async () => {
    const page = await get('/newsroom/editions/en', admin);
    assert.match(page.body, /This is the site’s default edition/);
    assert.doesNotMatch(page.body, /\/deactivate"/);
    const events = await countEvents();
    const res = await post(admin, '/newsroom/editions/en/deactivate', {});
    assert.equal(res.statusCode, 409);
    assert.match(problemsIn(res.body)[0]!, /^The site’s default edition cannot be deactivated/);
    assert.equal((await editionRow('en'))!.is_active ? 1 : 0, 1);
    assert.equal((await get('/en')).statusCode, 200);
    assert.equal(await countEvents(), events);
  });

  test('the last active edition cannot be deactivated', async () => {
    const w = t.app.ctx.writer;
    // Another site whose default edition ("en") is off: only "ar" is left on.
    const rules = { defaultEdition: 'none' };
    const others = (await allRows()).filter((r) => r.is_active && r.code !== 'ar').map((r) => r.code);
    for (const code of others) await setEditionActive(w, code, false, rules);
    try {
      const events = await countEvents();
      const page = await get('/newsroom/editions/ar', admin);
      assert.match(page.body, /This is the only active edition: it cannot be deactivated\./);
      assert.doesNotMatch(page.body, /\/deactivate"/);
      const res = await post(admin, '/newsroom/editions/ar/deactivate', {});
      assert.equal(res.statusCode, 409);
      assert.match(problemsIn(res.body)[0]!, /^The last active edition cannot be deactivated/);
      assert.equal((await get('/ar')).statusCode, 200);
      await assert.rejects(setEditionActive(w, 'ar', false, rules), { name: 'EditionRuleError', rule: 'last_active' });
      assert.equal(await countEvents(), events);
    } finally {
      for (const code of others) await setEditionActive(w, code, true, rules);
    }
    assert.equal((await get('/en')).statusCode, 200);
  });
});
