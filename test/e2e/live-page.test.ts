// The live page in a real browser: zero axe-core violations and zero Nu HTML Checker errors in
// English and Arabic (one stream on air, one unreachable), and the page's updater rewriting the
// track title in place when Icecast reports a new one. The stream part needs icecast2 and ffmpeg
// (skipped without them, except under CI); the checks of the page run either way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addScheduleChange, saveChannel, saveProgram } from '../../src/broadcast/index.ts';
import { liveBoardOf } from '../../src/broadcast/live/setup.tsx';
import {
  DESKTOP,
  PHONE,
  closeBrowser,
  formatViolations,
  launchBrowser,
  openPage,
  runAxe,
  startDemoServer,
  type DemoServer,
} from '../helpers/browser.ts';
import { missingStreamTools, startIcecast, startTone, type Icecast, type ToneSource } from '../helpers/icecast.ts';
import { freePort } from '../helpers/serve-process.ts';
import { formatHtmlErrors, validatePages } from '../helpers/vnu.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const MOUNT = '/e2e-live-en.mp3';
const missing = missingStreamTools();
const skipStreams = missing && !process.env.CI ? `real stream tests skipped: ${missing}` : false;

let server: DemoServer;
let browser: Browser;
let icecast: Icecast | undefined;
let tone: ToneSource | undefined;
let englishId: number;
let arabicId: number;
const pages: Page[] = [];

before(
  async () => {
    // No page cache: the page's updater must see each new status at once (the browser still
    // keeps an answer its 10 s).
    [server, browser, icecast] = await Promise.all([
      startDemoServer({ WARTA_PAGE_CACHE_SECONDS: '0' }),
      launchBrowser(),
      skipStreams ? undefined : startIcecast(),
    ]);
    if (icecast) tone = await startTone(icecast, MOUNT);
    const w = server.test.app.ctx.writer;
    const deadPort = await freePort();
    englishId = await saveChannel(w, {
      edition: 'en',
      name: 'Warta English Live',
      slug: 'e2e-english',
      description: 'News, talk and music from Jakarta for listeners around the world.',
      streams: [
        { url: icecast ? `${icecast.baseUrl}${MOUNT}` : `http://127.0.0.1:${deadPort}/en.mp3` },
        { url: 'https://radio.example/hls/english.m3u8' },
      ],
      statusSource: 'icecast',
    });
    await saveProgram(w, {
      channelId: englishId,
      title: 'Warta Morning Report',
      slug: 'e2e-morning',
      slots: [{ days: EVERY_DAY, start: '00:00', minutes: 720 }],
    });
    await saveProgram(w, {
      channelId: englishId,
      title: 'Warta Evening Edition',
      slug: 'e2e-evening',
      slots: [{ days: EVERY_DAY, start: '12:00', minutes: 720 }],
    });
    arabicId = await saveChannel(w, {
      edition: 'ar',
      name: 'صوت وارتا بالعربية',
      slug: 'e2e-arabic',
      description: 'أخبار وبرامج من جاكرتا للمستمعين في العالم العربي.',
      streams: [{ url: `http://127.0.0.1:${deadPort}/ar.mp3` }],
      statusSource: 'icecast',
    });
    await saveProgram(w, {
      channelId: arabicId,
      title: 'نشرة الصباح',
      slug: 'e2e-sabah',
      slots: [{ days: EVERY_DAY, start: '06:00', minutes: 120 }],
    });
    await saveProgram(w, {
      channelId: arabicId,
      title: 'حوار المساء',
      slug: 'e2e-masa',
      slots: [{ days: EVERY_DAY, start: '18:00', minutes: 90 }],
    });
    await liveBoardOf(server.test.app.ctx).checkStreams({ fresh: true });
  },
  { timeout: 180_000 },
);

after(
  async () => {
    await closeBrowser(browser, pages);
    await tone?.stop();
    await icecast?.stop();
    await server?.close();
  },
  { timeout: 60_000 },
);

