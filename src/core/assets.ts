// The reading pages' one CSS file and one small script, built with esbuild (once, then kept on
// disk until a source changes: asset-cache.ts) and served under fingerprinted URLs so browsers
// and CDNs may cache them forever. The script is an ES module split by esbuild: the radio player
// (with Hotwire Turbo) and hls.js are files of their own that the small script imports only when
// a reader presses play, by the fingerprinted URLs esbuild writes into it, so no page needs an
// inline script or an attribute to find them.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build, stop, type Metafile, type Plugin } from 'esbuild';
import { cachedAssets, type Asset, type AssetBuild } from './asset-cache.ts';

export type { Asset } from './asset-cache.ts';

/** The site's assets by role. */
export interface Assets {
  readonly css: Asset;
  readonly js: Asset;
  /** Every built asset by URL; the newsroom's join it once they are built. */
  readonly all: ReadonlyMap<string, Asset>;
  /**
   * The newsroom's stylesheet and script (the rich-text editor among them): built on the first
   * newsroom page, not at start, so a server that only serves readers never pays for them.
   */
  newsroom(): Promise<{ readonly css: Asset; readonly js: Asset }>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where built assets are kept between starts (beside the server bundle's). */
const CACHE_DIR = ROOT + 'node_modules/.cache/warta/assets';
/**
 * What every build depends on besides the sources esbuild reports: the packages bundled from
 * node_modules (hls.js, Turbo) and esbuild itself stand for one file, which npm rewrites on every
 * install, update or removal; this file holds the build settings.
 */
const SHARED_INPUTS = ['node_modules/.package-lock.json', 'src/core/assets.ts', 'src/core/asset-cache.ts'];

/** Builds under way in this process: esbuild's helper process is stopped when none is. */
let building = 0;

/** Bundles and minifies styles/site.css and client/site.ts. */
export async function buildAssets(): Promise<Assets> {
  building++;
  try {
    const [[css], scripts] = await Promise.all([
      kept('site-css', () => bundle('styles/site.css', 'site', 'css', 'text/css; charset=utf-8')),
      kept('reader-scripts', bundleReaderScripts),
    ]);
    const js = scripts.find((file) => /^\/assets\/site\.[0-9a-f]+\.js$/.test(file.url));
    if (!css || !js) throw new Error('the built assets lack the site stylesheet or script');
    const all = new Map([css, ...scripts].map((a) => [a.url, a]));
    let newsroom: Promise<{ css: Asset; js: Asset }> | undefined;
    return {
      css,
      js,
      all,
      newsroom() {
        newsroom ??= buildNewsroomAssets().then((built) => {
          for (const asset of [built.css, built.js]) all.set(asset.url, asset);
          return built;
        });
        // A failed build is tried again on the next newsroom page.
        newsroom.catch(() => (newsroom = undefined));
        return newsroom;
      },
    };
  } finally {
    // esbuild keeps its service process (~15 MB) for later builds; a server builds once.
    if (--building === 0) await stop();
  }
}

async function buildNewsroomAssets(): Promise<{ css: Asset; js: Asset }> {
  building++;
  try {
    const [[css], [js]] = await Promise.all([
      kept('newsroom-css', () => bundle('styles/newsroom.css', 'newsroom', 'css', 'text/css; charset=utf-8')),
      kept('newsroom-js', () => bundle('client/newsroom/index.ts', 'newsroom', 'js', JS_TYPE)),
    ]);
    if (!css || !js) throw new Error('the built assets lack the newsroom stylesheet or script');
    return { css, js };
  } finally {
    if (--building === 0) await stop();
  }
}

const JS_TYPE = 'text/javascript; charset=utf-8';

/** A build's assets, from the disk cache when its sources are unchanged. */
function kept(name: string, build: () => Promise<AssetBuild>): Promise<readonly Asset[]> {
  return cachedAssets({ root: ROOT, cacheDir: CACHE_DIR, name }, build);
}

/** The project files a build read (its node_modules files stand behind SHARED_INPUTS). */
function inputsOf(metafile: Metafile): string[] {
  return [...Object.keys(metafile.inputs).filter((file) => !file.startsWith('node_modules/')), ...SHARED_INPUTS];
}

/**
 * The reading pages' script and the files it loads on demand: `site` runs on every page; `player`
 * (the mini player and Turbo) and `hls` (hls.js, for HLS streams where the browser has no HLS of
 * its own) are imported by it only when a reader first presses play. Module scripts, so the
 * dynamic imports need no loader of our own.
 */
async function bundleReaderScripts(): Promise<AssetBuild> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      site: ROOT + 'client/site.ts',
      player: ROOT + 'client/player/index.ts',
      hls: ROOT + 'client/player/hls-library.ts',
      // The integrity reporting channel's pages load it themselves; no reading page does.
      'integrity-report': ROOT + 'client/integrity/report-form.ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    splitting: true,
    // esbuild's content hashes: a file's hash covers the hashes of the files it imports.
    entryNames: '[name].[hash]',
    chunkNames: 'shared.[hash]',
    outdir: ROOT + 'assets-built',
    // ES2022 as the language level: the browsers below have class fields, which Turbo uses; lowered,
    // they would need helpers in a file shared with the site script, one more request on each page.
    target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
    plugins: [turboWithoutInlineStyle],
    metafile: true,
    logLevel: 'silent',
  });
  // esbuild's hashes (base32) become hex ones like the stylesheet's, in the names and wherever a
  // file names another: one form of fingerprint for every asset.
  const built = result.outputFiles.map((output) => ({
    name: output.path.slice(output.path.lastIndexOf('/') + 1),
    text: output.text,
  }));
  const renamed = new Map(built.map(({ name }) => [name, hexName(name)]));
  const files = built.map(({ name, text }) => {
    let body = text;
    for (const [from, to] of renamed) body = body.replaceAll(`./${from}`, `./${to}`);
    return { url: `/assets/${renamed.get(name)}`, body: Buffer.from(body), type: JS_TYPE };
  });
  return { assets: files, inputs: inputsOf(result.metafile) };
}

/** `player.KJCKMUEI.js` as `player.<10 hex digits>.js`, the digits made from esbuild's hash. */
function hexName(name: string): string {
  const [base, hash, ext] = name.split('.');
  return `${base}.${createHash('sha256')
    .update(hash ?? name)
    .digest('hex')
    .slice(0, 10)}.${ext}`;
}

/**
 * Turbo puts a <style> element for its progress bar into the head as it loads: the CSP (no inline
 * styles) refuses it, with an error in the console. Built without it; the bar is styled by our
 * stylesheet (styles/broadcast-live.css). Fails the build if Turbo's code no longer matches.
 */
const turboWithoutInlineStyle: Plugin = {
  name: 'turbo-without-inline-style',
  setup(build) {
    build.onLoad({ filter: /@hotwired[\\/]turbo[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const install = 'installStylesheetElement() {';
      if (!source.includes(install)) throw new Error(`${args.path} has no ${install} any more: check the CSP`);
      return { contents: source.replace(install, `${install} return;`), loader: 'js' };
    });
  },
};

async function bundle(entry: string, name: string, ext: string, type: string): Promise<AssetBuild> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ROOT + entry],
    bundle: true,
    minify: true,
    write: false,
    format: ext === 'js' ? 'iife' : undefined,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  const body = Buffer.from(output.contents);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { assets: [{ url: `/assets/${name}.${hash}.${ext}`, body, type }], inputs: inputsOf(result.metafile) };
}
