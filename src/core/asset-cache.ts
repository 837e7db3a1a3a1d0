// Built assets kept on disk between starts: esbuild minifying the reader scripts (hls.js alone
// is half a megabyte) took about a fifth of a cold start, in a helper process the server waited
// for. A build is reused while every file it was made from is unchanged (size and modification
// time, as the server bundle checks its own: bin/server-bundle.js), else made again and stored.
import fs from 'node:fs';
import path from 'node:path';

/** The stored form's version: a change to it, or to what a build stores, must bump it. */
const FORMAT = 1;

/** A built asset, held in memory. */
export interface Asset {
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

/** What a build made, and the files (relative to the project root) it was made from. */
export interface AssetBuild {
  readonly assets: readonly Asset[];
  readonly inputs: readonly string[];
}

interface Stored {
  format: number;
  inputs: Record<string, string>;
  assets: { url: string; type: string; body: string }[];
}

/**
 * The assets of build `name`, from `<cacheDir>/<name>.json` when that was made from the same
 * files, else from `build()`, then stored. A cache that cannot be read or
 * written (a read-only install) is passed over: the build runs as it would without one.
 */
export async function cachedAssets(
  options: { root: string; cacheDir: string; name: string },
  build: () => Promise<AssetBuild>,
): Promise<readonly Asset[]> {
  const file = path.join(options.cacheDir, `${options.name}.json`);
  const stored = readStored(file);
  if (stored && stored.format === FORMAT && isFresh(options.root, stored.inputs)) {
    return stored.assets.map((a) => ({ url: a.url, type: a.type, body: Buffer.from(a.body, 'base64') }));
  }
  const built = await build();
  const record: Stored = {
    format: FORMAT,
    inputs: Object.fromEntries(built.inputs.map((input) => [input, stampOf(options.root, input)])),
    assets: built.assets.map((a) => ({ url: a.url, type: a.type, body: a.body.toString('base64') })),
  };
  try {
    fs.mkdirSync(options.cacheDir, { recursive: true });
    // Written whole and renamed: a process starting meanwhile reads the old file or the new one.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record));
    fs.renameSync(temporary, file);
  } catch {
    // Not writable: the next start builds again.
  }
  return built.assets;
}

function readStored(file: string): Stored | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
  } catch {
    return undefined;
  }
}

function isFresh(root: string, inputs: Record<string, string> | undefined): boolean {
  if (!inputs || typeof inputs !== 'object' || Object.keys(inputs).length === 0) return false;
  for (const [file, stamp] of Object.entries(inputs)) if (stampOf(root, file) !== stamp) return false;
  return true;
}

function stampOf(root: string, file: string): string {
  try {
    const stat = fs.statSync(path.resolve(root, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
