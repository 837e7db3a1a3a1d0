// The per-address limit on new votes (kept as a keyed hash, never the address), behind a proxy:
// exact under parallel requests, counted in the database so it holds across app servers.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { subscriberOf } from './voter.ts';

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
      cookie: `warta_voter=${t.app.signCookie(voterId)}`,
      'x-forwarded-for': address,
      ...headers,
    },
    payload: JSON.stringify({ rating }),
  });
}

const votesFrom = async (articleIds: number[]) =>
  t.db.selectFrom('article_votes').selectAll().where('article_id', 'in', articleIds).execute();

describe('the per-address limit on new votes', () => {
  it('stores a keyed hash of the address, the same on every vote, never the address', async () => {
    const a = await makeArticle(t.db);
    const b = await makeArticle(t.db);
    assert.equal((await vote(a.id, newVoter(), 4, '203.0.113.7')).statusCode, 200);
    assert.equal((await vote(b.id, newVoter(), 4, '203.0.113.7')).statusCode, 200);
    const rows = await votesFrom([a.id, b.id]);
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
        cookie: `warta_voter=${t.app.signCookie(newVoter())}`,
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

describe('what counts as one address', () => {
  it('is an IPv4 address (also written IPv4-mapped), or an IPv6 /64 network', () => {
    assert.equal(subscriberOf('203.0.113.5'), '203.0.113.5');
    assert.equal(subscriberOf('::ffff:203.0.113.5'), '203.0.113.5');
    for (const ip of ['2001:db8:5:6::1', '2001:DB8:5:6:ffff:1:2:3', '2001:0db8:0005:0006::9%eth0'])
      assert.equal(subscriberOf(ip), '2001:db8:5:6::/64', ip);
    assert.equal(subscriberOf('2001:db8::1'), '2001:db8:0:0::/64');
  });

  it('limits a whole IPv6 /64, whose owner can use any of its addresses', async () => {
    const articles = await Promise.all([1, 2, 3, 4, 5].map(() => makeArticle(t.db)));
    for (const [i, a] of articles.slice(0, 3).entries())
      assert.equal((await vote(a.id, newVoter(), 2, `2001:db8:5:6::${i + 1}`)).statusCode, 200);
    assert.equal((await vote(articles[3]!.id, newVoter(), 2, '2001:db8:5:6:abcd::99')).statusCode, 429);
    assert.equal((await vote(articles[4]!.id, newVoter(), 2, '2001:db8:5:7::1')).statusCode, 200);
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
