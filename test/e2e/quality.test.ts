// "Done" for every reader page: zero axe-core violations at WCAG 2.2 AA (wide and phone widths)
// and zero Nu HTML Checker errors, on the demo site served for real.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  formatViolations,
  openPage,
  runAxe,
  useDemoSite,
  type DemoPaths,
  type DemoServer,
} from '../helpers/browser.ts';
import { browseAs, fetchAs, serveOnLoopback, signedIn, type SignedIn } from '../helpers/newsroom.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { updateArticle } from '../../src/articles/index.ts';
import { raiseBanner } from '../../src/banner/index.ts';
import { createApiKey } from '../../src/api/keys/commands.ts';
import { createWebhook } from '../../src/webhooks/index.ts';
import { formatHtmlErrors, validateHtml, validatePages, type HtmlError } from '../helpers/vnu.ts';

let server: DemoServer;
let browser: Browser;

useDemoSite((s, b) => {
  server = s;
  browser = b;
});

let bannerRaised: Promise<unknown> | undefined;
/** Every Arabic page carries a breaking-news banner (right-to-left, with a link) while checked. */
const raiseArabicBanner = () =>
  (bannerRaised ??= raiseBanner(
    server.test.app.ctx.writer,
    { edition: 'ar', text: 'عاجل: زلزال بقوة 6.1 قبالة سواحل جاوة', link: '/ar', expires: '24h' },
    { timezone: server.test.config.timezone },
  ));

/** The pages checked: every kind of reader page, in each script direction. */
/** A demo page by name, or a literal path (search pages, whose query is part of the address). */
type PagePath = keyof DemoPaths | `/${string}`;
const pathOf = (path: PagePath) => (path.startsWith('/') ? path : server.paths[path as keyof DemoPaths]);

const PAGES: readonly { name: string; path: PagePath; status?: number }[] = [
  { name: 'English home', path: 'home' },
  { name: 'section (category) page', path: 'category' },
  { name: 'article', path: 'article' },
  { name: 'Company Profile page', path: 'profile' },
  { name: 'Company Profile subpage', path: 'profilePage' },
  { name: '404 page', path: 'notFound', status: 404 },
  { name: 'Arabic home', path: 'arabicHome' },
  { name: 'Arabic article', path: 'arabicArticle' },
  { name: 'Indonesian home', path: 'indonesianHome' },
  // Issue 12's editions: home and a story each (CJK typography, their own dates and search).
  { name: 'French home', path: '/fr' },
  { name: 'French article', path: 'frenchArticle' },
  { name: 'German home', path: '/de' },
  { name: 'German article', path: 'germanArticle' },
  { name: 'Spanish home', path: '/es' },
  { name: 'Spanish article', path: 'spanishArticle' },
  { name: 'Chinese home', path: '/zh' },
  { name: 'Chinese article', path: 'chineseArticle' },
  { name: 'Chinese search', path: '/zh/search?q=%E6%B8%AF%E5%8F%A3' },
  { name: 'Japanese home', path: '/ja' },
  { name: 'Japanese article', path: 'japaneseArticle' },
  { name: 'Japanese search', path: '/ja/search?q=%E5%9C%B0%E9%9C%87' },
  { name: 'tag page', path: 'tag' },
  { name: 'author page', path: 'author' },
  { name: 'Zona Integritas', path: 'integrity' },
  { name: 'Zona Integritas, Arabic', path: '/ar/integrity' },
  { name: 'privacy notice', path: '/en/privacy' },
  { name: 'privacy notice, Indonesian', path: '/id/privacy' },
  { name: 'integrity documents', path: '/en/integrity/documents' },
  { name: 'integrity documents, Arabic', path: '/ar/integrity/documents' },
  { name: 'search results', path: '/en/search?q=jakarta' },
  { name: 'search without results', path: '/en/search?q=xylophonequay&category=national&from=2020-01-01' },
  { name: 'Arabic search', path: '/ar/search?q=%D8%AC%D8%A7%D9%83%D8%B1%D8%AA%D8%A7' },
  { name: 'most-read page', path: '/en/most-read' },
  { name: 'most-read page, 30 days, Arabic', path: '/ar/most-read?period=30d' },
  { name: 'live radio', path: '/en/live' },
  { name: 'live radio, Arabic', path: '/ar/live' },
  { name: 'Program Highlight', path: '/en/programs' },
  { name: 'Program Highlight, Indonesian', path: '/id/programs' },
  { name: 'schedule', path: '/en/programs/schedule' },
  { name: 'schedule, Arabic', path: '/ar/programs/schedule' },
  { name: 'a program', path: '/en/programs/morning-show' },
  { name: 'a program, Arabic', path: '/ar/programs/news-bulletin' },
  { name: 'an episode', path: '/en/programs/morning-show/episodes/ferries-rain-and-the-first-mangoes' },
  { name: 'an episode, Indonesian', path: '/id/programs/morning-show/episodes/feri-hujan-dan-mangga-pertama' },
];

