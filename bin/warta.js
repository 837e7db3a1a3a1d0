#!/usr/bin/env node
// The `warta` command. `warta serve` (the default) runs a bundle of src/ built once and rebuilt when
// a source changes (server-bundle.js), for a fast cold start; the other commands, which import
// TypeScript migrations and seeds at run time, load the sources through tsx.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const first = process.argv[2];
const isServe = first === undefined || first === 'serve' || first.startsWith('-');

let bundle;
if (isServe) {
  try {
    const { serverBundle } = await import('./server-bundle.js');
    bundle = await serverBundle(root, 'src/main.ts');
  } catch (error) {
    // A read-only install or a source esbuild cannot read: tsx still runs it (or says why not).
    console.error(`warta: starting from the TypeScript sources (no bundle: ${error.message.split('\n')[0]})`);
  }
}
if (bundle) {
  // Stack traces name the source files and lines, as they do under tsx.
  const { mapStackTracesUnder } = await import('./stack-traces.js');
  mapStackTracesUnder(new URL('./', bundle).href);
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig (JSX through @kitajs/html), wherever the command is started from.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../src/main.ts');
}
