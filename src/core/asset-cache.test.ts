// Built assets are reused from disk while their sources are unchanged, built again when one
// changes, and built as before when the cache cannot be used.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cachedAssets, type AssetBuild } from './asset-cache.ts';

let root: string;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-asset-cache-'));
  fs.mkdirSync(path.join(root, 'styles'));
  fs.writeFileSync(path.join(root, 'styles/site.css'), 'body { color: black }');
  fs.writeFileSync(path.join(root, 'styles/tokens.css'), ':root { --ink: black }');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A build that makes one asset from the stylesheet and counts its runs. */
function counted() {
  const build = async (): Promise<AssetBuild> => {
    build.runs++;
    const text = fs.readFileSync(path.join(root, 'styles/site.css'), 'utf8');
    return {
      assets: [{ url: `/assets/site.${build.runs}.css`, type: 'text/css; charset=utf-8', body: Buffer.from(text) }],
      inputs: ['styles/site.css', 'styles/tokens.css'],
    };
  };
  build.runs = 0;
  return build;
}

describe('cachedAssets', () => {
  it('builds once, then gives the same bytes from disk while the inputs are unchanged', async () => {
    const options = { root, cacheDir: path.join(root, 'cache-a'), name: 'site-css' };
    const build = counted();
    const first = await cachedAssets(options, build);
    const second = await cachedAssets(options, build);
    assert.equal(build.runs, 1);
    assert.deepEqual(second, first);
    assert.ok(Buffer.isBuffer(second[0]!.body));
    assert.equal(second[0]!.body.toString(), 'body { color: black }');
  });

  it('builds again when an input changes or goes missing', async () => {
    const options = { root, cacheDir: path.join(root, 'cache-b'), name: 'site-css' };
    const build = counted();
    await cachedAssets(options, build);
    fs.writeFileSync(path.join(root, 'styles/tokens.css'), ':root { --ink: navy }');
    await cachedAssets(options, build);
    assert.equal(build.runs, 2, 'an imported file changed');
    fs.writeFileSync(path.join(root, 'styles/site.css'), 'body { color: navy }');
    const [asset] = await cachedAssets(options, build);
    assert.equal(build.runs, 3, 'the entry changed');
    assert.equal(asset!.body.toString(), 'body { color: navy }');
    fs.rmSync(path.join(root, 'styles/tokens.css'));
    await cachedAssets(options, build);
    assert.equal(build.runs, 4, 'an input is gone');
    fs.writeFileSync(path.join(root, 'styles/tokens.css'), ':root { --ink: black }');
  });

  it('keeps each build apart by name', async () => {
    const cacheDir = path.join(root, 'cache-c');
    const css = counted();
    const other = counted();
    await cachedAssets({ root, cacheDir, name: 'site-css' }, css);
    await cachedAssets({ root, cacheDir, name: 'newsroom-css' }, other);
    await cachedAssets({ root, cacheDir, name: 'site-css' }, css);
    assert.deepEqual([css.runs, other.runs], [1, 1]);
  });

  it('builds as without a cache when the stored file is broken or cannot be written', async () => {
    const cacheDir = path.join(root, 'cache-d');
    fs.mkdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, 'site-css.json'), '{"format": 1, "inputs": {"styles/site.css"');
    const build = counted();
    const [asset] = await cachedAssets({ root, cacheDir, name: 'site-css' }, build);
    assert.equal(build.runs, 1);
    assert.match(asset!.body.toString(), /^body/);
    await cachedAssets({ root, cacheDir, name: 'site-css' }, build);
    assert.equal(build.runs, 1, 'the broken file was replaced');

    // A file where the cache folder should be: nothing can be stored, every call builds.
    const blocked = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const uncached = counted();
    await cachedAssets({ root, cacheDir: blocked, name: 'site-css' }, uncached);
    const [again] = await cachedAssets({ root, cacheDir: blocked, name: 'site-css' }, uncached);
    assert.equal(uncached.runs, 2);
    assert.match(again!.body.toString(), /^body/);
  });

  it('passes a failed build on and stores nothing', async () => {
    const cacheDir = path.join(root, 'cache-e');
    await assert.rejects(
      cachedAssets({ root, cacheDir, name: 'site-css' }, async () => {
        throw new Error('esbuild: syntax error');
      }),
      /syntax error/,
    );
    assert.equal(fs.existsSync(path.join(cacheDir, 'site-css.json')), false);
  });
});
