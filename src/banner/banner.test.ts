// Breaking-news banners through HTTP on a test app with the page cache on: raising and ending
// reach every page of the edition at once, expiry needs no command, roles and input are checked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { articlePath } from '../articles/index.ts';
import { categoryPath } from '../articles/sections.ts';
import type { ArticleRow, CategoryRow } from '../core/db/schema.ts';
import { toLocalInput } from '../newsroom/index.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../test/helpers/factories.ts';
import { signedIn, type SignedIn, postForm } from '../../test/helpers/newsroom.ts';
import { LiveBanners } from './live.ts';
import { safeLink } from './commands.ts';
import type { Banner } from './model.ts';

const REGION = '<div class="breaking" role="region" aria-label="Breaking news">';

const post = postForm;

function raise(t: TestApp, who: SignedIn, fields: Record<string, string>) {
  return post(t, who, '/newsroom/banner', { edition: 'en', link: '', expires: '1h', until: '', ...fields });
}

/** An anonymous reader's GET (the page cache answers it when it can). */
function read(t: TestApp, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ url, headers: { accept: 'text/html' } });
}

async function newestBanner(t: TestApp) {
  return t.db.selectFrom('breaking_banners').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
}

async function bannerCount(t: TestApp): Promise<number> {
  return (await t.db.selectFrom('breaking_banners').select('id').execute()).length;
}

/** The seconds of a Cache-Control directive. */
function directive(res: LightMyRequestResponse, name: string): number {
  const match = new RegExp(`\\b${name}=(\\d+)`).exec(String(res.headers['cache-control']));
  assert.ok(match, `${name} in ${res.headers['cache-control']}`);
  return Number(match[1]);
}

