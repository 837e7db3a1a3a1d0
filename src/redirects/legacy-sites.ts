// The imported K2 sites' old path prefixes, held in memory: a handful of rows that every 404 would
// otherwise read. Reloaded when `import.finished` arrives (any process), and at most once a
// minute on the 404 path, so an importer that wrote the table without the event is seen soon.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { K2Site } from './k2-urls.ts';

/** How long a loaded list is trusted without an event. */
const MAX_AGE_MS = 60_000;

/** The K2 sites of every edition, reloaded on change. */
export class LegacySites {
  private sites: readonly K2Site[] = [];
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** The sites, reloading first when the list is older than a minute. */
  async current(): Promise<readonly K2Site[]> {
    if (this.now() - this.loadedAt > MAX_AGE_MS) await this.reload();
    return this.sites;
  }

  /** Reads the table again (one load at a time; callers during a load share it). */
  reload(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const rows = await this.db
      .selectFrom('legacy_sites')
      .select(['edition', 'base_path'])
      .where('system', '=', 'k2')
      .execute();
    this.sites = rows.map((r) => ({ edition: r.edition, basePath: r.base_path }));
    this.loadedAt = this.now();
  }
}
