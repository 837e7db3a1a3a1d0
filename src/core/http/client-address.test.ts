// One client address for per-address limits: an IPv4 address or an IPv6 /64.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subscriberOf } from './client-address.ts';

describe('what counts as one address', () => {
  it('is an IPv4 address (also written IPv4-mapped), or an IPv6 /64 network', () => {
    assert.equal(subscriberOf('203.0.113.5'), '203.0.113.5');
    assert.equal(subscriberOf('::ffff:203.0.113.5'), '203.0.113.5');
    for (const ip of ['2001:db8:5:6::1', '2001:DB8:5:6:ffff:1:2:3', '2001:0db8:0005:0006::9%eth0'])
      assert.equal(subscriberOf(ip), '2001:db8:5:6::/64', ip);
    assert.equal(subscriberOf('2001:db8::1'), '2001:db8:0:0::/64');
  });
});
