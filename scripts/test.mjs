#!/usr/bin/env node
// `npm test`: the integration suite on SQLite, again on PostgreSQL, then the browser suite.
// Without PostgreSQL or Chromium the matching part is skipped with one line saying so,
// except under CI=true, where every part is required.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.WARTA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium';
const only = process.argv[2]; // sqlite | postgres | e2e (default: all)

// Folders never searched for tests: dependencies, output and local data.
const NOT_SEARCHED = new Set(['node_modules', 'data', 'screenshots', 'test-results', 'scratch']);

/** Every *.test.ts(x) under `dir` (relative to the root), outside NOT_SEARCHED and dot-folders. */
function findTests(dir = '.', exclude = []) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const file = path.join(rel, entry.name);
      if (exclude.some((x) => file === x || file.startsWith(`${x}/`))) continue;
      if (entry.isDirectory() && !entry.name.startsWith('.') && !NOT_SEARCHED.has(entry.name)) walk(file);
      else if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) out.push(file);
    }
  };
  walk(path.normalize(dir));
  return out.sort();
}

/**
 * Whether a test file can tell the engines apart: it imports, directly or through other
 * modules, a helper that opens the test database, or reads WARTA_TEST_PG_URL itself. The others
 * (pure units, tests of the CLI on its own SQLite file) would only run twice for the same result.
 */
const DATABASE_HELPERS = ['test/helpers/database.ts', 'test/helpers/empty-database.ts'].map((f) => path.join(root, f));
const usesDatabase = new Map();
function usesTestDatabase(file) {
  const full = path.resolve(root, file);
  if (usesDatabase.has(full)) return usesDatabase.get(full);
  usesDatabase.set(full, false); // import cycles end here
  let source = '';
  try {
    source = fs.readFileSync(full, 'utf8');
  } catch {
    return false;
  }
  const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.resolve(path.dirname(full), m[1]),
  );
  const result =
    source.includes('WARTA_TEST_PG_URL') ||
    imports.some((target) => DATABASE_HELPERS.includes(target) || (/\.tsx?$/.test(target) && usesTestDatabase(target)));
  usesDatabase.set(full, result);
  return result;
}

const totals = { pass: 0, fail: 0, skipped: 0 };

/**
 * Files that start other processes (the CLI, second app processes) run first: they are the
 * longest, and started early they overlap the many short files instead of ending the run alone.
 */
function longestFirst(files) {
  const startsProcesses = (file) =>
    /from ['"](node:child_process|[^'"]*helpers\/serve-process\.ts)['"]/.test(
      fs.readFileSync(path.join(root, file), 'utf8'),
    );
  return [...files.filter(startsProcesses), ...files.filter((file) => !startsProcesses(file))];
}

const seconds = (since) => `${Math.round((performance.now() - since) / 1000)} s`;
const durations = [];

function run(label, files, env) {
  console.log(`\n== ${label}: ${files.length} files`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...longestFirst(files)],
      { cwd: root, env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // The spec reporter ends with "ℹ pass N" lines; failure listings may follow them.
    const counts = {};
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ℹ (pass|fail|skipped) (\d+)$/.exec(line.trim());
        if (m) counts[m[1]] = Number(m[2]);
      }
    });
    child.on('close', (code) => {
      durations.push(`${label} ${seconds(started)}`);
      for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
      resolve(code === 0);
    });
  });
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function skipOrFail(what, why) {
  if (isCi) {
    console.error(`\n${what} is required under CI but ${why}`);
    return false;
  }
  console.log(`\nskipped: ${what} (${why})`);
  return true;
}

const startedAt = performance.now();
let ok = true;
const integration = findTests('.', ['test/e2e', 'test/helpers']);
const onDatabase = integration.filter(usesTestDatabase);
if (!only || only === 'sqlite') ok = (await run('SQLite', integration, { WARTA_TEST_PG_URL: '' })) && ok;
if (!only || only === 'postgres') {
  if (await postgresReachable()) {
    const once = integration.length - onDatabase.length;
    console.log(`\n(${once} files never open the test database: they run in the SQLite part only)`);
    ok = (await run('PostgreSQL', onDatabase, { WARTA_TEST_PG_URL: pgUrl })) && ok;
  } else ok = skipOrFail('the PostgreSQL suite', `no PostgreSQL server answers at ${pgUrl}`) && ok;
}
if (!only || only === 'e2e') {
  const hasJava = fs.existsSync('/usr/bin/java');
  if (fs.existsSync(chromium) && hasJava)
    ok = (await run('Browser', findTests('test/e2e'), { WARTA_TEST_PG_URL: '' })) && ok;
  else
    ok =
      skipOrFail(
        'the browser suite',
        fs.existsSync(chromium) ? 'Java (for the Nu HTML Checker) is not installed' : `no Chromium at ${chromium}`,
      ) && ok;
}
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
console.log(`time: ${[...durations, `total ${seconds(startedAt)}`].join(', ')}`);
process.exit(ok ? 0 : 1);
