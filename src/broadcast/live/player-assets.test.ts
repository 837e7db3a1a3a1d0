// The player's files as the site serves them: the reading pages' script stays within its budget
// and loads the player (and hls.js) only on demand, by fingerprinted URLs served as immutable.
import assert from 'node:assert/strict';
import { brotliCompressSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { IMMUTABLE } from '../../core/http/cache.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
before(async () => (t = await createTestApp()), { timeout: 120_000 });
after(async () => t?.close());

const fileOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('the player files', () => {
  it('keeps the reading pages script under 10 KB compressed, with no other file loaded at once', () => {
    const site = t.app.ctx.assets.js;
    const compressed = brotliCompressSync(site.body).length;
    assert.ok(compressed < 10_000, `site script is ${compressed} bytes compressed`);
    const code = site.body.toString();
    // A static import would load its file on every page; only import("…") is allowed.
    assert.doesNotMatch(code, /(^|[;}\s])import\s*["{*\w]/, 'the site script imports nothing statically');
  });

  it('builds the player and hls.js as files of their own, each named only by the file that loads it', () => {
    const urls = [...t.app.ctx.assets.all.keys()];
    const player = urls.find((u) => /^\/assets\/player\.[0-9a-f]{10}\.js$/.test(u));
    const hls = urls.find((u) => /^\/assets\/hls\.[0-9a-f]{10}\.js$/.test(u));
    assert.ok(player && hls, `player and hls.js among ${urls.join(', ')}`);
    const site = t.app.ctx.assets.js.body.toString();
    assert.ok(site.includes(`import("./${fileOf(player)}")`), 'the site script imports the player on demand');
    assert.ok(!site.includes(fileOf(hls)), 'the site script never names hls.js');
    const playerCode = t.app.ctx.assets.all.get(player)!.body.toString();
    assert.ok(playerCode.includes(`import("./${fileOf(hls)}")`), 'the player imports hls.js on demand');
    assert.ok(playerCode.includes('data-turbo-permanent') || playerCode.includes('turboPermanent'));
  });

  it('serves every script file with the immutable cache header', async () => {
    for (const [url, asset] of t.app.ctx.assets.all) {
      if (!url.endsWith('.js')) continue;
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], IMMUTABLE, url);
      assert.match(String(res.headers['content-type']), /^text\/javascript/, url);
      assert.equal(res.rawPayload.length, asset.body.length, url);
    }
  });

  it('loads the site script as a module, tracked so that a new release loads pages in full', async () => {
    const page = await t.app.inject('/en');
    assert.match(
      page.body,
      new RegExp(`<script type="module" src="${t.app.ctx.assets.js.url}" data-turbo-track="reload"></script>`),
    );
  });
});
