// The per-address limit on new votes (kept as a keyed hash, never the address, and only for the
// hour it counts), behind a proxy: exact under parallel requests, counted in the database so it
// holds across app servers.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { sweepVoteAddressWindow } from './address-window.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ WARTA_VOTES_PER_HOUR: '3', WARTA_TRUST_PROXY: '1' });
});
after(() => t.close());

const newVoter = () => randomBytes(16).toString('base64url');

function vote(
  articleId: number,
  voterId: string,
  rating: number,
  address: string,
  headers: Record<string, string> = {},
): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/en/news/ratings/${articleId}`,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      cookie: `warta_voter=${t.signCookie(voterId)}`,
      'x-forwarded-for': address,
      ...headers,
    },
    payload: JSON.stringify({ rating }),
  });
}

const VOTE_COLUMNS = ['article_id', 'created_at', 'rating', 'updated_at', 'voter_id'];

const votesFrom = async (articleIds: number[]) =>
  t.db.selectFrom('article_votes').selectAll().where('article_id', 'in', articleIds).execute();

describe('the per-address limit on new votes', () => {
  it('keeps a keyed hash of the address apart from the votes, the same on every vote, never the address', async () => {
    const a = await makeArticle(t.db);
    const b = await makeArticle(t.db);
    const at = new Date();
    t.setNow(at);
    try {
      assert.equal((await vote(a.id, newVoter(), 4, '203.0.113.7')).statusCode, 200);
      assert.equal((await vote(b.id, newVoter(), 4, '203.0.113.7')).statusCode, 200);
    } finally {
      t.setNow(new Date());
    }
    const votes = await votesFrom([a.id, b.id]);
    assert.equal(votes.length, 2);
    for (const row of votes) assert.deepEqual(Object.keys(row).sort(), VOTE_COLUMNS, 'no address in a vote row');
    const rows = await t.db
      .selectFrom('vote_address_window')
      .selectAll()
      .where('created_at', '=', at.toISOString())
      .execute();
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.ip_hash, rows[1]!.ip_hash);
    assert.match(rows[0]!.ip_hash, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!JSON.stringify(rows).includes('203.0.113.7'), 'the address is nowhere in the rows');
    const plainHash = createHmac('sha256', t.config.cookieSecret!).update('203.0.113.7').digest('base64url');
    assert.notEqual(rows[0]!.ip_hash, plainHash, 'the key is derived, not the cookie secret itself');
  });

  it('refuses a new vote over the limit with 429 and Retry-After, changing nothing', async () => {
    const address = '198.51.100.1';
    const articles = await Promise.all([1, 2, 3, 4].map(() => makeArticle(t.db)));
    const ids = articles.map((a) => a.id);
    const voter = newVoter();
    for (const a of articles.slice(0, 3)) assert.equal((await vote(a.id, voter, 5, address)).statusCode, 200);
    const refused = await vote(ids[3]!, voter, 5, address);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['cache-control'], 'no-store');
    assert.equal(refused.json().error.code, 'too_many_votes');
    assert.match(refused.json().error.message, /last hour/);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    const fourth = await t.db
      .selectFrom('articles')
      .select(['rating_sum', 'rating_count'])
      .where('id', '=', ids[3]!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(fourth, { rating_sum: 0, rating_count: 0 });
    assert.equal((await votesFrom(ids)).length, 3);

    // A cleared cookie is a new voter: still refused from this address.
    assert.equal((await vote(ids[0]!, newVoter(), 1, address)).statusCode, 429);
    // Changing an existing vote is not a new vote.
    const changed = await vote(ids[0]!, voter, 2, address);
    assert.equal(changed.statusCode, 200);
    assert.deepEqual(changed.json().rating, { articleId: ids[0], yours: 2, sum: 2, count: 1 });
    // Another address is not affected.
    assert.equal((await vote(ids[3]!, newVoter(), 4, '198.51.100.2')).statusCode, 200);
  });

  it('the form shows the refusal as a page in the reader’s language', async () => {
    const address = '198.51.100.9';
    const articles = await Promise.all([1, 2, 3, 4].map(() => makeArticle(t.db)));
    for (const a of articles.slice(0, 3)) assert.equal((await vote(a.id, newVoter(), 3, address)).statusCode, 200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/en/news/ratings/${articles[3]!.id}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: `warta_voter=${t.signCookie(newVoter())}`,
        'x-forwarded-for': address,
      },
      payload: 'rating=3',
    });
    assert.equal(res.statusCode, 429);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /Many ratings have come from your network in the last hour\./);
  });

  it('allows new votes again an hour after the first ones', async () => {
    const address = '198.51.100.20';
    const articles = await Promise.all([1, 2, 3, 4].map(() => makeArticle(t.db)));
    const start = new Date();
    t.setNow(start);
    try {
      for (const a of articles.slice(0, 3)) assert.equal((await vote(a.id, newVoter(), 3, address)).statusCode, 200);
      t.setNow(new Date(start.getTime() + 59 * 60_000));
      assert.equal((await vote(articles[3]!.id, newVoter(), 3, address)).statusCode, 429);
      t.setNow(new Date(start.getTime() + 60 * 60_000 + 1000));
      assert.equal((await vote(articles[3]!.id, newVoter(), 3, address)).statusCode, 200);
    } finally {
      t.setNow(new Date());
    }
  });

  it('holds exactly under parallel requests from one address', async () => {
    const address = '198.51.100.30';
    const articles = await Promise.all(Array.from({ length: 12 }, () => makeArticle(t.db)));
    const answers = await Promise.all(articles.map((a) => vote(a.id, newVoter(), 4, address)));
    const statuses = answers.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, 200, 200, ...Array(9).fill(429)]);
    const ids = articles.map((a) => a.id);
    assert.equal((await votesFrom(ids)).length, 3);
    const totals = await t.db.selectFrom('articles').select(['rating_count']).where('id', 'in', ids).execute();
    assert.equal(
      totals.reduce((s, r) => s + r.rating_count, 0),
      3,
    );
  });
});

// What one address is (an IPv4 address or an IPv6 /64) is tested in core/http/client-address.test.ts.
describe('what counts as one address', () => {
  it('limits a whole IPv6 /64, whose owner can use any of its addresses', async () => {
    const articles = await Promise.all([1, 2, 3, 4, 5].map(() => makeArticle(t.db)));
    for (const [i, a] of articles.slice(0, 3).entries())
      assert.equal((await vote(a.id, newVoter(), 2, `2001:db8:5:6::${i + 1}`)).statusCode, 200);
    assert.equal((await vote(articles[3]!.id, newVoter(), 2, '2001:db8:5:6:abcd::99')).statusCode, 429);
    assert.equal((await vote(articles[4]!.id, newVoter(), 2, '2001:db8:5:7::1')).statusCode, 200);
  });
});

describe('sweeping the address hashes', () => {
  it('deletes every hash older than the hour, keeps the limit exact, and leaves the votes', async () => {
    const address = '198.51.100.40';
    const start = new Date(Date.now() - 3 * 3600_000);
    const published_at = toDbTime(new Date(start.getTime() - 60_000));
    const articles = await Promise.all([1, 2, 3, 4, 5].map(() => makeArticle(t.db, { published_at })));
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    try {
      // Two votes long ago, one 30 minutes before the sweep, one just before it.
      for (const [i, minutes] of [0, 10, 150, 179].entries()) {
        t.setNow(at(minutes));
        assert.equal((await vote(articles[i]!.id, newVoter(), 5, address)).statusCode, 200);
      }
      const sweptAt = at(180);
      const swept = await sweepVoteAddressWindow(t.db, sweptAt);
      assert.ok(swept >= 2, `swept ${swept}`);
      const hourAgo = sweptAt.getTime() - 3600_000;
      const left = await t.db.selectFrom('vote_address_window').select('created_at').execute();
      assert.ok(
        left.every((r) => new Date(r.created_at).getTime() > hourAgo),
        'no row older than one hour remains',
      );
      assert.equal(await sweepVoteAddressWindow(t.db, sweptAt), 0, 'a second sweep finds nothing');
      // The two votes of the last hour still count: one more is allowed, then the limit (3) holds.
      t.setNow(sweptAt);
      assert.equal((await vote(articles[4]!.id, newVoter(), 5, address)).statusCode, 200);
      assert.equal((await vote(articles[4]!.id, newVoter(), 5, address)).statusCode, 429);
    } finally {
      t.setNow(new Date());
    }
    const votes = await votesFrom(articles.map((a) => a.id));
    assert.equal(votes.length, 5, 'the votes themselves stay');
    for (const row of votes) assert.deepEqual(Object.keys(row).sort(), VOTE_COLUMNS, 'no address in a vote row');
  });
});

describe('the voter cookie behind an https proxy', () => {
  it('is Secure when the request came over https', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/en/news/ratings/session',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(res.statusCode, 204);
    assert.equal(res.cookies[0]?.secure, true);
    assert.equal(res.cookies[0]?.httpOnly, true);
    assert.equal(res.cookies[0]?.sameSite, 'Lax');
  });
});
