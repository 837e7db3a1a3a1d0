// The play button as the server renders it: what the player reads from it, in each language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '../../core/views/site.ts';
import { createTranslator } from '../../i18n/index.ts';
import { PlayButton, type PlayableChannel } from './play-button.tsx';

const channel: PlayableChannel = {
  id: 7,
  edition: 'ar',
  slug: 'arabic',
  name: 'الخدمة "العربية" <1>',
  artworkUrl: '/media/art.webp',
  streams: [
    { url: 'https://radio.example/live.aac?a=1&b=2', format: 'aac' },
    { url: 'https://cdn.example/live.m3u8', format: 'hls' },
  ],
  programTitle: 'نشرة الصباح',
};

const siteIn = (code: string) => ({ t: createTranslator(code, code) }) as unknown as Site;

/** The attributes of the rendered button, unescaped as a browser reads them. */
function attributesOf(html: string): Record<string, string> {
  // The start tag: up to the first child (a name may hold a ">", valid inside an attribute).
  const tag = html.slice(0, html.indexOf('><span'));
  const unescape = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
      .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e as 'amp']);
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

describe('the play button', () => {
  it('is a real button, not pressed yet, carrying the channel as the player reads it', async () => {
    const html = String(await PlayButton({ site: siteIn('ar'), channel }));
    const a = attributesOf(html);
    assert.equal(a.type, 'button');
    assert.equal(a['aria-pressed'], 'false');
    assert.equal(a['data-play-channel'], '7');
    assert.equal(a['data-edition'], 'ar');
    assert.equal(a['data-channel-name'], channel.name);
    assert.deepEqual(JSON.parse(a['data-streams']!), channel.streams);
    assert.equal(a['data-artwork'], '/media/art.webp');
    assert.equal(a['data-program'], 'نشرة الصباح');
  });

  it('gives the player its words in the edition’s language, every one of them', async () => {
    for (const code of ['en', 'id', 'ar']) {
      const labels = JSON.parse(
        attributesOf(String(await PlayButton({ site: siteIn(code), channel })))['data-labels']!,
      );
      const expected = ['region', 'play', 'pause', 'volume', 'channel', 'close', 'live', 'connecting', 'playing'];
      for (const name of [...expected, 'paused', 'offAir', 'retryIn', 'retrying', 'retryNow']) {
        assert.equal(typeof labels[name], 'string', `${code}: ${name}`);
        assert.doesNotMatch(labels[name], /^live\.player\./, `${code}: ${name} is translated`);
      }
      assert.match(labels.retryIn, /\{seconds\}/, 'the countdown keeps its placeholder for the player');
      assert.match(labels.playing, /\{channel\}/);
    }
    const ar = JSON.parse(attributesOf(String(await PlayButton({ site: siteIn('ar'), channel })))['data-labels']!);
    assert.equal(ar.retryNow, 'أعد المحاولة الآن');
  });

  it('names its channel for screen readers, with the visible words first (label in name)', async () => {
    const html = String(await PlayButton({ site: siteIn('en'), channel: { ...channel, name: 'English Service' } }));
    assert.match(html, /<span>Listen live<\/span><span class="visually-hidden"> · English Service<\/span>/);
  });

  it('leaves out what the channel does not have', async () => {
    const html = String(
      await PlayButton({ site: siteIn('en'), channel: { ...channel, artworkUrl: undefined, programTitle: undefined } }),
    );
    assert.doesNotMatch(html, /data-artwork|data-program/);
  });
});
