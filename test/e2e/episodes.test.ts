// Episode pages in a real browser on the demo site: zero axe-core violations (wide and phone,
// English and Arabic, transcript folded and open) and zero Nu HTML Checker errors; and the
// player can seek: the file is fetched with ranges, and after a jump to the middle it plays on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  formatViolations,
  openPage,
  runAxe,
  useDemoSite,
  type DemoServer,
} from '../helpers/browser.ts';
import { browseAs, fetchAs, signedIn } from '../helpers/newsroom.ts';
import { formatHtmlErrors, validateHtml, validatePages } from '../helpers/vnu.ts';

let server: DemoServer;
let browser: Browser;
const pages: Page[] = [];
/** A published demo episode's page per edition. */
const episodeOf: Record<string, string> = {};

// The player test starts playback from a script: Chromium's autoplay rule would refuse it.
useDemoSite(
  async (s, b) => {
    server = s;
    browser = b;
    for (const edition of ['en', 'ar']) {
      const row = await server.test.db
        .selectFrom('episodes as e')
        .innerJoin('programs as p', 'p.id', 'e.program_id')
        .select(['e.slug', 'p.slug as program'])
        .where('e.edition', '=', edition)
        .where('e.status', '=', 'published')
        .where('e.artwork_media_id', 'is', null)
        .orderBy('e.published_at', 'desc')
        .executeTakeFirstOrThrow();
      episodeOf[edition] =
        `/${edition}/programs/${encodeURIComponent(row.program)}/episodes/${encodeURIComponent(row.slug)}`;
    }
  },
  pages,
  { allowAutoplay: true },
);

describe('episode page quality', () => {
  for (const edition of ['en', 'ar'])
    for (const [width, viewport] of [
      ['wide', DESKTOP],
      ['phone', PHONE],
    ] as const)
      it(`has no accessibility violations (${edition}, ${width}, transcript folded and open)`, async () => {
        const page = await openPage(browser, { bypassCSP: true, viewport });
        pages.push(page);
        const response = await page.goto(server.baseUrl + episodeOf[edition]);
        assert.equal(response?.status(), 200);
        assert.equal(await page.locator('html').getAttribute('dir'), edition === 'ar' ? 'rtl' : 'ltr');
        const folded = await runAxe(page);
        assert.equal(folded.length, 0, formatViolations(folded, `${edition} episode, ${width}`));
        await page.locator('.episode__transcript summary').click();
        assert.equal(await page.locator('.episode__transcript details').getAttribute('open'), '');
        const open = await runAxe(page);
        assert.equal(open.length, 0, formatViolations(open, `${edition} episode, ${width}, transcript open`));
      });

  it('is valid HTML (Nu HTML Checker), in English and Arabic', { timeout: 120_000 }, async () => {
    const errors = await validatePages(server.baseUrl, [episodeOf.en!, episodeOf.ar!]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});

describe('newsroom episode pages', () => {
  it('have no accessibility violations and are valid HTML', { timeout: 120_000 }, async () => {
    const editor = await signedIn(server.test, 'editor');
    const episode = await server.test.db
      .selectFrom('episodes')
      .select('id')
      .where('edition', '=', 'en')
      .executeTakeFirstOrThrow();
    const paths = [
      '/newsroom/episodes?edition=en',
      '/newsroom/episodes/new?edition=ar',
      `/newsroom/episodes/${episode.id}`,
      `/newsroom/episodes/${episode.id}/delete`,
    ];
    const page = await openPage(browser, { bypassCSP: true });
    pages.push(page);
    await browseAs(page.context(), editor);
    for (const path of paths) {
      const response = await page.goto(server.baseUrl + path);
      assert.equal(response?.status(), 200, path);
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations, path));
    }
    const errors = await validateHtml(await fetchAs(editor, server.baseUrl, paths));
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});

describe('episode player', () => {
  it('seeks: a jump to the middle is fetched with a range and plays on from there', async () => {
    const page = await openPage(browser);
    pages.push(page);
    const partials: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/media/audio-')) partials.push(r.status());
    });
    await page.goto(server.baseUrl + episodeOf.en);
    const audio = page.locator('audio.episode__audio');
    assert.equal(await audio.getAttribute('preload'), 'none');
    // Nothing is fetched until the reader plays.
    assert.equal(partials.length, 0);
    const duration = await audio.evaluate(async (el: HTMLAudioElement) => {
      el.muted = true;
      await el.play();
      await new Promise<void>((resolve) =>
        Number.isFinite(el.duration)
          ? resolve()
          : el.addEventListener('durationchange', () => resolve(), { once: true }),
      );
      return el.duration;
    });
    assert.ok(duration > 4, `duration ${duration}`);
    const middle = duration / 2;
    const seekedTo = await audio.evaluate(async (el: HTMLAudioElement, to: number) => {
      const seeked = new Promise((resolve) => el.addEventListener('seeked', resolve, { once: true }));
      el.currentTime = to;
      await seeked;
      return el.currentTime;
    }, middle);
    assert.ok(Math.abs(seekedTo - middle) < 0.5, `seeked to ${seekedTo}, asked ${middle}`);
    // Playing on from the middle: time advances past where it was put (bounded wait).
    await page.waitForFunction(
      (from) => {
        const el = document.querySelector<HTMLAudioElement>('audio.episode__audio');
        return !!el && !el.paused && el.currentTime > from + 0.5;
      },
      seekedTo,
      { timeout: 15_000 },
    );
    assert.ok(partials.includes(206), `audio responses: ${partials.join(', ')}`);
  });
});
