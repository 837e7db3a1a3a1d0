// A bounded crowd of readers for the restart tests: each reader comes from an address of its own
// (X-Forwarded-For, believed from a trusted proxy) and sends the read beacon, or takes a voter
// cookie and votes. Every answer is tallied, so the database's totals can be compared with the
// number of requests the site accepted.
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/core/db/schema.ts';

export interface LoadOptions {
  /** Where to send requests: nginx, or the cluster's shared port. */
  baseUrl: string;
  articleId: number;
  edition: string;
  /** Keep going while this is true (and the caps allow). */
  isWanted: () => boolean;
  /** At most this many beacons and this many votes. */
  maxEach: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Pause of each reader between requests, so the load spans the restarts it is meant to cross. */
  pauseMs?: number;
}

export interface LoadResult {
  /** Beacons answered 2xx with `counted: true`. */
  countedReads: number;
  /** Votes answered 2xx. */
  acceptedVotes: number;
  /** Answers other than 2xx, and requests that failed, by kind (a restart may refuse a few). */
  refused: Record<string, number>;
  sent: number;
}

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

function request(url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<Answer>((resolve, reject) => {
    // A connection of its own per request: no keep-alive socket shared across a restart.
    const req = http.request(
      url,
      { method: init.method, headers: init.headers, agent: false, timeout: 30_000 },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}

let readerNumber = 0;
/** A private address (10.x.y.z) and a browser of its own for each new reader. */
function nextReader(): { address: string; agent: string } {
  const n = ++readerNumber;
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  return { address, agent: `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + (n % 50)}.0) Gecko/20100101 Firefox/128.0` };
}

/**
 * Starts the crowd; it runs until `isWanted()` turns false or both caps are reached. `progress`
 * is the tally so far (to check that the load was there while something happened).
 */
export function startReaderLoad(options: LoadOptions): { progress: Readonly<LoadResult>; done: Promise<LoadResult> } {
  const result: LoadResult = { countedReads: 0, acceptedVotes: 0, refused: {}, sent: 0 };
  let reads = 0;
  let votes = 0;
  const refuse = (kind: string) => (result.refused[kind] = (result.refused[kind] ?? 0) + 1);

  const readOnce = async () => {
    const { address, agent } = nextReader();
    result.sent++;
    try {
      const answer = await request(`${options.baseUrl}/api/reads/${options.articleId}`, {
        method: 'POST',
        headers: { 'x-forwarded-for': address, 'user-agent': agent },
      });
      if (answer.status >= 200 && answer.status < 300 && (JSON.parse(answer.body) as { counted?: boolean }).counted)
        result.countedReads++;
      else refuse(`read ${answer.status}`);
    } catch (error) {
      refuse(`read ${(error as Error).message}`);
    }
  };

  const voteOnce = async () => {
    const { address, agent } = nextReader();
    const headers = { 'x-forwarded-for': address, 'user-agent': agent };
    result.sent++;
    try {
      const session = await request(`${options.baseUrl}/${options.edition}/news/ratings/session`, {
        method: 'GET',
        headers,
      });
      const cookie = session.setCookie.map((c) => c.split(';', 1)[0] ?? '').find((c) => c.startsWith('warta_voter='));
      if (!cookie) return refuse(`session ${session.status}`);
      result.sent++;
      const answer = await request(`${options.baseUrl}/${options.edition}/news/ratings/${options.articleId}`, {
        method: 'POST',
        headers: { ...headers, cookie, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ rating: 1 + (readerNumber % 5) }),
      });
      if (answer.status >= 200 && answer.status < 300) result.acceptedVotes++;
      else refuse(`vote ${answer.status}`);
    } catch (error) {
      refuse(`vote ${(error as Error).message}`);
    }
  };

  const worker = async (index: number) => {
    while (options.isWanted() && (reads < options.maxEach || votes < options.maxEach)) {
      // Alternate kinds, each until its cap.
      const isRead = votes >= options.maxEach || (reads < options.maxEach && (reads + votes + index) % 2 === 0);
      if (isRead) {
        reads++;
        await readOnce();
      } else {
        votes++;
        await voteOnce();
      }
      await delay(options.pauseMs ?? 100);
    }
  };
  const workers = Array.from({ length: options.concurrency ?? 4 }, (_, i) => worker(i));
  return { progress: result, done: Promise.all(workers).then(() => result) };
}

/** The database holds exactly what the crowd was told it accepted: every counted read and vote, once. */
export async function assertEveryAnswerStored(kysely: Kysely<Database>, articleId: number, result: LoadResult) {
  const row = await kysely
    .selectFrom('articles')
    .select(['hit_count', 'rating_count'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const votes = await kysely
    .selectFrom('article_votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .executeTakeFirstOrThrow();
  assert.ok(result.countedReads > 0 && result.acceptedVotes > 0, 'the crowd got answers');
  assert.equal(Number(row.hit_count), result.countedReads, 'every counted read is stored, once');
  assert.equal(Number(votes.n), result.acceptedVotes, 'every accepted vote is stored, once');
  assert.equal(Number(row.rating_count), result.acceptedVotes);
}
