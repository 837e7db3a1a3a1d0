// The bundle `warta serve` runs (bin/server-bundle.js). V8 keeps each loaded module's source text
// for the life of the process, at two bytes a character when a single character is beyond
// Latin-1, so the modules a start loads must be ASCII: one stray letter in a regular expression
// once doubled 12 MB of them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverBundle } from '../bin/server-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

it('loads only ASCII modules at start', async () => {
  const main = fileURLToPath(await serverBundle(root, 'src/main.ts'));
  const dir = path.dirname(main);
  const loaded = new Set<string>();
  const queue = [path.basename(main)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const at = firstBeyondAscii(text);
    assert.equal(at, -1, `${file}: "${text.slice(Math.max(0, at - 60), at + 20)}"`);
    // Static imports only (`from"./x.mjs"`, `import"./x.mjs"`); `import("./x.mjs")` loads on first use.
    for (const [, chunk] of text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) queue.push(chunk!);
  }
  assert.ok(loaded.size > 3, `only ${[...loaded].join(', ')}`);
});

function firstBeyondAscii(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}
