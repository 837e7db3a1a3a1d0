// The bundle `warta serve` runs (bin/server-bundle.js). V8 keeps each loaded module's source text
// for the life of the process, at two bytes a character when a single character is beyond
// Latin-1, so the modules a start loads must be ASCII: one stray letter in a regular expression
// once doubled 12 MB of them. What a start compiles is kept to what serving needs, and stack
// traces through the bundle name the source files (bin/stack-traces.js).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { serverBundle } from '../bin/server-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files of the server bundle that a start loads (static imports from the entry), and their text. */
async function startFiles(): Promise<Map<string, string>> {
  const main = fileURLToPath(await serverBundle(root, 'src/main.ts'));
  const dir = path.dirname(main);
  const loaded = new Map<string, string>();
  const queue = [path.basename(main)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (loaded.has(file)) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    loaded.set(file, text);
    // Static imports only (`from"./x.mjs"`, `import"./x.mjs"`); `import("./x.mjs")` loads on first use.
    for (const [, chunk] of text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) queue.push(chunk!);
  }
  return loaded;
}

it('loads only ASCII modules at start', async () => {
  const loaded = await startFiles();
  for (const [file, text] of loaded) {
    const at = firstBeyondAscii(text);
    assert.equal(at, -1, `${file}: "${text.slice(Math.max(0, at - 60), at + 20)}"`);
  }
  assert.ok(loaded.size > 3, `only ${[...loaded.keys()].join(', ')}`);
});

it('leaves the PostgreSQL driver and the HTML sanitiser out of what a start compiles', async () => {
  const loaded = await startFiles();
  // esbuild names each bundled CommonJS module by its path; a package is in a file when its path is.
  const all = [...loaded.values()].join('\n');
  assert.ok(all.includes('node_modules/fastify/'), 'the check sees bundled packages');
  for (const name of ['pg', 'pg-protocol', 'sanitize-html', 'htmlparser2', 'postcss']) {
    assert.ok(!all.includes(`node_modules/${name}/`), `${name} is loaded at start`);
  }
});

it('names the TypeScript file and line in a stack trace through a bundle, reading its map when asked', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-stack-'));
  try {
    const source = path.join(dir, 'thrower.ts');
    fs.writeFileSync(
      source,
      [
        'const pad: number = 1;',
        'export function failLoudly(): never {',
        "  throw new Error('on purpose ' + pad);",
        '}',
        '',
      ].join('\n'),
    );
    await build({
      entryPoints: [source],
      outdir: path.join(dir, 'out'),
      bundle: true,
      format: 'esm',
      sourcemap: 'linked',
      minifyWhitespace: true,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
    });
    const bundleDir = pathToFileURL(path.join(dir, 'out') + path.sep).href;
    const script = [
      `const { mapStackTracesUnder } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'bin/stack-traces.js')).href)});`,
      `mapStackTracesUnder(${JSON.stringify(bundleDir)});`,
      `const { failLoudly } = await import(${JSON.stringify(new URL('thrower.mjs', bundleDir).href)});`,
      'try { failLoudly(); } catch (error) { console.log(error.stack); }',
    ].join('\n');
    const stack = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.match(stack, /^Error: on purpose 1\n/);
    assert.match(stack, new RegExp(`at failLoudly \\(${escapeRegExp(pathToFileURL(source).href)}:3:9\\)`), stack);
    assert.doesNotMatch(stack, /thrower\.mjs/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstBeyondAscii(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}
