// The benchmark's archive is built once and kept in ./data/bench-cache/<key>/ (git-ignored), keyed
// by a hash of what decides its contents: the generator's source, the migrations, the editions
// and photos it starts from, the body sanitiser and the search index's text and engine code,
// and the article count. Not every command's source: building takes long enough that a change
// elsewhere in a domain should not start it again (`--rebuild` does). Each run measures a fresh
// copy, since votes and reads change it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ARCHIVE_VERSION } from './archive.ts';

/** Files and folders whose content decides the archive (relative to the repository root). */
const INPUTS = [
  'scripts/bench/archive.ts',
  'scripts/bench/build-archive.ts',
  'scripts/bench/newsroom.ts',
  'scripts/bench/readers.ts',
  'scripts/bench/search-merging.ts',
  'scripts/bench/story-plan.ts',
  'scripts/bench/story-plan-worker.ts',
  'scripts/bench/story-text.ts',
  'scripts/bench/words.ts',
  'scripts/bench/random.ts',
  'migrations',
  'seed/editions.ts',
  'seed/demo/photos.ts',
  'src/core/text',
  'src/search/text.ts',
  'src/search/engine.ts',
  'src/search/indexer.ts',
];

/** The cache key of an archive of `articles` articles. */
export function archiveKey(root: string, articles: number): string {
  const hash = createHash('sha256').update(`v${ARCHIVE_VERSION}:${articles}\n`);
  for (const file of INPUTS.flatMap((input) => filesUnder(path.join(root, input))).sort()) {
    if (/\.test\.tsx?$/.test(file)) continue; // tests do not change what is built
    hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  }
  return `${articles}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * The data dir of a built archive: from the cache, else built now (into a temporary folder
 * renamed when complete, so an interrupted build is never reused). Older archives are removed.
 */
export async function ensureArchive(root: string, articles: number, rebuild: boolean): Promise<string> {
  const cache = path.join(root, 'data', 'bench-cache');
  const key = archiveKey(root, articles);
  const dir = path.join(cache, key);
  if (rebuild) fs.rmSync(dir, { recursive: true, force: true });
  if (fs.existsSync(dir)) {
    console.error(`archive: reusing ${path.relative(root, dir)}`);
    return dir;
  }
  fs.mkdirSync(cache, { recursive: true });
  for (const old of fs.readdirSync(cache)) fs.rmSync(path.join(cache, old), { recursive: true, force: true });
  const building = `${dir}.building`;
  console.error(`archive: building ${articles.toLocaleString('en')} articles into ${path.relative(root, dir)}`);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'scripts/bench/build-archive.ts'),
        '--data-dir',
        building,
        '--articles',
        String(articles),
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GLIBC_TUNABLES: buildMalloc() } },
    );
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the archive build exited with ${code}`))));
  });
  fs.writeFileSync(path.join(building, 'build-seconds'), ((performance.now() - started) / 1000).toFixed(1));
  fs.renameSync(building, dir);
  return dir;
}

/**
 * glibc's malloc settings for the build process (ignored elsewhere). Drawing and resizing the
 * photos (libvips) and SQLite's work allocate and free large buffers over and over; by default
 * glibc maps each large one afresh and hands the heap's free top back to the system, so the
 * build faulted in and zeroed the same memory again and again (the photos took twice as long,
 * with 2.5 times the page faults). Kept, it is reused: the build's memory stays at its peak,
 * which a one-off process can afford.
 */
function buildMalloc(): string {
  const settings = [
    'glibc.malloc.mmap_threshold=268435456',
    'glibc.malloc.trim_threshold=1073741824',
    'glibc.malloc.top_pad=67108864',
  ];
  return [process.env.GLIBC_TUNABLES, ...settings].filter(Boolean).join(':');
}

/** How long the cached archive took to build, in seconds. */
export function buildSecondsOf(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, 'build-seconds'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A fresh copy of an archive to run a server on, written through to the disk before it returns.
 * Left to the kernel, the copy's dirty pages (1.6 GB seen in /proc/meminfo) were flushed from
 * 30 s later on (dirty_expire), while the cold start and the first timed runs went on: the
 * kernel's writeback then shares the machine with what is measured.
 */
export function copyArchive(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith('build-seconds') });
  for (const file of filesUnder(to)) {
    const fd = fs.openSync(file, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target).flatMap((name) => filesUnder(path.join(target, name)));
}
