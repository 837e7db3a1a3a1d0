#!/usr/bin/env node
// The `warta` command: loads the TypeScript sources through tsx, then runs src/main.ts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX through @kitajs/html), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/main.ts');
