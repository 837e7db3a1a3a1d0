// What the domain plugins are given: settings, database, editions and a clock.
import type { Kysely } from 'kysely';
import type { Config } from './core/config.ts';
import type { Assets } from './core/assets.ts';
import type { Database } from './core/db/schema.ts';
import type { Engine } from './core/db/dialect.ts';
import type { EditionRegistry } from './editions/registry.ts';

/** Shared dependencies of every route plugin, built once in buildApp(). */
export interface AppContext {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly assets: Assets;
  readonly editions: EditionRegistry;
  /** The current time; tests replace it to check scheduled publication. */
  now(): Date;
}
