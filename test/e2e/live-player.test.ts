// The "Listen live" mini player in a real browser with real streams: Debian's Icecast fed by
// ffmpeg (MP3), and an HLS stream ffmpeg writes into a folder served on loopback (played through
// hls.js, forced). Pressing play on the live page plays; following links to an article and going
// back keeps the same audio element playing (page swaps, not page loads), while the article's read
// beacon and rating widget still work. A stream that is down says so and comes back by itself.
// Pages where nobody pressed play load no player code. Without icecast2/ffmpeg/chromium the file
// skips with one line, except under CI.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { saveChannel, saveProgram } from '../../src/broadcast/commands.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  CHROMIUM_PATH,
  closeBrowser,
  formatViolations,
  launchBrowser,
  openPage,
  PHONE,
  runAxe,
} from '../helpers/browser.ts';
import { makeArticle } from '../helpers/factories.ts';
import { missingStreamTools, startIcecast, startTone, type Icecast, type ToneSource } from '../helpers/icecast.ts';
import { formatHtmlErrors, validateHtml } from '../helpers/vnu.ts';
import { writerFor } from '../helpers/writer.ts';

const MISSING = missingStreamTools() ?? (fs.existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH}`);
const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
if (MISSING && IS_CI) throw new Error(`the live player tests need them under CI: ${MISSING}`);

// Headless Chromium says "HeadlessChrome", which the read counter rightly takes for a robot.
const READER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** Where the player keeps its audio element. */
const AUDIO = '#live-player audio';
/** The player's files: none of them may load before a reader presses play. */
const PLAYER_ASSET = /\/assets\/(player|hls|shared)\.[^/]+\.js$/;
const HLS_ASSET = /\/assets\/hls\.[^/]+\.js$/;

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let icecast: Icecast;
const sources: ToneSource[] = [];
let hls: { url: string; stop(): Promise<void> } | undefined;
const pages: Page[] = [];
let articlePath: string;
let articleId: number;

/** ffmpeg writing a live AAC HLS stream into a temp folder, served by a small static server. */
async function startHls(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-hls-'));
  const child: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=44100'],
      ...['-c:a', 'aac', '-b:a', '64k', '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6'],
      ...['-hls_flags', 'delete_segments', path.join(dir, 'live.m3u8')],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A stream server as a CDN would be: another origin, CORS open, nothing cached.
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) {
      response.writeHead(404, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    const type = name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live.m3u8`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Ready once the playlist lists three segments: a live player starts a few segments back.
  for (const end = Date.now() + 30_000; ; await delay(200)) {
    if (child.exitCode !== null) throw new Error(`ffmpeg (HLS) exited: ${stderr}`);
    const playlist = fs.existsSync(path.join(dir, 'live.m3u8'))
      ? fs.readFileSync(path.join(dir, 'live.m3u8'), 'utf8')
      : '';
    if ((playlist.match(/\.ts/g) ?? []).length >= 3) return { url, stop };
    if (Date.now() > end) {
      await stop();
      throw new Error(`ffmpeg wrote no HLS playlist: ${stderr}`);
    }
  }
}