const PHONE_PAGES: readonly PagePath[] = [
  'home',
  'article',
  'arabicArticle',
  'chineseArticle',
  'japaneseArticle',
  '/de',
  '/en/search?q=jakarta',
  '/en/most-read',
  '/en/live',
  '/ar/programs/schedule',
  '/en/programs/morning-show',
];

/** Newsroom pages, seen by a signed-in administrator (`people`: whose pages to open). */
interface NewsroomPeople {
  admin: SignedIn;
  editor: SignedIn;
  /** The demo's English story, edited once in the newsroom (so it has a revision). */
  articleId: number;
  /** A demo photo that stories use (its library page lists them). */
  imageId: number;
  /** A paused webhook (issue 11), so its page has a form, a secret and an empty log. */
  webhookId: number;
}
const NEWSROOM_PAGES: readonly {
  name: string;
  path: (p: NewsroomPeople) => string;
  phone?: boolean;
  /** Seen by nobody signed in. */
  signedOut?: boolean;
}[] = [
  { name: 'newsroom: sign-in, signed out', path: () => '/newsroom/sign-in', phone: true, signedOut: true },
  { name: 'newsroom: dashboard', path: () => '/newsroom', phone: true },
  { name: 'newsroom: articles', path: () => '/newsroom/articles', phone: true },
  { name: 'newsroom: new article', path: () => '/newsroom/articles/new?edition=en', phone: true },
  { name: 'newsroom: an article', path: (p) => `/newsroom/articles/${p.articleId}`, phone: true },
  { name: 'newsroom: its revisions', path: (p) => `/newsroom/articles/${p.articleId}/revisions`, phone: true },
  { name: 'newsroom: its preview', path: (p) => `/newsroom/articles/${p.articleId}/preview` },
  { name: 'newsroom audit log', path: () => '/newsroom/audit', phone: true },
  {
    name: 'newsroom audit log, filtered, nothing found',
    path: (p) => `/newsroom/audit?action=user.deactivated&person=${p.editor.user.id}&from=2024-01-01`,
  },
  { name: 'newsroom people', path: () => '/newsroom/users', phone: true },
  { name: 'newsroom: add a person', path: () => '/newsroom/users/new' },
  { name: 'newsroom: a person', path: (p) => `/newsroom/users/${p.editor.user.id}`, phone: true },
  { name: 'newsroom: your own person page', path: (p) => `/newsroom/users/${p.admin.user.id}` },
  { name: 'newsroom: your account, two-step sign-in off', path: () => '/newsroom/account', phone: true },
  { name: 'newsroom: turning on two-step sign-in', path: () => '/newsroom/account/two-factor', phone: true },
  { name: 'newsroom: site settings', path: () => '/newsroom/settings' },
  { name: 'newsroom: security settings', path: () => '/newsroom/settings/security' },
  { name: 'newsroom: breaking-news banners', path: () => '/newsroom/banner', phone: true },
  { name: 'newsroom: sections', path: () => '/newsroom/sections?edition=en', phone: true },
  { name: 'newsroom: tags', path: () => '/newsroom/sections/tags?edition=en' },
  { name: 'newsroom: pages', path: () => '/newsroom/pages?edition=en' },
  { name: 'newsroom: new page', path: () => '/newsroom/pages/new?edition=en', phone: true },
  { name: 'newsroom: menus', path: () => '/newsroom/menus?edition=en' },
  { name: 'newsroom: main menu, Arabic edition', path: () => '/newsroom/menus/ar/main', phone: true },
  { name: 'newsroom: media library', path: () => '/newsroom/media', phone: true },
  { name: 'newsroom: an image in the media library', path: (p) => `/newsroom/media/${p.imageId}`, phone: true },
  { name: 'newsroom: editions', path: () => '/newsroom/editions', phone: true },
  { name: 'newsroom: an edition, Arabic', path: () => '/newsroom/editions/ar', phone: true },
  { name: 'newsroom: an edition, Japanese', path: () => '/newsroom/editions/ja' },
  { name: 'newsroom: radio', path: () => '/newsroom/radio', phone: true },
  { name: 'newsroom: radio channels', path: () => '/newsroom/radio/channels?edition=en' },
  { name: 'newsroom: new program', path: () => '/newsroom/radio/programs/new?edition=en', phone: true },
  { name: 'newsroom: picks', path: () => '/newsroom/radio/picks' },
  { name: 'newsroom: episodes', path: () => '/newsroom/episodes?edition=en', phone: true },
  { name: 'newsroom: new episode, Arabic', path: () => '/newsroom/episodes/new?edition=ar' },
  // issue 11: API keys and webhooks
  { name: 'newsroom: API keys', path: () => '/newsroom/api-keys', phone: true },
  { name: 'newsroom: webhooks', path: () => '/newsroom/webhooks', phone: true },
  { name: 'newsroom: a webhook', path: (p) => `/newsroom/webhooks/${p.webhookId}`, phone: true },
];
let people: NewsroomPeople;
let peopleMade: Promise<void> | undefined;
/** Signs the people in once the demo server is up (a `before` of each newsroom suite). */
const signPeopleIn = () =>
  (peopleMade ??= (async () => {
    const admin = await signedIn(server.test, 'admin');
    const articleId = Number(/\/news\/(\d+)\//.exec(server.paths.article)![1]);
    const story = await server.test.db
      .selectFrom('articles')
      .select('summary')
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    await updateArticle({ ...server.test.app.ctx.writer, actorId: admin.user.id }, articleId, {
      summary: `${story.summary} (Updated.)`,
    });
    const image = await server.test.db
      .selectFrom('articles')
      .select('featured_media_id')
      .where('featured_media_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const editor = await signedIn(server.test, 'editor');
    const asAdmin = { ...server.test.app.ctx.writer, actorId: admin.user.id };
    await createApiKey(asAdmin, { userId: editor.user.id, name: 'Mobile app', scopes: ['articles:write'] });
    const hook = await createWebhook(
      asAdmin,
      {
        url: 'https://93.184.216.34/warta-hook',
        description: 'Partner app',
        events: ['article.published'],
        active: false,
      },
      { allowPrivate: false, ownHosts: [] },
    );
    people = { admin, editor, articleId, imageId: image.featured_media_id!, webhookId: hook.id };
  })());

/** A site with no account yet, whose newsroom offers the one-time setup form. */
let emptySite: Promise<{ test: TestApp; baseUrl: string }> | undefined;
const startEmptySite = () =>
  (emptySite ??= createTestApp().then(async (test) => ({ test, baseUrl: await serveOnLoopback(test) })));
after(async () => (await emptySite)?.test.close());

async function axeCheck(
  path: PagePath,
  viewport: { width: number; height: number },
  status = 200,
  who?: SignedIn,
  baseUrl = server.baseUrl,
): Promise<void> {
  // axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
  const page = await openPage(browser, {
    viewport,
    bypassCSP: true,
    ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
  });
  try {
    if (who) await browseAs(page.context(), who);
    const url = baseUrl + pathOf(path);
    const response = await page.goto(url);
    assert.equal(response?.status(), status, `${url} answers ${status}`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations, `${pathOf(path)} at ${viewport.width}px`));
  } finally {
    await page.context().close();
  }
}

describe(`accessibility: axe-core, WCAG 2.2 AA, ${DESKTOP.width}px`, { timeout: 300_000 }, () => {
  before(raiseArabicBanner);
  for (const p of PAGES) {
    it(p.name, { timeout: 60_000 }, () => axeCheck(p.path, DESKTOP, p.status));
  }
});

describe(`accessibility: axe-core, WCAG 2.2 AA, ${PHONE.width}px`, { timeout: 300_000 }, () => {
  before(raiseArabicBanner);
  for (const path of PHONE_PAGES) {
    it(PAGES.find((p) => p.path === path)!.name, { timeout: 60_000 }, () => axeCheck(path, PHONE));
  }
});

describe(
  `accessibility: axe-core, WCAG 2.2 AA, newsroom, ${DESKTOP.width}px and ${PHONE.width}px`,
  // Some forty newsroom pages at two widths, each a few seconds on a busy machine.
  { timeout: 900_000 },
  () => {
    before(signPeopleIn);
    for (const p of NEWSROOM_PAGES) {
      const who = () => (p.signedOut ? undefined : people.admin);
      it(p.name, { timeout: 60_000 }, () => axeCheck(p.path(people) as PagePath, DESKTOP, 200, who()));
      if (p.phone)
        it(`${p.name}, phone`, { timeout: 60_000 }, () => axeCheck(p.path(people) as PagePath, PHONE, 200, who()));
    }
    for (const viewport of [DESKTOP, PHONE])
      it(`newsroom: first start, setup form, ${viewport.width}px`, { timeout: 60_000 }, async () =>
        axeCheck('/newsroom/setup', viewport, 200, undefined, (await startEmptySite()).baseUrl),
      );
    // The article form's photo picker, open with its images (client/newsroom/media-picker.ts).
    for (const viewport of [DESKTOP, PHONE])
      it(`newsroom: an article, photo picker open, ${viewport.width}px`, { timeout: 60_000 }, async () => {
        const mobile = viewport.width < 600 ? { isMobile: true, hasTouch: true } : {};
        const page = await openPage(browser, { viewport, bypassCSP: true, ...mobile });
        try {
          await browseAs(page.context(), people.admin);
          await page.goto(`${server.baseUrl}/newsroom/articles/${people.articleId}`);
          await page.getByRole('button', { name: 'Choose from library' }).click();
          const dialog = page.getByRole('dialog', { name: 'Choose a photo from the media library' });
          await dialog.getByRole('status').filter({ hasText: 'image(s) shown.' }).waitFor();
          const violations = await runAxe(page);
          assert.equal(violations.length, 0, formatViolations(violations, `the photo picker at ${viewport.width}px`));
        } finally {
          await page.context().close();
        }
      });
  },
);

describe('HTML validity: Nu HTML Checker, newsroom', { timeout: 240_000 }, () => {
  let errors: HtmlError[] = [];
  before(
    async () => {
      await signPeopleIn();
      const paths = (signedOut: boolean) =>
        NEWSROOM_PAGES.filter((p) => !!p.signedOut === signedOut).map((p) => p.path(people));
      errors = await validateHtml([
        ...(await fetchAs(people.admin, server.baseUrl, paths(false))),
        ...(await fetchAs(null, server.baseUrl, paths(true))),
        ...(await fetchAs(null, (await startEmptySite()).baseUrl, ['/newsroom/setup'])),
      ]);
    },
    { timeout: 200_000 },
  );
  for (const p of NEWSROOM_PAGES) {
    it(p.name, () => {
      const url = new URL(p.path(people), server.baseUrl).href;
      const mine = errors.filter((e) => e.url === url);
      assert.equal(mine.length, 0, formatHtmlErrors(mine, p.path(people)));
    });
  }
  it('newsroom: first start, setup form', async () => {
    const mine = errors.filter((e) => e.url.endsWith('/newsroom/setup'));
    assert.equal(mine.length, 0, formatHtmlErrors(mine, '/newsroom/setup'));
  });
});

describe('HTML validity: Nu HTML Checker', { timeout: 240_000 }, () => {
  let errors: HtmlError[] = [];
  const urlOf = (path: PagePath) => new URL(pathOf(path), server.baseUrl).href;

  before(
    async () => {
      await raiseArabicBanner();
      // One Java run for every page: the JVM takes seconds to start.
      errors = await validatePages(
        server.baseUrl,
        PAGES.map((p) => pathOf(p.path)),
      );
    },
    { timeout: 200_000 },
  );

  for (const p of PAGES) {
    it(p.name, () => {
      const mine = errors.filter((e) => e.url === urlOf(p.path));
      assert.equal(mine.length, 0, formatHtmlErrors(mine, pathOf(p.path)));
    });
  }

  it('reports nothing it cannot tie to a page', () => {
    const known = new Set(PAGES.map((p) => urlOf(p.path)));
    const stray = errors.filter((e) => !known.has(e.url));
    assert.equal(stray.length, 0, formatHtmlErrors(stray));
  });
});
