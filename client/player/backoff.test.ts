import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RETRY_SECONDS, retryDelaySeconds } from './backoff.ts';

describe('retry delay of the live player', () => {
  it('doubles from three seconds after each failure in a row', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map(retryDelaySeconds), [3, 6, 12, 24, 48]);
  });

  it('never waits longer than a minute, however long the station is off air', () => {
    assert.equal(retryDelaySeconds(6), MAX_RETRY_SECONDS);
    assert.equal(retryDelaySeconds(1000), MAX_RETRY_SECONDS);
  });

  it('treats nonsense counts as the first failure', () => {
    assert.equal(retryDelaySeconds(0), 3);
    assert.equal(retryDelaySeconds(-4), 3);
    assert.equal(retryDelaySeconds(Number.NaN), 3);
  });
});