describe('raising and ending a banner', () => {
  let t: TestApp;
  let editor: SignedIn;
  let section: CategoryRow;
  let article: ArticleRow;
  let pages: string[];

  before(async () => {
    t = await createTestApp();
    editor = await signedIn(t, 'editor');
    section = await makeCategory(t.db, { edition: 'en' });
    article = await makeArticle(t.db, { category_id: section.id });
    pages = ['/en', articlePath(article), categoryPath('en', section.slug)];
  });
  after(() => t.close());

  it('shows a new banner at once on the home, article and section pages of its edition, and not elsewhere', async () => {
    for (const url of [...pages, '/id']) {
      const first = await read(t, url);
      assert.equal(first.statusCode, 200, url);
      assert.doesNotMatch(first.body, /class="breaking"/, url);
      assert.equal((await read(t, url)).headers['x-cache'], 'hit', `${url} is cached`);
    }

    const res = await raise(t, editor, { text: 'Earthquake of magnitude 6.1 off Java', link: '/en/category/national' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/newsroom/banner?done=raised&edition=en');

    for (const url of pages) {
      const page = await read(t, url);
      assert.equal(page.statusCode, 200, url);
      assert.notEqual(page.headers['x-cache'], 'hit', `${url} was purged`);
      assert.ok(page.body.includes(REGION), url);
      assert.match(
        page.body,
        /<a class="breaking__text" href="\/en\/category\/national">Earthquake of magnitude 6.1 off Java<\/a>/,
      );
      // Under the masthead (after the header), above the page's main content.
      const at = page.body.indexOf(REGION);
      assert.ok(page.body.lastIndexOf('</header>', at) !== -1 && page.body.indexOf('<main', at) > at, url);
    }
    assert.doesNotMatch((await read(t, '/id')).body, /class="breaking"/, 'the other edition has no banner');

    const banner = await newestBanner(t);
    assert.equal(banner.created_by, editor.user.id);
    const event = await t.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'banner.raised')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.payload), { bannerId: banner.id, edition: 'en' });
    assert.equal(event.actor_id, editor.user.id);

    const newsroom = await t.app.inject({ url: '/newsroom/banner?done=raised&edition=en', headers: editor.headers });
    assert.equal(newsroom.statusCode, 200);
    assert.equal(newsroom.headers['cache-control'], 'private, no-store');
    assert.match(newsroom.body, /The banner is live on every page of the English edition\./);
    assert.match(newsroom.body, new RegExp(`action="/newsroom/banner/${banner.id}/end"`));
  });

  it('ends the live banner when another is raised, and "End now" takes it off every page at once', async () => {
    assert.equal((await raise(t, editor, { text: 'First alert' })).statusCode, 303);
    const first = await newestBanner(t);
    assert.equal((await raise(t, editor, { text: 'Second alert', expires: '3h' })).statusCode, 303);
    const second = await newestBanner(t);
    const replaced = await t.db
      .selectFrom('breaking_banners')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(replaced.ended_at, null, 'raising a banner ends the live one');
    const live = await t.db
      .selectFrom('breaking_banners')
      .select('id')
      .where('edition', '=', 'en')
      .where('ended_at', 'is', null)
      .execute();
    assert.deepEqual(
      live.map((b) => b.id),
      [second.id],
    );
    for (const url of pages) {
      const page = await read(t, url);
      assert.match(page.body, /Second alert/, url);
      assert.doesNotMatch(page.body, /First alert/, url);
      await read(t, url); // cached again
    }

    const end = await post(t, editor, `/newsroom/banner/${second.id}/end`);
    assert.equal(end.statusCode, 303);
    assert.equal(end.headers.location, '/newsroom/banner?done=ended');
    for (const url of pages) assert.doesNotMatch((await read(t, url)).body, /class="breaking"/, `${url} after the end`);
    const ended = await t.db.selectFrom('outbox_events').select('payload').where('type', '=', 'banner.ended').execute();
    const endedIds = ended.map((e) => JSON.parse(e.payload).bannerId as number);
    assert.deepEqual(
      endedIds.filter((id) => id >= first.id),
      [first.id, second.id],
    );

    const again = await post(t, editor, `/newsroom/banner/${second.id}/end`);
    assert.equal(again.headers.location, '/newsroom/banner?done=over', 'ending twice changes nothing');
    assert.equal((await post(t, editor, '/newsroom/banner/999999/end')).statusCode, 404);
  });

  it('shows the form again with every problem listed, saving nothing', async () => {
    const before = await bannerCount(t);
    const res = await raise(t, editor, {
      text: 'x'.repeat(201),
      link: 'javascript:alert(1)',
      expires: 'at',
      until: '',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Text: use at most 200 characters \(this has 201\)\./);
    assert.match(res.body, /Link: give a path of this site/);
    assert.match(res.body, /Expiry time: give a date and time, or choose a duration\./);
    assert.match(res.body, /value="javascript:alert\(1\)"/, 'what was typed comes back');

    const more = await raise(t, editor, { text: '   ', expires: 'forever' });
    assert.equal(more.statusCode, 400);
    assert.match(more.body, /Text: write what the banner says\./);
    assert.match(more.body, /Expires: choose when the banner expires\./);

    const past = toLocalInput(new Date(t.app.ctx.now().getTime() - 3600_000), t.config.timezone);
    const far = toLocalInput(new Date(t.app.ctx.now().getTime() + 8 * 86_400_000), t.config.timezone);
    for (const [until, problem] of [
      [past, /choose a time in the future/],
      [far, /a banner stays up at most 7 days/],
      ['2030-02-31T10:00', /that is not a date and time in Asia\/Jakarta/],
      ['tomorrow', /that is not a date and time/],
    ] as const) {
      const bad = await raise(t, editor, { text: 'Timed', expires: 'at', until });
      assert.equal(bad.statusCode, 400, until);
      assert.match(bad.body, problem, until);
    }

    const admin = await signedIn(t, 'admin');
    const unknown = await raise(t, admin, { edition: 'xx', text: 'Nowhere' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Edition: choose one of your editions\./);
    assert.equal(await bannerCount(t), before, 'nothing saved');
  });

  it('takes an expiry time in the site time zone, and names the zone', async () => {
    const now = t.app.ctx.now();
    const until = toLocalInput(new Date(now.getTime() + 2 * 3600_000), t.config.timezone);
    const res = await raise(t, editor, { text: 'Polls close', expires: 'at', until });
    assert.equal(res.statusCode, 303, res.body);
    const banner = await newestBanner(t);
    assert.equal(toLocalInput(new Date(banner.expires_at), t.config.timezone), until);
    const page = await t.app.inject({ url: '/newsroom/banner', headers: editor.headers });
    assert.match(page.body, /Times on this page are in the site time zone, Asia\/Jakarta \(UTC\+07:00\)\./);
    assert.match(page.body, /<input id="banner-until" name="until" type="datetime-local"/);
    for (const label of ['In 30 minutes', 'In 1 hour', 'In 3 hours', 'In 6 hours', 'In 12 hours', 'In 24 hours']) {
      assert.ok(page.body.includes(`>${label}</option>`), label);
    }
    assert.equal((await post(t, editor, `/newsroom/banner/${banner.id}/end`)).statusCode, 303);
  });

  it('escapes the text and link, and refuses links that are not a site path or https', async () => {
    const text = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const res = await raise(t, editor, { text, link: 'https://example.com/live?q="><script>alert(1)</script>' });
    assert.equal(res.statusCode, 303, res.body);
    const page = await read(t, '/en');
    assert.ok(page.body.includes(REGION));
    assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
    assert.ok(page.body.includes('&lt;script>alert(&#34;x&#34;)&lt;/script> &amp; &lt;img src=x onerror=alert(1)>'));
    assert.match(page.body, /href="https:\/\/example.com\/live\?q=%22%3E%3Cscript%3Ealert\(1\)%3C\/script%3E"/);
    const newsroom = await t.app.inject({ url: '/newsroom/banner', headers: editor.headers });
    assert.doesNotMatch(newsroom.body, /<script>alert|<img src=x/);

    const before = await bannerCount(t);
    for (const link of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.com/',
      '//evil.example/',
      '/\\evil.example',
      'https://user:secret@example.com/',
      '/en"><script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ]) {
      const bad = await raise(t, editor, { text: 'Linked', link });
      assert.equal(bad.statusCode, 400, link);
      assert.match(bad.body, /Link: give a path of this site/, link);
    }
    assert.equal(await bannerCount(t), before);
    await post(t, editor, `/newsroom/banner/${(await newestBanner(t)).id}/end`);
  });
});

describe('who may raise and end banners', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  it('refuses contributors, authors and integrity officers on GET and POST', async () => {
    for (const role of ['contributor', 'author', 'integrity_officer'] as const) {
      const who = await signedIn(t, role);
      assert.equal((await t.app.inject({ url: '/newsroom/banner', headers: who.headers })).statusCode, 403, role);
      assert.equal((await raise(t, who, { text: `By a ${role}` })).statusCode, 403, role);
    }
    assert.equal(await bannerCount(t), 0);
  });

  it('lets an editor work in their editions only, and an admin in all', async () => {
    const editorId = await signedIn(t, 'editor', ['id']);
    const page = await t.app.inject({ url: '/newsroom/banner', headers: editorId.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="id"/);
    assert.doesNotMatch(page.body, /<option value="en"/, 'only their editions are offered');
    assert.equal((await raise(t, editorId, { edition: 'en', text: 'Not mine' })).statusCode, 403);
    assert.equal(await bannerCount(t), 0);
    assert.equal((await raise(t, editorId, { edition: 'id', text: 'Gempa di Jawa' })).statusCode, 303);

    const admin = await signedIn(t, 'admin');
    assert.equal((await raise(t, admin, { edition: 'en', text: 'Admin alert' })).statusCode, 303);
    const english = await newestBanner(t);
    assert.equal((await post(t, editorId, `/newsroom/banner/${english.id}/end`)).statusCode, 403);
    assert.equal(
      (
        await t.db
          .selectFrom('breaking_banners')
          .select('ended_at')
          .where('id', '=', english.id)
          .executeTakeFirstOrThrow()
      ).ended_at,
      null,
    );

    const anonymous = await t.app.inject({ url: '/newsroom/banner' });
    assert.equal(anonymous.statusCode, 303, 'signed-out users are sent to sign in');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/banner',
      headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ edition: 'en', text: 'No token', expires: '1h' }).toString(),
    });
    assert.equal(noToken.statusCode, 403, 'a form without its token is refused');
  });
});

