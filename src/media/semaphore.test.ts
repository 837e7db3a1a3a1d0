// The semaphore that bounds image work: never more than its limit at once, waiting tasks run in
// the order they came, a failed task frees its slot, and a full queue refuses at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Semaphore } from './semaphore.ts';

describe('Semaphore', () => {
  it('runs at most its limit at once, the rest in order, and frees the slot of a failed task', async () => {
    const slots = new Semaphore(2, 10, () => new Error('full'));
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(n);
      await delay(5);
      running--;
      if (n === 1) throw new Error('broken picture');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => slots.run(task(n))));
    assert.equal(most, 2);
    assert.deepEqual(order, [1, 2, 3, 4, 5, 6]);
    assert.equal(results[0]!.status, 'rejected');
    assert.deepEqual(
      results.slice(1).map((r) => (r.status === 'fulfilled' ? r.value : undefined)),
      [2, 3, 4, 5, 6],
    );
    assert.deepEqual([slots.active, slots.queued], [0, 0]);
  });

  it('refuses a task at once when too many wait', async () => {
    const slots = new Semaphore(1, 1, () => new Error('busy, try again'));
    const first = slots.run(() => delay(20));
    const second = slots.run(() => delay(1));
    await assert.rejects(
      slots.run(() => delay(1)),
      /busy, try again/,
    );
    await Promise.all([first, second]);
    assert.equal(await slots.run(async () => 'free again'), 'free again');
  });
});
