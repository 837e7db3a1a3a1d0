// The active editions, held in memory: every request needs them and they change rarely
// (the newsroom calls reload() after editing them).
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { EditionInfo } from '../core/views/site.ts';
import { createTranslator, formatsFor, type Formats, type Translate } from '../i18n/index.ts';
import { listActiveEditions } from './queries.ts';

/** An edition with its translator and formatters, made once. */
export interface Edition extends EditionInfo {
  readonly t: Translate;
  readonly f: Formats;
}

/** Looks editions up by code without touching the database. */
export class EditionRegistry {
  private byCode = new Map<string, Edition>();
  private list: Edition[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly timezone: string,
  ) {}

  /** Re-reads the editions table. */
  async reload(): Promise<void> {
    const rows = await listActiveEditions(this.db);
    this.list = rows.map((e) => ({
      ...e,
      t: createTranslator(e.code, e.locale),
      f: formatsFor(e.locale, this.timezone),
    }));
    this.byCode = new Map(this.list.map((e) => [e.code, e]));
  }

  get(code: string): Edition | undefined {
    return this.byCode.get(code);
  }

  all(): readonly Edition[] {
    return this.list;
  }
}
