// Casting votes: a batch of votes in one transaction that keeps article_votes and each article's
// rating_sum and rating_count consistent, also with many app servers voting on one PostgreSQL
// database, and notes each new vote's address hash for the hourly limit. One commit (one fsync
// under synchronous=FULL) for the whole batch is what lets a process take many votes a second.
import type { Kysely } from 'kysely';
import { lockKey } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { AppError } from '../core/http/errors.ts';
import type { Translate } from '../i18n/index.ts';
import { VOTE_WINDOW_MS, listAddressVoteTimes, recordVotesFromAddresses } from './address-window.ts';
import {
  findVotes,
  lockArticleTotals,
  setArticleTotals,
  upsertVotes,
  type ArticleTotals,
  type StoredVote,
  type VoteWrite,
} from './queries.ts';

/** A vote to record. */
export interface VoteInput {
  readonly articleId: number;
  readonly edition: string;
  readonly voterId: string;
  readonly ipHash: string;
  readonly rating: number;
  readonly now: Date;
  /** New votes allowed per address per hour (changing a vote is not a new vote). */
  readonly limitPerHour: number;
  /** The reader's language, for the messages of the errors returned. */
  readonly t: Translate;
}

/** The article's totals after the vote (imported baseline included), and whether it was the reader's first vote on it. */
export interface VoteResult {
  readonly sum: number;
  readonly count: number;
  readonly isNew: boolean;
}

/** What became of one vote of a batch: its result, or the error its reader is answered with. */
export type VoteOutcome = VoteResult | AppError;

/**
 * Records or changes a batch of votes in one transaction and returns each vote's outcome, in
 * order. The votes are applied one after another, exactly as if each had its own transaction:
 * a later vote sees the earlier ones (the same reader twice, an address reaching its limit).
 * A vote refused (article_not_found, too_many_votes) changes nothing and does not stop the
 * others. Locks are taken in one order (addresses, then articles, each sorted), so batches of
 * several processes never wait on each other in a circle; under the article locks the totals
 * are read, adjusted by the batch and written back, which keeps them equal to the sum and count
 * of the vote rows. Rejects only when the transaction itself fails: then nothing is recorded.
 */
export async function castVotes(db: Kysely<Database>, votes: readonly VoteInput[]): Promise<VoteOutcome[]> {
  if (votes.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    // Serialises each address's votes across processes, so parallel batches cannot all slip
    // under its limit (PostgreSQL; SQLite lets one writer in at a time anyway).
    for (const hash of sortedUnique(votes.map((v) => v.ipHash))) await lockKey(trx, `article_votes:address:${hash}`);
    // The latest clock of the batch: each vote's route already found its article published at
    // its own time, so this only catches an article withdrawn since, never refuses one too early.
    const latest = new Date(Math.max(...votes.map((v) => v.now.getTime())));
    const earliest = Math.min(...votes.map((v) => v.now.getTime()));
    const articleIds = sortedUnique(votes.map((v) => v.articleId));
    const totals = await lockArticleTotals(trx, articleIds, latest);
    const stored = await findVotes(trx, articleIds, sortedUnique(votes.map((v) => v.voterId)));
    const addressTimes = await listAddressVoteTimes(
      trx,
      sortedUnique(votes.map((v) => v.ipHash)),
      new Date(earliest - VOTE_WINDOW_MS),
    );
    const state = new BatchState(totals, stored, addressTimes);
    const outcomes = votes.map((vote) => state.apply(vote));
    await upsertVotes(trx, state.changedVotes());
    await recordVotesFromAddresses(trx, state.newAddressRows);
    for (const [id, next] of state.changedTotals()) await setArticleTotals(trx, id, next);
    return outcomes;
  });
}

/** The rows a batch reads, changed in memory vote by vote; the writes are taken from it at the end. */
class BatchState {
  private readonly votes = new Map<string, { vote: VoteWrite; isChanged: boolean }>();
  private readonly dirtyArticles = new Set<number>();
  readonly newAddressRows: { ipHash: string; at: Date }[] = [];

  constructor(
    private readonly totals: Map<number, ArticleTotals>,
    stored: readonly StoredVote[],
    private readonly addressTimes: Map<string, number[]>,
  ) {
    for (const row of stored) {
      // `now` is only written if the vote changes, and then it is replaced first.
      this.votes.set(voteKey(row.articleId, row.voterId), { vote: { ...row, now: new Date(0) }, isChanged: false });
    }
  }

  apply(vote: VoteInput): VoteOutcome {
    const totals = this.totals.get(vote.articleId);
    if (!totals || totals.edition !== vote.edition)
      return new AppError('article_not_found', vote.t('rating.noArticle'));
    const key = voteKey(vote.articleId, vote.voterId);
    const previous = this.votes.get(key);
    if (previous === undefined) {
      const refusal = this.takeFromAddressLimit(vote);
      if (refusal) return refusal;
      const { articleId, voterId, rating, now } = vote;
      this.votes.set(key, { vote: { articleId, voterId, rating, now }, isChanged: true });
      // The address is noted apart from the vote, so it can be deleted once its hour is over.
      this.newAddressRows.push({ ipHash: vote.ipHash, at: vote.now });
      totals.sum += vote.rating;
      totals.count += 1;
      this.dirtyArticles.add(vote.articleId);
      return { ...shown(totals), isNew: true };
    }
    if (previous.vote.rating !== vote.rating) {
      totals.sum += vote.rating - previous.vote.rating;
      previous.vote = { ...previous.vote, rating: vote.rating, now: vote.now };
      previous.isChanged = true;
      this.dirtyArticles.add(vote.articleId);
    }
    return { ...shown(totals), isNew: false };
  }

  /** Votes to insert or update: one row per reader and article, with the batch's last rating. */
  changedVotes(): VoteWrite[] {
    return [...this.votes.values()].filter((v) => v.isChanged).map((v) => v.vote);
  }

  /** New totals of the articles the batch changed, in id order. */
  changedTotals(): [number, { sum: number; count: number }][] {
    return [...this.dirtyArticles].sort((a, b) => a - b).map((id) => [id, this.totals.get(id)!]);
  }

  /** Counts a new vote towards its address's hour, or refuses it (with Retry-After seconds) when the hour is full. */
  private takeFromAddressLimit(vote: VoteInput): TooManyVotes | undefined {
    const now = vote.now.getTime();
    let times = this.addressTimes.get(vote.ipHash);
    if (!times) {
      times = [];
      this.addressTimes.set(vote.ipHash, times);
    }
    const recent = times.filter((at) => at > now - VOTE_WINDOW_MS);
    if (recent.length >= vote.limitPerHour) {
      const freeAt = Math.min(...recent) + VOTE_WINDOW_MS;
      return new TooManyVotes(vote.t('rating.tooMany'), Math.max(1, Math.ceil((freeAt - now) / 1000)));
    }
    times.push(now);
    return undefined;
  }
}

/** The address has started too many votes in the last hour; `retryAfter` is in seconds. */
export class TooManyVotes extends AppError {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super('too_many_votes', message);
  }
}

function voteKey(articleId: number, voterId: string): string {
  return `${articleId}:${voterId}`;
}

function sortedUnique<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The totals readers see: the votes plus the imported baseline (kept apart, so each stays exact). */
function shown(totals: ArticleTotals): { sum: number; count: number } {
  return { sum: totals.sum + totals.baselineSum, count: totals.count + totals.baselineCount };
}
