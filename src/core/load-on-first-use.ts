// Packages that only a few requests need (saving a story, indexing it) are loaded the first time
// one of them runs, not at every start: `warta serve` runs from one bundle, and V8 compiles and
// runs every module the bundle imports before the site answers its first request.
import { createRequire } from 'node:module';

// Not the bundle's `require`: esbuild leaves calls through this one alone, so the package is
// read from node_modules when asked for, and stays out of the bundle the start compiles.
const requireFromSource = createRequire(import.meta.url);

/** A getter that loads the CommonJS package `name` on its first call and returns it ever after. */
export function loadOnFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromSource(name) as T);
}
