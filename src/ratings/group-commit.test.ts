// Votes committed in groups (SQLite and PostgreSQL): many readers voting at once share
// transactions, every vote answered 2xx is stored, the totals stay exact, and a vote refused
// inside a batch, by the rules or by the database, leaves the others of its batch in place.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response as InjectResponse } from 'light-my-request';
import { toDbTime } from '../core/db/dialect.ts';
import { AppError } from '../core/http/errors.ts';
import { createTranslator } from '../i18n/index.ts';
import { setArticleStatus } from '../articles/index.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { castVotes, TooManyVotes, type VoteInput } from './service.ts';
import { VoteQueue } from './vote-queue.ts';

const LIMIT = 3;
let t: TestApp;
before(async () => {
  t = await createTestApp({ WARTA_VOTES_PER_HOUR: String(LIMIT), WARTA_TRUST_PROXY: '1' });
});
after(() => t.close());

const newVoter = () => randomBytes(16).toString('base64url');
const translate = createTranslator('en', 'en');

function vote(articleId: number, voterId: string, rating: number, address: string): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/en/news/ratings/${articleId}`,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      cookie: `warta_voter=${t.signCookie(voterId)}`,
      'x-forwarded-for': address,
    },
    payload: JSON.stringify({ rating }),
  });
}

async function votesOn(ids: number[]): Promise<Map<string, number>> {
  const rows = await t.db
    .selectFrom('article_votes')
    .select(['article_id', 'voter_id', 'rating'])
    .where('article_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [`${r.article_id}:${r.voter_id}`, r.rating]));
}

/** Each article's totals equal the sum and count of its vote rows. */
async function assertTotalsMatchRows(ids: number[]): Promise<void> {
  const votes = await votesOn(ids);
  for (const id of ids) {
    const article = await t.db
      .selectFrom('articles')
      .select(['rating_sum', 'rating_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const mine = [...votes].filter(([key]) => key.startsWith(`${id}:`)).map(([, rating]) => rating);
    assert.equal(article.rating_count, mine.length, `count of article ${id}`);
    assert.equal(
      article.rating_sum,
      mine.reduce((s, r) => s + r, 0),
      `sum of article ${id}`,
    );
  }
}

function input(articleId: number, voterId: string, rating: number, ipHash: string, now = new Date()): VoteInput {
  return { articleId, edition: 'en', voterId, ipHash, rating, now, limitPerHour: LIMIT, t: translate };
}

describe('votes arriving together', { timeout: 120_000 }, () => {
  it('share transactions, and each vote answered 200 is stored with exact totals', async () => {
    const articles = await Promise.all([1, 2, 3].map(() => makeArticle(t.db)));
    const ids = articles.map((a) => a.id);
    let voteInserts = 0;
    const stop = t.testDb.onQuery((sql) => {
      if (/^insert into "article_votes"/.test(sql)) voteInserts++;
    });
    // 160 readers from 50 addresses, four from each of the first ten: one of those four is over
    // the limit. On the other addresses one reader sends the same vote twice at once.
    const sent: { key: string; rating: number; answer: Promise<InjectResponse> }[] = [];
    let n = 0;
    for (let address = 0; address < 50; address++) {
      const votesFromAddress = address < 10 ? LIMIT + 1 : 3;
      for (let i = 0; i < votesFromAddress; i++, n++) {
        const id = ids[n % ids.length]!;
        const voter = newVoter();
        const rating = (n % 5) + 1;
        sent.push({ key: `${id}:${voter}`, rating, answer: vote(id, voter, rating, `198.51.${address}.7`) });
        if (address >= 10 && i === 0)
          sent.push({ key: `${id}:${voter}`, rating, answer: vote(id, voter, rating, `198.51.${address}.7`) });
      }
    }
    const answers = await Promise.all(sent.map((s) => s.answer));
    stop();
    const ok = sent.filter((_, i) => answers[i]!.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode === 429);
    assert.equal(ok.length + refused.length, sent.length, 'every vote is answered 200 or 429');
    assert.equal(refused.length, 10, 'one vote over the limit from each of the ten busy addresses');
    for (const r of refused) assert.equal(r.json().error.code, 'too_many_votes');

    const stored = await votesOn(ids);
    for (const s of ok) assert.equal(stored.get(s.key), s.rating, `the vote answered 200 is stored (${s.key})`);
    assert.equal(stored.size, new Set(ok.map((s) => s.key)).size, 'no vote stored that was not answered 200');
    await assertTotalsMatchRows(ids);
    assert.ok(voteInserts < ok.length, `votes shared transactions (${voteInserts} inserts for ${ok.length} votes)`);
  });

  it('count against an address in the order they were sent, also within one batch', async () => {
    const a = await makeArticle(t.db);
    const now = new Date();
    const hash = `batch-${newVoter()}`;
    const voters = [1, 2, 3, 4, 5].map(() => newVoter());
    const outcomes = await castVotes(
      t.db,
      voters.map((v) => input(a.id, v, 4, hash, now)),
    );
    assert.deepEqual(
      outcomes.slice(0, LIMIT).map((o) => (o instanceof AppError ? o.code : o.count)),
      [1, 2, 3],
    );
    for (const o of outcomes.slice(LIMIT)) {
      assert.ok(o instanceof TooManyVotes);
      assert.equal(o.retryAfter, 3600);
    }
    assert.equal((await votesOn([a.id])).size, LIMIT);
  });
});

describe('the vote route’s article check', () => {
  it('refuses votes on a story as soon as it is taken off the site, and takes them again after', async () => {
    const a = await makeArticle(t.db);
    assert.equal((await vote(a.id, newVoter(), 4, '192.0.2.10')).statusCode, 200);
    await setArticleStatus(t.app.ctx.writer, a.id, 'draft');
    const refused = await vote(a.id, newVoter(), 4, '192.0.2.11');
    assert.equal(refused.statusCode, 404);
    assert.equal(refused.json().error.code, 'article_not_found');
    await setArticleStatus(t.app.ctx.writer, a.id, 'published');
    assert.equal((await vote(a.id, newVoter(), 4, '192.0.2.12')).statusCode, 200);
    assert.equal((await votesOn([a.id])).size, 2);
  });
});

describe('a vote refused inside a batch', { timeout: 60_000 }, () => {
  it('by the rules (no such article, wrong edition, over the limit) changes nothing and leaves the others', async () => {
    const a = await makeArticle(t.db);
    const b = await makeArticle(t.db, { edition: 'id' });
    const draft = await makeArticle(t.db, { status: 'draft' });
    const later = await makeArticle(t.db, { published_at: toDbTime(new Date(Date.now() + 3600_000)) });
    const busy = `busy-${newVoter()}`;
    const now = new Date();
    await t.db
      .insertInto('vote_address_window')
      .values([1, 2, 3].map(() => ({ ip_hash: busy, created_at: toDbTime(new Date(now.getTime() - 60_000)) })))
      .execute();
    const reader = newVoter();
    const batch = [
      input(a.id, newVoter(), 5, `x-${newVoter()}`, now),
      input(draft.id, newVoter(), 5, `x-${newVoter()}`, now),
      input(b.id, newVoter(), 5, `x-${newVoter()}`, now), // an Indonesian story voted on under /en/
      input(a.id, newVoter(), 5, busy, now),
      input(later.id, newVoter(), 5, `x-${newVoter()}`, now),
      input(999_999_999, newVoter(), 5, `x-${newVoter()}`, now),
      input(a.id, reader, 2, `x-${newVoter()}`, now),
      input(a.id, reader, 3, `x-${newVoter()}`, now), // the same reader changes their mind
    ];
    const outcomes = await castVotes(t.db, batch);
    const codes = outcomes.map((o) => (o instanceof AppError ? o.code : 'ok'));
    assert.deepEqual(codes, [
      'ok',
      'article_not_found',
      'article_not_found',
      'too_many_votes',
      'article_not_found',
      'article_not_found',
      'ok',
      'ok',
    ]);
    assert.deepEqual(outcomes[7], { sum: 8, count: 2, isNew: false });
    const stored = await votesOn([a.id, b.id, draft.id, later.id]);
    assert.deepEqual([...stored.values()].sort(), [3, 5], 'the first vote and the reader’s last one, nothing else');
    await assertTotalsMatchRows([a.id, b.id, draft.id, later.id]);
    const window = await t.db.selectFrom('vote_address_window').select('ip_hash').where('ip_hash', '=', busy).execute();
    assert.equal(window.length, 3, 'the refused vote noted no address');
  });

  it('by the database fails alone: the other votes of its batch are committed', async () => {
    const a = await makeArticle(t.db);
    const queue = new VoteQueue(t.db);
    const voters = [1, 2, 3, 4].map(() => newVoter());
    // Submitted in one turn of the event loop, so they form one batch; a rating of 9 passes no
    // route, but the table's CHECK refuses it and with it the batch's first transaction.
    const settled = await Promise.allSettled([
      queue.submit(input(a.id, voters[0]!, 4, `q-${newVoter()}`)),
      queue.submit(input(a.id, voters[1]!, 9, `q-${newVoter()}`)),
      queue.submit(input(a.id, voters[2]!, 2, `q-${newVoter()}`)),
      queue.submit(input(a.id, voters[3]!, 1, `q-${newVoter()}`)),
    ]);
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    const stored = await votesOn([a.id]);
    assert.deepEqual(
      [voters[0], voters[2], voters[3]].map((v) => stored.get(`${a.id}:${v}`)),
      [4, 2, 1],
    );
    assert.equal(stored.size, 3);
    await assertTotalsMatchRows([a.id]);
  });
});
