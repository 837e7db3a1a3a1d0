// One import run's state, handed to each step: where it writes (the item's transaction), what
// it reads from, whether it is dry, and the summary it fills.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import type { WriteContext } from '../../core/events/index.ts';
import type { LedgerScope } from './ledger.ts';
import { count, mergeSummary, newSummary, type ImportSummary, type KindCounts } from './summary.ts';
import type { ImportSource } from './types.ts';

/** The state of a run; `inTransaction` gives the same run writing through an item's transaction. */
export class ImportRun {
  /** Records counted once per run whatever number of stories use them (images, tags). */
  private readonly counted: Set<string>;

  constructor(
    readonly w: WriteContext,
    readonly source: ImportSource,
    readonly scope: LedgerScope,
    readonly summary: ImportSummary,
    readonly options: { readonly dataDir: string; readonly timezone: string; readonly isDryRun: boolean },
    readonly now: Date,
    counted?: Set<string>,
  ) {
    this.counted = counted ?? new Set();
  }

  get isDryRun(): boolean {
    return this.options.isDryRun;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /**
   * The same run writing through an item's transaction: what it counts and warns is kept apart
   * and joins this run's summary only when the item commits (`commit`).
   */
  inTransaction(trx: Kysely<Database>): ImportRun {
    const summary = newSummary(this.summary.edition, this.summary.system, this.isDryRun);
    return new ImportRun(
      { ...this.w, db: trx },
      this.source,
      this.scope,
      summary,
      this.options,
      this.now,
      new Set(this.counted),
    );
  }

  /** Adds what an item's run (from `inTransaction`) counted and noted, once its item has committed. */
  commit(item: ImportRun): void {
    for (const key of item.counted) this.counted.add(key);
    mergeSummary(this.summary, item.summary);
  }

  /** Counts a record of a kind. */
  count(kind: string, outcome: keyof KindCounts): void {
    count(this.summary, kind, outcome);
  }

  /** Counts a record once per run, however many stories use it. */
  countOnce(kind: string, sourceId: string, outcome: keyof KindCounts): void {
    const key = `${kind}\u0000${sourceId}`;
    if (this.counted.has(key)) return;
    this.counted.add(key);
    this.count(kind, outcome);
  }

  /** Notes a problem that does not stop the run. */
  warn(sourceId: string, message: string): void {
    this.summary.warnings.push({ sourceId, message });
  }
}
