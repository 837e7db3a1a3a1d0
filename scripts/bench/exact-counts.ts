// Whether every vote and read the server accepted is in the database once it has stopped. A timed
// run ends with requests in flight, so its totals can only be bounded; here a known number of
// votes and reads is sent concurrently, every answer is checked, and after the shutdown's last
// write the stored totals must have grown by exactly that much.
import { sign } from '@fastify/cookie';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/core/db/schema.ts';
import { READER_COOKIE, VOTER_COOKIE } from '../../src/core/http/cookies.ts';
import { ratingPath } from '../../src/ratings/model.ts';

/** People per checked article: each votes once and reads once. */
const PER_ARTICLE = 10;
const CONCURRENCY = 20;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36';

/** Stored totals of some articles. */
export interface Totals {
  reads: Map<number, number>;
  ratingSum: Map<number, number>;
  ratingCount: Map<number, number>;
  /** Vote rows of these articles. */
  voteRows: number;
}

/** What the exact check sent. */
export interface SentCounts {
  votes: Map<number, { count: number; sum: number }>;
  reads: Map<number, number>;
  /** Answers that were not what a browser would get for a valid vote or a first read. */
  problems: string[];
}

/** The stored totals of these articles. */
export async function readTotals(db: Kysely<Database>, ids: readonly number[]): Promise<Totals> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'hit_count', 'rating_sum', 'rating_count'])
    .where('id', 'in', ids)
    .execute();
  const votes = await db
    .selectFrom('article_votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return {
    reads: new Map(rows.map((r) => [r.id, Number(r.hit_count)])),
    ratingSum: new Map(rows.map((r) => [r.id, Number(r.rating_sum)])),
    ratingCount: new Map(rows.map((r) => [r.id, Number(r.rating_count)])),
    voteRows: Number(votes.n),
  };
}

/**
 * Sends PER_ARTICLE votes (ratings 1–5 in turn) and reads to each article, CONCURRENCY at a
 * time, each from its own address and cookie, as the page's script would.
 */
export async function sendExactCounts(
  baseUrl: string,
  articles: readonly { id: number; edition: string }[],
  cookieSecret: string,
): Promise<SentCounts> {
  const sent: SentCounts = { votes: new Map(), reads: new Map(), problems: [] };
  const jobs: (() => Promise<void>)[] = [];
  let address = 0;
  for (const article of articles) {
    for (let k = 0; k < PER_ARTICLE; k++) {
      const rating = (k % 5) + 1;
      const from = `10.200.${(address >> 8) & 255}.${address++ & 255}`;
      jobs.push(async () => {
        const answer = await post(`${baseUrl}${ratingPath(article.edition, article.id)}`, {
          cookie: cookieFor(VOTER_COOKIE, cookieSecret),
          'content-type': 'application/json',
          origin: baseUrl,
          'x-forwarded-for': from,
          body: JSON.stringify({ rating: String(rating) }),
        });
        if (answer.status !== 200) sent.problems.push(`vote on ${article.id}: ${answer.status} ${answer.text}`);
        else {
          const v = sent.votes.get(article.id) ?? { count: 0, sum: 0 };
          sent.votes.set(article.id, { count: v.count + 1, sum: v.sum + rating });
        }
      });
      jobs.push(async () => {
        const answer = await post(`${baseUrl}/api/reads/${article.id}`, {
          cookie: cookieFor(READER_COOKIE, cookieSecret),
          origin: baseUrl,
          'x-forwarded-for': from,
        });
        const counted = answer.status === 200 && (JSON.parse(answer.text) as { counted?: boolean }).counted === true;
        if (!counted) sent.problems.push(`read of ${article.id}: ${answer.status} ${answer.text}`);
        else sent.reads.set(article.id, (sent.reads.get(article.id) ?? 0) + 1);
      });
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return sent;
}

/** Problems with the stored totals after the server stopped; none when every count is exact. */
export function compareTotals(before: Totals, after: Totals, sent: SentCounts): { votes: string[]; reads: string[] } {
  const votes = sent.problems.filter((p) => p.startsWith('vote'));
  const reads = sent.problems.filter((p) => p.startsWith('read'));
  for (const [id, v] of sent.votes) {
    const count = after.ratingCount.get(id)! - before.ratingCount.get(id)!;
    const sum = after.ratingSum.get(id)! - before.ratingSum.get(id)!;
    if (count !== v.count || sum !== v.sum) {
      votes.push(`article ${id}: ${v.count} votes summing to ${v.sum} accepted, totals grew by ${count} and ${sum}`);
    }
  }
  const accepted = [...sent.votes.values()].reduce((n, v) => n + v.count, 0);
  if (after.voteRows - before.voteRows !== accepted) {
    votes.push(`${accepted} votes accepted, ${after.voteRows - before.voteRows} vote rows added`);
  }
  for (const [id, n] of sent.reads) {
    const grew = after.reads.get(id)! - before.reads.get(id)!;
    if (grew !== n) reads.push(`article ${id}: ${n} reads counted, stored count grew by ${grew}`);
  }
  return { votes, reads };
}

/** Articles whose rating totals differ from their vote rows (the totals a vote keeps in step). */
export async function inconsistentRatings(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .leftJoin('article_votes', 'article_votes.article_id', 'articles.id')
    .select((eb) => [
      'articles.id',
      'articles.rating_sum',
      'articles.rating_count',
      eb.fn.count<number>('article_votes.voter_id').as('votes'),
      eb.fn.coalesce(eb.fn.sum<number>('article_votes.rating'), eb.lit(0)).as('sum'),
    ])
    .where('articles.id', 'in', ids)
    .groupBy(['articles.id', 'articles.rating_sum', 'articles.rating_count'])
    .execute();
  return rows
    .filter((r) => Number(r.rating_count) !== Number(r.votes) || Number(r.rating_sum) !== Number(r.sum))
    .map((r) => r.id);
}

function cookieFor(name: string, secret: string): string {
  return `${name}=${encodeURIComponent(sign(randomBytes(16).toString('base64url').slice(0, 22), secret))}`;
}

async function post(url: string, fields: Record<string, string>): Promise<{ status: number; text: string }> {
  const { body, ...headers } = fields;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'user-agent': BROWSER, accept: 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}