before(
  async () => {
    if (MISSING) return;
    [t, browser, icecast] = await Promise.all([
      createTestApp(),
      launchBrowser({ allowAutoplay: true }),
      startIcecast(),
    ]);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    [hls] = await Promise.all([startHls(), startTone(icecast, '/live.mp3').then((s) => sources.push(s))]);
    const w = writerFor(t.db);
    const english = await saveChannel(w, {
      edition: 'en',
      name: 'English Service',
      streams: [{ url: `${icecast.baseUrl}/live.mp3` }],
    });
    // On air all day, every day: the player names it, on the page and on the lock screen.
    const everyDay = [1, 2, 3, 4, 5, 6, 7];
    await saveProgram(w, {
      channelId: english,
      title: 'Harbour Morning',
      slots: [{ days: everyDay, start: '00:00', minutes: 1440 }],
    });
    await saveChannel(w, { edition: 'en', name: 'Music Channel', streams: [{ url: hls.url }] });
    // Nothing feeds this mount until the test starts a source.
    await saveChannel(w, { edition: 'en', name: 'Night Service', streams: [{ url: `${icecast.baseUrl}/night.mp3` }] });
    await saveChannel(w, { edition: 'ar', name: 'الخدمة العربية', streams: [{ url: `${icecast.baseUrl}/live.mp3` }] });
    const article = await makeArticle(t.db, { title: 'Harbour ferries run on time again', is_featured: 1 });
    articleId = article.id;
    const link = (await t.app.inject('/en')).body.match(new RegExp(`href="(/en/[^"]*/${article.id}/[^"]*)"`));
    assert.ok(link, 'the home page links to the story');
    articlePath = link[1]!;
  },
  { timeout: 180_000 },
);
after(
  async () => {
    await closeBrowser(browser, pages);
    await Promise.all(sources.map((s) => s.stop()));
    await hls?.stop();
    await icecast?.stop();
    await t?.close();
  },
  { timeout: 60_000 },
);

/** A page with the reader's user agent; every asset it asks for is noted. */
async function open(
  options: Parameters<typeof openPage>[1] = {},
): Promise<{ page: Page; assets: string[]; refused: string[] }> {
  const page = await openPage(browser, { userAgent: READER_AGENT, ...options });
  pages.push(page);
  const assets: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/assets/')) assets.push(new URL(request.url()).pathname);
  });
  // What the Content-Security-Policy refused (an inline style, a script): nothing, ever.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return { page, assets, refused };
}

async function audioTime(page: Page): Promise<number> {
  return page.evaluate((selector) => document.querySelector<HTMLAudioElement>(selector)?.currentTime ?? -1, AUDIO);
}

/** Waits (bounded) until the audio's time is past `time` and it plays. */
async function waitForTimePast(page: Page, time: number, timeout = 30_000): Promise<number> {
  await page.waitForFunction(
    ([selector, past]) => {
      const audio = document.querySelector<HTMLAudioElement>(selector as string);
      return !!audio && !audio.paused && audio.currentTime > (past as number);
    },
    [AUDIO, time] as const,
    { timeout, polling: 200 },
  );
  return audioTime(page);
}

/** Marks the document and the audio element, to tell later whether either was replaced. */
async function mark(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    (window as unknown as { warta: string }).warta = 'same document';
    (document.querySelector(selector) as unknown as { warta: string }).warta = 'same audio';
  }, AUDIO);
}

async function marks(page: Page): Promise<{ document?: string; audio?: string }> {
  return page.evaluate(
    (selector) => ({
      document: (window as unknown as { warta?: string }).warta,
      audio: (document.querySelector(selector) as unknown as { warta?: string } | null)?.warta,
    }),
    AUDIO,
  );
}

/** The player's controls that stick out of the window (class names). */
function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#live-player button, #live-player select, #live-player input')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight);
      })
      .map((e) => e.className),
  );
}

function playButton(page: Page, channel: string) {
  return page.getByRole('button', { name: `Listen live · ${channel}` }).first();
}

