// The derived-value cache: kept until its scope is dropped, its own limit or its TTL passes;
// callers share one computation; a failed computation is not kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DerivedCache } from './derived-cache.ts';

function setup(ttlMs = 1000, ttlSpread?: number) {
  let now = new Date('2026-01-01T00:00:00Z');
  const cache = new DerivedCache({ now: () => now, ttlMs, ttlSpread });
  let runs = 0;
  const compute = async () => ++runs;
  return {
    cache,
    compute,
    get runs() {
      return runs;
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('DerivedCache', () => {
  it('computes once until the scope is dropped, and keeps other scopes', async () => {
    const s = setup();
    assert.equal(await s.cache.get('en', 'k', s.compute), 1);
    assert.equal(await s.cache.get('en', 'k', s.compute), 1);
    assert.equal(await s.cache.get('id', 'k', s.compute), 2);
    s.cache.invalidate('en');
    assert.equal(await s.cache.get('en', 'k', s.compute), 3);
    assert.equal(await s.cache.get('id', 'k', s.compute), 2);
    s.cache.invalidate();
    assert.equal(await s.cache.get('id', 'k', s.compute), 4);
  });

  it('computes again after the TTL, at an entry’s own limit, and when the clock moves back', async () => {
    const s = setup(1000);
    await s.cache.get('en', 'k', s.compute);
    s.advance(999);
    assert.equal(await s.cache.get('en', 'k', s.compute), 1);
    s.advance(1);
    assert.equal(await s.cache.get('en', 'k', s.compute), 2);
    const until = (ms: number) => () => new Date(Date.parse('2026-01-01T00:00:00Z') + ms);
    assert.equal(await s.cache.get('en', 'limited', s.compute, until(1500)), 3);
    s.advance(400); // 1,400 ms: before the limit
    assert.equal(await s.cache.get('en', 'limited', s.compute, until(1500)), 3);
    s.advance(100); // 1,500 ms: the limit
    assert.equal(await s.cache.get('en', 'limited', s.compute, until(1500)), 4);
    s.advance(-10_000);
    assert.equal(await s.cache.get('en', 'limited', s.compute), 5);
  });

  it('spreads the TTLs of entries computed together over the last share of the TTL', async () => {
    const s = setup(1000, 0.25);
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    const firstRuns = await Promise.all(keys.map((key) => s.cache.get('en', key, s.compute)));
    s.advance(749);
    const kept = await Promise.all(keys.map((key) => s.cache.get('en', key, s.compute)));
    assert.deepEqual(kept, firstRuns, 'none expires before three quarters of the TTL');
    s.advance(125); // 874 ms: some have expired, not all
    await Promise.all(keys.map((key) => s.cache.get('en', key, s.compute)));
    const recomputed = s.runs - keys.length;
    assert.ok(recomputed > 0 && recomputed < keys.length, `${recomputed} of ${keys.length} computed again`);
    s.advance(126); // 1,000 ms after the first: every first entry is gone
    const after = await Promise.all(keys.map((key) => s.cache.get('en', key, s.compute)));
    assert.ok(
      after.every((run, i) => run !== firstRuns[i]),
      'no entry outlives the TTL',
    );
  });

  it('shares one computation between callers and keeps no failure', async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.cache.get('en', 'k', s.compute), s.cache.get('en', 'k', s.compute)]);
    assert.deepEqual([a, b, s.runs], [1, 1, 1]);
    await assert.rejects(
      s.cache.get('en', 'bad', async () => {
        throw new Error('database gone');
      }),
      /database gone/,
    );
    assert.equal(await s.cache.get('en', 'bad', s.compute), 2);
  });
  it('computes only the missing values of many in one call, and forgets a failed one', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const cache = new DerivedCache({ now: () => now, ttlMs: 1000 });
    const calls: string[][] = [];
    const lengths = (keys: string[]) => (missing: readonly number[]) => {
      calls.push(missing.map((i) => keys[i]!));
      return Promise.resolve(missing.map((i) => keys[i]!.length));
    };
    let keys = ['a', 'bb'];
    assert.deepEqual(await cache.getMany('en', keys, lengths(keys)), [1, 2]);
    keys = ['bb', 'ccc', 'a'];
    assert.deepEqual(await cache.getMany('en', keys, lengths(keys)), [2, 3, 1]);
    assert.deepEqual(calls, [['a', 'bb'], ['ccc']], 'one call per request, for what was missing');
    assert.equal(await cache.get('en', 'ccc', () => Promise.resolve(-1)), 3, 'the same entries as get()');
    // An entry's own limit holds for each value.
    keys = ['dddd'];
    await cache.getMany('en', keys, lengths(keys), () => new Date(now.getTime() + 10));
    now = new Date(now.getTime() + 10);
    await cache.getMany('en', keys, lengths(keys));
    assert.deepEqual(calls.at(-1), ['dddd'], 'computed again at its limit');
    await assert.rejects(
      cache.getMany('en', ['e'], () => Promise.reject(new Error('down'))),
      /down/,
    );
    keys = ['e'];
    assert.deepEqual(await cache.getMany('en', keys, lengths(keys)), [1], 'a failure is not kept');
  });
});