describe('expiry', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  it('takes the banner off at its minute with the page cache on, and no max-age reaches past it', async () => {
    const editor = await signedIn(t, 'editor');
    const article = await makeArticle(t.db);
    const start = new Date();
    t.setNow(start);
    assert.equal((await raise(t, editor, { text: 'Storm warning', expires: '30m' })).statusCode, 303);
    const banner = await newestBanner(t);
    const expiresAt = new Date(banner.expires_at);
    assert.equal(expiresAt.getTime() % 60_000, 0, 'on a whole minute');
    assert.ok(
      expiresAt.getTime() - start.getTime() >= 30 * 60_000 && expiresAt.getTime() - start.getTime() < 31 * 60_000,
    );

    // Well before: the usual freshness.
    const early = await read(t, '/en');
    assert.match(early.body, /Storm warning/);
    assert.equal(directive(early, 'max-age'), 30);

    // 20 s before: shown, and kept by no cache past the minute.
    t.setNow(new Date(expiresAt.getTime() - 20_000));
    for (const url of ['/en', articlePath(article)]) {
      const page = await read(t, url);
      assert.match(page.body, /Storm warning/, url);
      assert.ok(directive(page, 'max-age') <= 20, `${url}: ${page.headers['cache-control']}`);
      assert.ok(directive(page, 's-maxage') <= 20, `${url}: ${page.headers['cache-control']}`);
    }
    // 2 s before, within the page cache's few seconds of the minute: cached, shown.
    t.setNow(new Date(expiresAt.getTime() - 2000));
    for (const url of ['/en', articlePath(article)]) {
      assert.match((await read(t, url)).body, /Storm warning/, url);
      const again = await read(t, url);
      assert.equal(again.headers['x-cache'], 'hit', `${url} is cached meanwhile`);
      assert.ok(directive(again, 'max-age') <= 2, `${url}: ${again.headers['cache-control']}`);
    }

    // At the minute: gone from every page, though no command ran and nothing purged.
    t.setNow(expiresAt);
    for (const url of ['/en', articlePath(article)]) {
      const page = await read(t, url);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Storm warning|class="breaking"/, url);
    }
    const newsroom = await t.app.inject({ url: '/newsroom/banner', headers: editor.headers });
    assert.match(newsroom.body, /No banner is live\./);
    assert.match(newsroom.body, /Storm warning<\/strong>[\s\S]*Expired/);
  });
});