describe('the mini player with a real Icecast stream', { skip: MISSING ?? false, timeout: 240_000 }, () => {
  it('plays on, without a restart, while the reader follows links and goes back', async () => {
    const { page, assets, refused } = await open();
    await page.goto(`${baseUrl}/en/live`);
    assert.deepEqual(
      assets.filter((a) => PLAYER_ASSET.test(a)),
      [],
      'no player code before play',
    );

    await playButton(page, 'English Service').click();
    const player = page.getByRole('region', { name: 'Radio player' });
    await player.waitFor();
    const started = await waitForTimePast(page, 1);
    assert.ok(
      assets.some((a) => /\/assets\/player\./.test(a)),
      'the player was loaded on play',
    );
    assert.ok(!assets.some((a) => HLS_ASSET.test(a)), 'an MP3 stream needs no hls.js');
    assert.equal(await playButton(page, 'English Service').getAttribute('aria-pressed'), 'true');
    assert.equal(await player.getByRole('button', { name: 'Pause', exact: true }).count(), 1);
    await player.getByText('Harbour Morning').waitFor();
    assert.deepEqual(
      await page.evaluate(() => ({
        title: navigator.mediaSession.metadata?.title,
        artist: navigator.mediaSession.metadata?.artist,
        state: navigator.mediaSession.playbackState,
      })),
      { title: 'Harbour Morning', artist: 'English Service', state: 'playing' },
      'the lock screen shows the program and the channel',
    );
    await mark(page);

    // To the home page by the logo, then to the story by its headline: real clicks on real links.
    await page.locator('a.logo').click();
    await page.waitForURL(`${baseUrl}/en`);
    const beacon = page.waitForRequest((r) => r.url().endsWith(`/api/reads/${articleId}`) && r.method() === 'POST');
    await page.locator(`main a[href="${articlePath}"]`).first().click();
    await page.waitForURL(`${baseUrl}${articlePath}`);
    await beacon;
    assert.deepEqual(await marks(page), { document: 'same document', audio: 'same audio' }, 'swapped, not loaded');
    const onArticle = await audioTime(page);
    assert.ok(onArticle >= started, `the time did not fall back (${onArticle} < ${started})`);
    await waitForTimePast(page, onArticle + 1);

    // The new page has the focus at its heading, and its title was announced.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await player.locator('[role="status"]').filter({ hasText: 'Harbour ferries run on time again' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // The article's rating widget works on the swapped page (its script bound to the new form).
    const widget = page.locator('form.rating');
    await widget.getByRole('radio', { name: '4 stars' }).focus();
    await page.keyboard.press('Space');
    await widget.locator('button.rating__submit').click();
    await widget.getByRole('status').filter({ hasText: 'your rating of 4 stars is saved' }).waitFor();
    assert.equal(page.url(), `${baseUrl}${articlePath}`, 'the vote did not leave the page');

    // Back to the home page, then to the live page: still the same audio, still playing.
    let reads = 0;
    page.on('request', (r) => (reads += r.url().endsWith(`/api/reads/${articleId}`) ? 1 : 0));
    await page.goBack();
    await page.waitForURL(`${baseUrl}/en`);
    const onHome = await audioTime(page);
    assert.ok(onHome >= onArticle);
    await waitForTimePast(page, onHome + 1);
    await page.goBack();
    await page.waitForURL(`${baseUrl}/en/live`);
    assert.deepEqual(await marks(page), { document: 'same document', audio: 'same audio' });
    await waitForTimePast(page, (await audioTime(page)) + 1);
    assert.equal(await playButton(page, 'English Service').getAttribute('aria-pressed'), 'true', 'the page knows');
    // Forward to the story again: a page seen before, brought back from history, counts no new read.
    await page.goForward();
    await page.goForward();
    await page.waitForURL(`${baseUrl}${articlePath}`);
    await page.locator('form.rating').waitFor();
    assert.equal(reads, 0, 'going back and forth sends no second read beacon');

    // Pause, and play again; close: the audio stops and the player goes.
    await player.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForFunction((s) => document.querySelector<HTMLAudioElement>(s)?.paused === true, AUDIO);
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForTimePast(page, 0.5);
    await player.getByRole('button', { name: 'Close the player' }).click();
    await player.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate((s) => document.querySelector<HTMLAudioElement>(s)?.paused, AUDIO), true);
    assert.deepEqual(refused, [], 'the CSP refused nothing');

    // Closed: links load pages in full again.
    await page.locator('a.logo').click();
    await page.waitForURL(`${baseUrl}/en`);
    assert.equal((await marks(page)).document, undefined, 'a full page load');
  });

  it('leaves the newsroom, feeds and calendars to ordinary page loads while it plays', async () => {
    const { page } = await open();
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'fetch' && r.method() === 'GET') fetched.push(new URL(r.url()).pathname);
    });
    // Links such pages may have: each is followed by the browser (a navigation), not by Turbo.
    for (const href of ['/newsroom', '/en/feed.xml', '/en/programs/some-show.ics']) {
      await page.goto(`${baseUrl}/en/live`);
      await playButton(page, 'English Service').click();
      await waitForTimePast(page, 0.5);
      await page.evaluate((h) => {
        const link = document.createElement('a');
        link.href = h;
        link.id = 'test-link';
        link.textContent = h;
        document.querySelector('main')!.prepend(link);
      }, href);
      const navigation = page.waitForRequest((r) => r.isNavigationRequest() && r.url().endsWith(href));
      await page.locator('#test-link').click();
      await navigation;
    }
    assert.deepEqual(
      fetched.filter((p) => !p.endsWith('/status.json')),
      [],
      'Turbo fetched none of them',
    );
  });

  it('without JavaScript, pages load in full and no play button is offered', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/live`);
    assert.equal(await page.locator('button[data-play-channel]').first().isVisible(), false);
    await page.locator('a.logo').click();
    await page.waitForURL(`${baseUrl}/en`);
  });

  it('is worked with the keyboard: play, volume, channel choice, close', async () => {
    const { page } = await open();
    await page.goto(`${baseUrl}/en/live`);
    await playButton(page, 'English Service').focus();
    await page.keyboard.press('Enter');
    await waitForTimePast(page, 0.5);
    const player = page.getByRole('region', { name: 'Radio player' });

    const volume = player.getByRole('slider', { name: 'Volume' });
    await volume.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate((s) => document.querySelector<HTMLAudioElement>(s)?.volume, AUDIO), 0.9);

    // Three English channels on the page: the choice offers them, in the edition's order.
    const choice = player.getByRole('combobox', { name: 'Channel' });
    assert.deepEqual(await choice.locator('option').allInnerTexts(), [
      'English Service',
      'Music Channel',
      'Night Service',
    ]);
    await choice.selectOption({ label: 'Night Service' });
    await player.getByText(/Off air · trying again in \d+ s/).waitFor();
    assert.equal(await playButton(page, 'Night Service').getAttribute('aria-pressed'), 'true');
    await choice.selectOption({ label: 'English Service' });
    await waitForTimePast(page, 0.5);

    await player.getByRole('button', { name: 'Close the player' }).focus();
    await page.keyboard.press('Enter');
    await player.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the focus goes back to the page');
  });

  it('says a stream that is down is off air, tries again, and plays once the source is back', async () => {
    const { page } = await open();
    await page.goto(`${baseUrl}/en/live`);
    await playButton(page, 'Night Service').click();
    const player = page.getByRole('region', { name: 'Radio player' });
    await player.getByText(/Off air · trying again in \d+ s/).waitFor({ timeout: 30_000 });
    await player.getByRole('button', { name: 'Try again now' }).waitFor();
    await player.locator('[role="status"]').filter({ hasText: 'Off air: trying again' }).waitFor();
    // A second attempt fails too, and the wait grows (3 s, then 6 s).
    await player.getByText(/trying again in [4-6] s/).waitFor({ timeout: 30_000 });
    // Off air, with its extra button, the player still fits a phone.
    await page.setViewportSize(PHONE);
    assert.deepEqual(await controlsOutside(page), [], 'every control fits a phone off air');
    const shots = process.env.WARTA_SCREENSHOTS;
    if (shots) await page.screenshot({ path: path.join(shots, 'player-en-phone-off-air.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    if (shots) await page.screenshot({ path: path.join(shots, 'player-en-desktop-off-air.png') });

    sources.push(await startTone(icecast, '/night.mp3'));
    await waitForTimePast(page, 0.5, 60_000);
    await player.getByRole('button', { name: 'Try again now' }).waitFor({ state: 'hidden' });
    await player.locator('[role="status"]').filter({ hasText: 'Playing Night Service' }).waitFor();
  });

  it('plays an HLS stream through hls.js, loaded only then', async () => {
    const { page, assets } = await open();
    const response = await page.goto(`${baseUrl}/en/live`);
    // hls.js fetches the playlist and segments (connect-src) and plays them through Media Source
    // (a blob: address, media-src); without both the CSP blocks it: said here, plainly.
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    assert.match(csp, /media-src [^;]*blob:/, `the CSP lets hls.js play Media Source: ${csp}`);
    assert.match(csp, /connect-src [^;]*(http:|127\.0\.0\.1)/, `the CSP lets hls.js fetch the stream: ${csp}`);
    // Chromium plays some HLS itself, which would hide hls.js: the test asks this browser for hls.js.
    await page.evaluate(() => localStorage.setItem('warta:hls', 'hls.js'));
    await playButton(page, 'Music Channel').click();
    await waitForTimePast(page, 1, 45_000);
    assert.ok(
      assets.some((a) => HLS_ASSET.test(a)),
      'hls.js was loaded',
    );
    assert.match(
      await page.evaluate((s) => document.querySelector<HTMLAudioElement>(s)?.src ?? '', AUDIO),
      /^blob:/,
      'the audio plays from hls.js (Media Source)',
    );
    await mark(page);
    await page.locator('a.logo').click();
    await page.waitForURL(`${baseUrl}/en`);
    assert.deepEqual(await marks(page), { document: 'same document', audio: 'same audio' });
    await waitForTimePast(page, (await audioTime(page)) + 1);
  });

  it('loads no player code on pages where nobody pressed play', async () => {
    const { page, assets } = await open();
    for (const where of ['/en/live', '/en', articlePath]) await page.goto(baseUrl + where, { waitUntil: 'load' });
    assert.ok(assets.some((a) => /\/assets\/site\./.test(a)));
    assert.deepEqual(
      assets.filter((a) => PLAYER_ASSET.test(a)),
      [],
    );
  });
});

describe('the mini player: accessibility and looks', { skip: MISSING ?? false, timeout: 240_000 }, () => {
  for (const [name, edition, channel, viewport] of [
    ['English, desktop', 'en', 'English Service', undefined],
    ['English, phone', 'en', 'English Service', PHONE],
    ['Arabic, desktop', 'ar', 'الخدمة العربية', undefined],
    ['Arabic, phone', 'ar', 'الخدمة العربية', PHONE],
  ] as const) {
    it(`${name}: playing, axe finds nothing, nothing overflows`, async () => {
      const { page } = await open({ bypassCSP: true, ...(viewport ? { viewport } : {}) });
      await page.goto(`${baseUrl}/${edition}/live`);
      await page.locator('button[data-play-channel]').filter({ hasText: channel }).first().click();
      await waitForTimePast(page, 0.5);
      const player = page.locator('#live-player');
      await player.locator('.mini-player__program, .mini-player__channel').first().waitFor();
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations, `the ${name} page with the player`));
      const box = await player.boundingBox();
      const width = viewport?.width ?? 1280;
      assert.ok(box && box.width <= width && box.x >= 0, 'the player fits the window');
      assert.deepEqual(await controlsOutside(page), [], 'every control of the player is inside the window');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      if (process.env.WARTA_SCREENSHOTS) {
        await page.screenshot({
          path: path.join(process.env.WARTA_SCREENSHOTS, `player-${edition}-${viewport ? 'phone' : 'desktop'}.png`),
        });
      }
    });
  }

  it('the player as made in the page is valid HTML (Nu HTML Checker)', async () => {
    const { page } = await open();
    await page.goto(`${baseUrl}/en/live`);
    await playButton(page, 'English Service').click();
    await waitForTimePast(page, 0.5);
    // The page around it is checked by the live page's own tests: here the player's markup, as
    // the script made it, in a minimal document of the page's language.
    const html = await page.evaluate(
      (player) =>
        `<!doctype html><html lang="en"><head><title>Player</title></head><body><main>${player}</main></body></html>`,
      await page.locator('#live-player').evaluate((element) => element.outerHTML),
    );
    const errors = await validateHtml([{ url: 'live-player', html }]);
    assert.equal(errors.length, 0, formatHtmlErrors(errors));
  });
});
