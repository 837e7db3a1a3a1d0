// Sum, count and vote rows stay consistent under many concurrent votes (SQLite and PostgreSQL):
// hundreds of readers voting at once through the real HTTP stack, some of them twice.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ WARTA_VOTES_PER_HOUR: '100000' });
});
after(() => t.close());

/** A small deterministic generator, so a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
}

function vote(articleId: number, voterId: string, rating: number, index: number): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/en/news/ratings/${articleId}`,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      cookie: `warta_voter=${t.signCookie(voterId)}`,
    },
    // Readers come from many addresses, as they would.
    remoteAddress: `10.0.${index >> 8}.${index & 255}`,
    payload: JSON.stringify({ rating }),
  });
}

async function stored(articleId: number) {
  const article = await t.db
    .selectFrom('articles')
    .select(['rating_sum', 'rating_count'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const votes = await t.db
    .selectFrom('article_votes')
    .select(['voter_id', 'rating'])
    .where('article_id', '=', articleId)
    .execute();
  return {
    sum: article.rating_sum,
    count: article.rating_count,
    votes: new Map(votes.map((v) => [v.voter_id, v.rating])),
  };
}

describe('concurrent votes', { timeout: 120_000 }, () => {
  it('keep rating_sum and rating_count equal to the vote rows', async () => {
    const a = await makeArticle(t.db);
    const other = await makeArticle(t.db);
    const next = sequence(20240616);
    const voters = Array.from({ length: 100 }, () => randomBytes(16).toString('base64url'));
    const expected = new Map<string, number>();

    // Wave 1: 100 readers at once; 20 of them send the same vote twice at the same moment,
    // and a few votes on another article run in between.
    const wave1: Promise<InjectResponse>[] = [];
    voters.forEach((voter, i) => {
      const rating = (next() % 5) + 1;
      expected.set(voter, rating);
      wave1.push(vote(a.id, voter, rating, i));
      if (i % 5 === 0) wave1.push(vote(a.id, voter, rating, i));
      if (i % 10 === 0) wave1.push(vote(other.id, voter, 3, i));
    });
    for (const res of await Promise.all(wave1)) assert.equal(res.statusCode, 200, res.body);
    await check(a.id, expected);

    // Wave 2: 40 readers change their vote while 20 new readers vote.
    const wave2: Promise<InjectResponse>[] = [];
    voters.slice(0, 40).forEach((voter, i) => {
      const rating = (next() % 5) + 1;
      expected.set(voter, rating);
      wave2.push(vote(a.id, voter, rating, i));
    });
    for (let i = 0; i < 20; i++) {
      const voter = randomBytes(16).toString('base64url');
      const rating = (next() % 5) + 1;
      expected.set(voter, rating);
      wave2.push(vote(a.id, voter, rating, 100 + i));
    }
    for (const res of await Promise.all(wave2)) assert.equal(res.statusCode, 200, res.body);
    await check(a.id, expected);

    const elsewhere = await stored(other.id);
    assert.equal(elsewhere.count, 10);
    assert.equal(elsewhere.sum, 30);
  });
});

async function check(articleId: number, expected: ReadonlyMap<string, number>): Promise<void> {
  const { sum, count, votes } = await stored(articleId);
  const expectedSum = [...expected.values()].reduce((s, r) => s + r, 0);
  assert.equal(votes.size, expected.size, 'one row per reader');
  assert.deepEqual(votes, expected, 'each reader’s last vote is stored');
  assert.equal(count, expected.size, 'rating_count is the number of readers');
  assert.equal(sum, expectedSum, 'rating_sum is the sum of their votes');
  const aggregate = [...votes.values()].reduce((s, r) => s + r, 0);
  assert.equal(sum, aggregate, 'rating_sum equals the sum of the vote rows');
}
