#!/usr/bin/env node
// `npm test`: the integration suite on SQLite, again on PostgreSQL, then the browser suite.
// Without PostgreSQL or Chromium the matching part is skipped with one line saying so,
// except under CI=true, where every part is required.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.WARTA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.WARTA_CHROMIUM ?? '/usr/bin/chromium';
const only = process.argv[2]; // sqlite | postgres | e2e (default: all)

function findTests(dir, exclude = []) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    const file = path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name));
    if (entry.isFile() && /\.test\.tsx?$/.test(entry.name) && !exclude.some((x) => file.startsWith(x))) out.push(file);
  }
  return out.sort();
}

const totals = { pass: 0, fail: 0, skipped: 0 };

function run(label, files, env) {
  console.log(`\n== ${label}: ${files.length} files`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
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

let ok = true;
const integration = [...findTests('src'), ...findTests('test', ['test/e2e', 'test/helpers'])];
if (!only || only === 'sqlite') ok = (await run('SQLite', integration, { WARTA_TEST_PG_URL: '' })) && ok;
if (!only || only === 'postgres') {
  if (await postgresReachable()) ok = (await run('PostgreSQL', integration, { WARTA_TEST_PG_URL: pgUrl })) && ok;
  else ok = skipOrFail('the PostgreSQL suite', `no PostgreSQL server answers at ${pgUrl}`) && ok;
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
process.exit(ok ? 0 : 1);
