// `warta serve` runs from one JavaScript bundle of src/ instead of through tsx: loading ~190
// TypeScript modules through tsx's loader thread took most of a cold start (and ~60 MB). The
// bundle is built with esbuild into node_modules/.cache/warta/ the first time and again whenever
// a file it was built from changes (size or mtime), so editing and restarting still just works.
// Pure-JavaScript packages are bundled too (see EXTERNAL for those that are not); each project
// module's import.meta.url stays its source file's, so paths that modules compute from it
// (migrations, styles) are the same as under tsx.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The bundle's format version: a change here that changes the output must bump it. */
const FORMAT = 5;

/**
 * Packages loaded from node_modules as they are: native addons (better-sqlite3, argon2, sharp,
 * esbuild), pino and tsx (they start worker threads or loader hooks from files found by path), and pg's
 * optional native binding.
 */
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'sharp', 'esbuild', 'pino', 'pg-native', 'tsx', 'vnu-jar'];

/** The file that changes whenever npm changes an installed package. */
const PACKAGES_STAMP = 'node_modules/.package-lock.json';

/** Returns the URL of an up-to-date server bundle of `entry`, building it when needed. */
export async function serverBundle(root, entry) {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'warta');
  const pointer = path.join(cacheDir, 'server.json');
  const current = readJson(pointer);
  if (current && current.format === FORMAT && current.entry === entry && isFresh(root, current.inputs)) {
    return pathToFileURL(path.join(cacheDir, current.dir, current.main)).href;
  }
  const built = await build(root, entry, cacheDir);
  // Written whole and renamed: a process starting meanwhile reads the old pointer or the new one.
  const temporary = `${pointer}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(built));
  fs.renameSync(temporary, pointer);
  removeOldBuilds(cacheDir, built.dir);
  return pathToFileURL(path.join(cacheDir, built.dir, built.main)).href;
}

async function build(root, entry, cacheDir) {
  const { build: esbuild, version } = await import('esbuild');
  const dir = `server-${Date.now().toString(36)}-${process.pid}`;
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: [entry],
    outdir: path.join(cacheDir, dir),
    bundle: true,
    // Modules only some processes need (metrics) stay in chunks of their own, loaded when used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Pure-JavaScript packages go into the bundle: resolving and loading their ~1,500 files one by
    // one took about half a second of every start. Native addons, packages that start workers or
    // find files by path at run time, and optional drivers stay external.
    external: EXTERNAL,
    // Bundled CommonJS code calls require() for the externals and Node's built-ins.
    banner: {
      js: "import { createRequire as __wartaRequire } from 'node:module'; const require = __wartaRequire(import.meta.url);",
    },
    tsconfig: path.join(root, 'tsconfig.json'),
    // V8 keeps each module's source text for the process's life, as two bytes per character when
    // a single one is not Latin-1: the whitespace and comments go (a third of the text), licence
    // comments to a file of their own. esbuild escapes strings but not regex literals or
    // String.raw templates; test/server-bundle.test.ts keeps the modules a start loads ASCII.
    minifyWhitespace: true,
    legalComments: 'external',
    sourcemap: 'linked',
    // Node keeps each loaded source map for the process's life; without the sources' text in it
    // (~0.8 MB of heap) a stack trace still names the .ts file and line, read from disk when shown.
    sourcesContent: false,
    outExtension: { '.js': '.mjs' },
    define: { WARTA_BUNDLE: 'true' },
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceUrls(root)],
  });
  const main = Object.keys(result.metafile.outputs)
    .filter((file) => result.metafile.outputs[file].entryPoint === entry)
    .map((file) => path.relative(path.join(cacheDir, dir), path.resolve(root, file)))[0];
  if (!main) throw new Error(`esbuild produced no bundle for ${entry}`);
  // What the bundle depends on besides its sources: the settings and tools that shape it. The
  // ~900 bundled package files stand for one: npm rewrites node_modules/.package-lock.json on
  // every install, update or removal (checking each at every start took ~30 ms).
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const files = [...sources, PACKAGES_STAMP, 'tsconfig.json', 'package.json', 'bin/server-bundle.js'];
  const inputs = Object.fromEntries(files.map((file) => [file, stampOf(root, file)]));
  return { format: FORMAT, entry, dir, main, esbuild: version, inputs };
}

/** Keeps `import.meta.url` of every project module its source file's URL (not the bundle's). */
function sourceUrls(root) {
  return {
    name: 'warta-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx)$/ }, async (args) => {
        if (!args.path.startsWith(root) || args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

function isFresh(root, inputs) {
  if (!inputs || typeof inputs !== 'object') return false;
  for (const [file, stamp] of Object.entries(inputs)) if (stampOf(root, file) !== stamp) return false;
  return true;
}

function stampOf(root, file) {
  try {
    const stat = fs.statSync(path.resolve(root, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Older builds go after a day: a server started from one may still load a chunk from it (the
 * metrics module on first use), and no server is expected to start from a bundle that old.
 */
function removeOldBuilds(cacheDir, keep) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(cacheDir)) {
    if (!name.startsWith('server-') || name === keep) continue;
    const full = path.join(cacheDir, name);
    try {
      if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
