// Group commit for votes: votes that arrive while a batch is being committed (or in the same turn
// of the event loop) wait and go into the next batch together, so under load one transaction,
// and one fsync, carries many votes. Each caller is answered only once the transaction holding
// its vote has committed: a 2xx always means the vote is on disk.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { AppError } from '../core/http/errors.ts';
import { castVotes, type VoteInput, type VoteOutcome, type VoteResult } from './service.ts';

/** Votes per transaction at most: bounds the statements' parameter lists and the time one commit holds the database. */
export const MAX_BATCH = 256;

interface Waiting {
  readonly vote: VoteInput;
  resolve(result: VoteResult): void;
  reject(error: unknown): void;
}

/** Commits votes in batches, one batch at a time. */
export class VoteQueue {
  private waiting: Waiting[] = [];
  private isDraining = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves with the vote's result once it is committed; rejects with its AppError, or when its transaction failed. */
  submit(vote: VoteInput): Promise<VoteResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ vote, resolve, reject });
      if (!this.isDraining) {
        this.isDraining = true;
        // setImmediate, not a microtask: the votes whose requests were read in this turn join the batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        await this.commit(batch);
      }
    } finally {
      this.isDraining = false;
    }
  }

  private async commit(batch: readonly Waiting[]): Promise<void> {
    let outcomes: VoteOutcome[];
    try {
      outcomes = await castVotes(
        this.db,
        batch.map((w) => w.vote),
      );
    } catch (error) {
      // Nothing of the batch was recorded. Alone, each vote either fails by itself or goes in:
      // one vote the database refuses must not cost the other readers theirs.
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const one of batch) await this.commit([one]);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof AppError) w.reject(outcome);
      else w.resolve(outcome);
    });
  }
}
