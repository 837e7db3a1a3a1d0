// Casting a vote: one transaction that keeps article_votes and the article's rating_sum and
// rating_count consistent, also with many app servers voting on one PostgreSQL database, and
// notes a new vote's address hash for the hourly limit.
import type { Kysely } from 'kysely';
import { lockKey } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { AppError } from '../core/http/errors.ts';
import type { Translate } from '../i18n/index.ts';
import { VOTE_WINDOW_MS, countVotesFromAddress, recordVoteFromAddress } from './address-window.ts';
import { findVote, insertVote, lockArticleTotals, setArticleTotals, updateVote } from './queries.ts';

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
  /** The reader's language, for the messages of the errors thrown. */
  readonly t: Translate;
}

/** The article's totals after the vote, and whether it was the reader's first vote on it. */
export interface VoteResult {
  readonly sum: number;
  readonly count: number;
  readonly isNew: boolean;
}

/**
 * Records or changes a reader's vote. Locks are taken in one order (address, then article), so
 * transactions never wait on each other in a circle; under the article lock the totals are
 * read, adjusted by this vote and written back, which keeps them equal to the sum and count of
 * the vote rows. Throws article_not_found or too_many_votes (with Retry-After seconds) and then
 * changes nothing.
 */
export async function castVote(db: Kysely<Database>, input: VoteInput): Promise<VoteResult> {
  return db.transaction().execute(async (trx) => {
    // Serialises one address's votes, so parallel requests cannot all slip under the limit.
    await lockKey(trx, `article_votes:address:${input.ipHash}`);
    const totals = await lockArticleTotals(trx, input.articleId, input.edition, input.now);
    if (!totals) throw new AppError('article_not_found', input.t('rating.noArticle'));
    const previous = await findVote(trx, input.articleId, input.voterId);
    if (previous === undefined) {
      const since = new Date(input.now.getTime() - VOTE_WINDOW_MS);
      const recent = await countVotesFromAddress(trx, input.ipHash, since);
      if (recent.count >= input.limitPerHour) {
        const freeAt = (recent.oldest ?? input.now).getTime() + VOTE_WINDOW_MS;
        throw new TooManyVotes(
          input.t('rating.tooMany'),
          Math.max(1, Math.ceil((freeAt - input.now.getTime()) / 1000)),
        );
      }
      await insertVote(trx, input);
      // The address is noted apart from the vote, so it can be deleted once its hour is over.
      await recordVoteFromAddress(trx, input.ipHash, input.now);
      const next = { sum: totals.sum + input.rating, count: totals.count + 1 };
      await setArticleTotals(trx, input.articleId, next);
      return { ...next, isNew: true };
    }
    if (previous === input.rating) return { ...totals, isNew: false };
    await updateVote(trx, input);
    const next = { sum: totals.sum - previous + input.rating, count: totals.count };
    await setArticleTotals(trx, input.articleId, next);
    return { ...next, isNew: false };
  });
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
