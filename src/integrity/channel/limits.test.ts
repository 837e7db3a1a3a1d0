// The channel's per-address limits: counted per address (an IPv6 /64 is one), in windows that end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressLimiter } from './limits.ts';

describe('the channel’s address limiter', () => {
  it('allows the limit per window, per address, and again once the window ends', () => {
    const limiter = new AddressLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) assert.equal(limiter.take('192.0.2.1', 1000), true);
    assert.equal(limiter.take('192.0.2.1', 2000), false);
    assert.equal(limiter.isOver('192.0.2.1', 2000), true);
    assert.equal(limiter.take('192.0.2.2', 2000), true);
    assert.equal(limiter.take('192.0.2.1', 61_000), true);
  });

  it('counts a whole IPv6 /64 as one address', () => {
    const limiter = new AddressLimiter(1, 60_000);
    limiter.count('2001:db8:1:2::1', 0);
    assert.equal(limiter.isOver('2001:db8:1:2:ffff::9', 0), true);
    assert.equal(limiter.isOver('2001:db8:1:3::1', 0), false);
  });
});
