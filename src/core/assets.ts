// The reading pages' one CSS file and one small script, built once at start with esbuild
// and served under fingerprinted URLs so browsers and CDNs may cache them forever.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';

/** A built asset, held in memory. */
export interface Asset {
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

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

/** Builds under way in this process: esbuild's helper process is stopped when none is. */
let building = 0;

/** Bundles and minifies styles/site.css and client/site.ts. */
export async function buildAssets(): Promise<Assets> {
  building++;
  try {
    const [css, js] = await Promise.all([
      bundle('styles/site.css', 'site', 'css', 'text/css; charset=utf-8'),
      bundle('client/site.ts', 'site', 'js', 'text/javascript; charset=utf-8'),
    ]);
    const all = new Map([css, js].map((a) => [a.url, a]));
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
    const [css, js] = await Promise.all([
      bundle('styles/newsroom.css', 'newsroom', 'css', 'text/css; charset=utf-8'),
      bundle('client/newsroom/index.ts', 'newsroom', 'js', 'text/javascript; charset=utf-8'),
    ]);
    return { css, js };
  } finally {
    if (--building === 0) await stop();
  }
}

async function bundle(entry: string, name: string, ext: string, type: string): Promise<Asset> {
  const result = await build({
    entryPoints: [ROOT + entry],
    bundle: true,
    minify: true,
    write: false,
    format: ext === 'js' ? 'iife' : undefined,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  const body = Buffer.from(output.contents);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { url: `/assets/${name}.${hash}.${ext}`, body, type };
}
