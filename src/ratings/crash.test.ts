// A vote answered 2xx is on disk: a real `warta serve` (SQLite file, or PostgreSQL under
// test:pg) killed with SIGKILL right after answering keeps every vote it answered, and the
// article totals still equal the vote rows it holds.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import fastifyCookie from '@fastify/cookie';
import { seedBase } from '../../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { killLeftovers, startListening, TEST_COOKIE_SECRET } from '../../test/helpers/serve-process.ts';
import { writerFor } from '../../test/helpers/writer.ts';

const VOTES = 300;
const KILL_AFTER = 40;

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
});
after(async () => {
  killLeftovers();
  await db.cleanup();
});

interface Sent {
  articleId: number;
  voterId: string;
  rating: number;
}

/** Posts a vote; resolves with the status, or 0 when the connection died first. */
function postVote(
  port: number,
  agent: http.Agent,
  vote: Sent,
  address: string,
  onAnswer: (status: number) => void,
): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/en/news/ratings/${vote.articleId}`,
        agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          cookie: `warta_voter=${fastifyCookie.sign(vote.voterId, TEST_COOKIE_SECRET)}`,
          'x-forwarded-for': address,
        },
      },
      (response) => {
        // The status line is enough: the answer is only written after the commit.
        onAnswer(response.statusCode ?? 0);
        resolve(response.statusCode ?? 0);
        response.resume();
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
    request.end(JSON.stringify({ rating: vote.rating }));
  });
}

describe('a server killed right after answering', () => {
  it('keeps every vote it answered 200, with totals equal to the rows', { timeout: 180_000 }, async () => {
    const kysely = db.db.kysely;
    const articles = await Promise.all([1, 2].map(() => makeArticle(kysely)));
    const { server, port } = await startListening(db, {
      name: 'crash',
      env: { WARTA_TRUST_PROXY: '127.0.0.1' },
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    const answered: Sent[] = [];
    try {
      let answers = 0;
      const votes: Sent[] = Array.from({ length: VOTES }, (_, i) => ({
        articleId: articles[i % 2]!.id,
        voterId: randomBytes(16).toString('base64url'),
        rating: (i % 5) + 1,
      }));
      const statuses = await Promise.all(
        votes.map((vote, i) =>
          postVote(port, agent, vote, `203.0.${i >> 8}.${i & 255}`, (status) => {
            if (status === 200) answered.push(vote);
            // No await between the answer and the kill: the process gets no time to do more.
            if (++answers === KILL_AFTER) server.child.kill('SIGKILL');
          }),
        ),
      );
      assert.equal(await server.exited, 'SIGKILL');
      assert.ok(answered.length >= KILL_AFTER - 1, `${answered.length} votes answered 200 before the kill`);
      assert.ok(statuses.includes(0), 'some votes were still in flight when it died');
    } finally {
      agent.destroy();
      await server.stop('SIGKILL');
    }

    const rows = await kysely
      .selectFrom('article_votes')
      .select(['article_id', 'voter_id', 'rating'])
      .where(
        'article_id',
        'in',
        articles.map((a) => a.id),
      )
      .execute();
    const stored = new Map(rows.map((r) => [`${r.article_id}:${r.voter_id}`, r.rating]));
    for (const vote of answered)
      assert.equal(stored.get(`${vote.articleId}:${vote.voterId}`), vote.rating, 'a vote answered 200 is stored');
    for (const article of articles) {
      const totals = await kysely
        .selectFrom('articles')
        .select(['rating_sum', 'rating_count'])
        .where('id', '=', article.id)
        .executeTakeFirstOrThrow();
      const mine = rows.filter((r) => r.article_id === article.id);
      assert.equal(totals.rating_count, mine.length);
      assert.equal(
        totals.rating_sum,
        mine.reduce((s, r) => s + r.rating, 0),
      );
    }
  });
});
