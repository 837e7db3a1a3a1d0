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
  readonly all: ReadonlyMap<string, Asset>;
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
    return { css, js, all: new Map([css, js].map((a) => [a.url, a])) };
  } finally {
    // esbuild keeps its service process (~15 MB) for later builds; a server builds once.
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
