#!/usr/bin/env node
// The `warta` command: loads the TypeScript sources through tsx, then runs src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
