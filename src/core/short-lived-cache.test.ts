// The short-lived lookup cache: fresh for its time on the app's clock, one lookup for many
// callers, and nothing stored that may predate a forget().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ShortLivedCache } from './short-lived-cache.ts';

/** A lookup that counts its calls and answers `answer(key)` once released. */
function countingLookup(answer: (key: number) => string | undefined) {
  const calls: number[] = [];
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    load: async (key: number) => {
      calls.push(key);
      await gate;
      return answer(key);
    },
  };
}

const at = (ms: number) => new Date(Date.UTC(2024, 5, 1) + ms);

describe('ShortLivedCache', () => {
  it('keeps an answer (undefined too) for its time on the given clock, then looks again', async () => {
    const lookup = countingLookup((key) => (key === 1 ? 'one' : undefined));
    const cache = new ShortLivedCache<number, string>(lookup.load, 1000, 10);
    assert.equal(await cache.get(1, at(0)), 'one');
    assert.equal(await cache.get(1, at(999)), 'one');
    assert.equal(await cache.get(2, at(0)), undefined);
    assert.equal(await cache.get(2, at(500)), undefined);
    assert.deepEqual(lookup.calls, [1, 2]);
    assert.equal(await cache.get(1, at(1000)), 'one');
    assert.deepEqual(lookup.calls, [1, 2, 1], 'looked up again once its time is over');
  });

  it('does not serve an answer to a time before it was looked up (a clock moved back)', async () => {
    const lookup = countingLookup(() => 'x');
    const cache = new ShortLivedCache<number, string>(lookup.load, 1000, 10);
    await cache.get(1, at(5000));
    await cache.get(1, at(4000));
    assert.deepEqual(lookup.calls, [1, 1]);
  });

  it('makes one lookup for the callers that ask while it runs', async () => {
    const lookup = countingLookup(() => 'shared');
    const cache = new ShortLivedCache<number, string>(lookup.load, 1000, 10);
    lookup.hold();
    const answers = Promise.all([cache.get(7, at(0)), cache.get(7, at(10)), cache.get(7, at(20))]);
    lookup.release();
    assert.deepEqual(await answers, ['shared', 'shared', 'shared']);
    assert.deepEqual(lookup.calls, [7]);
  });

  it('forgets a key at once, and keeps no answer of a lookup that started before the forget', async () => {
    let value = 'old';
    const lookup = countingLookup(() => value);
    const cache = new ShortLivedCache<number, string>(lookup.load, 1000, 10);
    assert.equal(await cache.get(3, at(0)), 'old');
    value = 'new';
    cache.forget(3);
    lookup.hold();
    const during = cache.get(3, at(1));
    cache.forget(3); // a change lands while the lookup runs: its answer may predate it
    lookup.release();
    assert.equal(await during, 'new');
    assert.equal(await cache.get(3, at(2)), 'new');
    assert.deepEqual(lookup.calls, [3, 3, 3], 'the answer read during the change was not kept');
    cache.forget();
    await cache.get(3, at(3));
    assert.equal(lookup.calls.length, 4, 'forget() without a key drops every answer');
  });

  it('holds at most its number of entries', async () => {
    const lookup = countingLookup((key) => String(key));
    const cache = new ShortLivedCache<number, string>(lookup.load, 60_000, 2);
    for (const key of [1, 2, 3]) await cache.get(key, at(0));
    await cache.get(1, at(1));
    assert.deepEqual(lookup.calls, [1, 2, 3, 1], 'the least recently used went first');
  });
});