describe('LiveBanners', () => {
  const banner = (edition: string, expiresAt: Date): Banner => ({
    id: 1,
    edition,
    text: 'Alert',
    link: null,
    startsAt: new Date(0),
    expiresAt,
    createdBy: null,
    createdAt: new Date(0),
    endedAt: null,
  });

  it('forgets a banner at its expiry and reports its edition, so every process purges its pages', async () => {
    let now = new Date('2030-01-01T10:00:00Z');
    const expired: string[][] = [];
    const live = new LiveBanners({
      load: async () => [
        banner('en', new Date('2030-01-01T10:30:00Z')),
        banner('ar', new Date('2030-01-01T11:00:00Z')),
      ],
      now: () => now,
      onExpired: (editions) => expired.push([...editions]),
    });
    try {
      await live.reload();
      assert.ok(live.current('en', now));
      assert.deepEqual(
        live.changesAfter(now).map((c) => [c.edition, c.at.toISOString()]),
        [
          ['en', '2030-01-01T10:30:00.000Z'],
          ['ar', '2030-01-01T11:00:00.000Z'],
        ],
      );
      now = new Date('2030-01-01T10:30:00Z');
      assert.equal(live.current('en', now), undefined, 'not shown from its minute on');
      assert.deepEqual(live.expireDue(), ['en']);
      assert.deepEqual(expired, [['en']]);
      assert.deepEqual(live.expireDue(), [], 'once');
      assert.ok(live.current('ar', now));
    } finally {
      live.close();
    }
  });
});

describe('safeLink', () => {
  it('keeps site paths and https URLs, and nothing else', () => {
    assert.equal(safeLink('/en/news/12/a-story?x=1#top'), '/en/news/12/a-story?x=1#top');
    assert.equal(safeLink('https://Example.com/a b'), 'https://example.com/a%20b');
    for (const bad of ['javascript:alert(1)', 'https:example.com', 'ftp://example.com', '/ en', '//x', 'en/news']) {
      assert.equal(safeLink(bad), undefined, bad);
    }
  });
});