describe('the live page', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const path of ['/en/live', '/ar/live']) {
      it(`has no accessibility violations: ${path} at ${viewport.width} px`, async () => {
        const page = await openPage(browser, { viewport, bypassCSP: true });
        pages.push(page);
        const res = await page.goto(server.baseUrl + path);
        assert.equal(res?.status(), 200);
        assert.ok((await page.locator('.live-channel').count()) >= 1, 'the test channel and the demo ones');
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, formatViolations(violations, `${path} at ${viewport.width} px`));
      });
    }
  }

  it('is valid HTML (Nu HTML Checker)', { timeout: 120_000 }, async () => {
    const errors = await validatePages(server.baseUrl, ['/en/live', '/ar/live', '/en']);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });

  it('tells an unreachable stream honestly, in the edition language', async () => {
    const page = await openPage(browser);
    pages.push(page);
    await page.goto(`${server.baseUrl}/ar/live`);
    const state = page.locator(`[data-live-channel="${arabicId}"] [data-live-state]`);
    assert.equal(await state.getAttribute('data-state'), 'unreachable');
    assert.equal((await state.textContent())?.trim(), 'تعذّر الوصول إلى البث: حاول مرة أخرى لاحقًا');
    assert.equal(await state.locator('.on-air-dot').isVisible(), false, 'no red dot');
  });
});

describe('the live page updater', { skip: skipStreams }, () => {
  it(
    'rewrites the title when the stream server reports a new one, and announces a new program',
    { timeout: 120_000 },
    async () => {
      assert.ok(icecast);
      const page = await openPage(browser);
      pages.push(page);
      await page.clock.install();
      await page.goto(`${server.baseUrl}/en/live`);
      const panel = page.locator(`[data-live-channel="${englishId}"]`);
      assert.equal(await panel.locator('[data-live-state]').getAttribute('data-state'), 'on_air');
      assert.equal(await panel.locator('[data-live-title]').isVisible(), false, 'no title reported yet');

      const title = 'Keroncong for a rainy afternoon';
      await icecast.setTitle(MOUNT, title);
      // The server hears of it on its next check (Icecast shows a new title after a moment).
      const board = liveBoardOf(server.test.app.ctx);
      const channel = board.channelsOf('en').find((c) => c.id === englishId)!;
      for (const end = Date.now() + 15_000; board.statusOf(channel).title !== title;) {
        assert.ok(Date.now() < end, 'the server reads the new title');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await board.checkStreams({ fresh: true });
      }
      // The page asks every 20 s: move its clock on until an answer with the title has come (the
      // browser may keep an older answer its 10 s).
      const text = panel.locator('[data-live-title-text]');
      for (const end = Date.now() + 45_000; (await text.textContent()) !== title;) {
        assert.ok(Date.now() < end, `the page shows the new title (has "${await text.textContent()}")`);
        await page.clock.fastForward(21_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.equal(await panel.locator('[data-live-title]').isVisible(), true);
      // Nothing announced: the program did not change.
      const announcer = page.locator('[data-live-announce]');
      assert.equal((await announcer.textContent())?.trim(), '');

      // A special broadcast from now on: the program on air changes in place, and is announced.
      const w = server.test.app.ctx.writer;
      const specialId = await saveProgram(w, {
        channelId: englishId,
        title: 'Warta Special Report',
        slug: 'e2e-special',
      });
      const now = Date.now();
      await addScheduleChange(w, {
        channelId: englishId,
        kind: 'special',
        programId: specialId,
        startsAt: new Date(now - 60_000),
        endsAt: new Date(now + 3600_000),
      });
      const onNow = panel.locator('[data-live-now] a');
      for (const end = Date.now() + 45_000; (await onNow.textContent()) !== 'Warta Special Report';) {
        assert.ok(Date.now() < end, `the page shows the special (has "${await onNow.textContent()}")`);
        await page.clock.fastForward(21_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      assert.equal(await onNow.getAttribute('href'), '/en/programs/e2e-special');
      assert.equal((await announcer.textContent())?.trim(), 'Now on Warta English Live: Warta Special Report');
      assert.equal(await announcer.getAttribute('aria-live'), 'polite');
    },
  );
});
