// Migrations are TypeScript files that Kysely imports while it runs them. `warta serve` runs from a
// bundle without tsx (bin/server-bundle.js), so tsx is registered only when a migration is due.
import { fileURLToPath } from 'node:url';

/** Defined (as true) by the server bundle's build; absent when tsx runs the sources. */
declare const WARTA_BUNDLE: boolean | undefined;

let isRegistered = false;

/** Makes TypeScript files importable from here on (a no-op under tsx, which already does it). */
export async function allowTypeScriptImports(): Promise<void> {
  if (typeof WARTA_BUNDLE === 'undefined' || isRegistered) return;
  isRegistered = true;
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
}
