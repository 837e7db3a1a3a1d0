// What the domains are given (AppContext) and what each domain gives the app (Domain).
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './core/config.ts';
import type { Assets } from './core/assets.ts';
import type { Database } from './core/db/schema.ts';
import type { Engine } from './core/db/dialect.ts';
import type { EventBus, WriteContext } from './core/events/index.ts';
import type { PageCache } from './core/http/page-cache.ts';
import type { JobRunner } from './core/jobs/runner.ts';
import type { SlotRegistry } from './core/views/slots.ts';
import type { EditionRegistry } from './editions/registry.ts';
import type { SiteSettings } from './settings/index.ts';

/** Shared dependencies of every domain, built once in buildApp(). */
export interface AppContext {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly assets: Assets;
  readonly editions: EditionRegistry;
  /** Site name, logo, time zone and default edition, as the newsroom's settings last saved them. */
  readonly settings: SiteSettings;
  /** Domain events: record in commands, listen or consume in setup(). */
  readonly events: EventBus;
  /** What commands are given: db, events and the clock. */
  readonly writer: WriteContext;
  /** Work on a clock, run once across all app processes. */
  readonly jobs: JobRunner;
  /** Parts that domains add to other domains' pages. */
  readonly slots: SlotRegistry;
  /** The in-process cache of public responses; listeners purge it when content changes. */
  readonly pageCache: PageCache;
  /** The current time; tests replace it to check scheduled publication. */
  now(): Date;
}

/** A route plugin of one subtree, given the app context. */
export type DomainRoutes = FastifyPluginAsync<{ ctx: AppContext }>;

/**
 * A domain as the app sees it: each folder exports one (from its domain.ts) and src/domains.ts
 * lists them. Every part is optional; the app mounts each where it belongs.
 */
export interface Domain {
  readonly name: string;
  /**
   * Once-per-site event consumers (`events.consume`): they write through the transaction they
   * are given, so the CLI's seeding and every app process share them. Needs only the database.
   */
  consumers?(events: EventBus): void;
  /** Slots, event listeners, jobs and process-wide state; `app` is the root instance. */
  setup?(ctx: AppContext, app: FastifyInstance): void | Promise<void>;
  /** Routes of the public site: cookie-free and cacheable, unless a route scopes a cookie to its own path. */
  readonly publicRoutes?: DomainRoutes;
  /** Routes under /newsroom: private, never cached, sessions and CSRF checks. */
  readonly newsroomRoutes?: DomainRoutes;
  /** Routes under /api: JSON, one error shape. */
  readonly apiRoutes?: DomainRoutes;
  /** Registered after every public route of every domain: a catch-all such as the page tree. */
  readonly fallbackRoutes?: DomainRoutes;
}
