import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprinter } from './fingerprint.ts';

describe('fingerprinter', () => {
  it('gives each key one whole number under 2^53, the same every time', () => {
    const fingerprint = fingerprinter();
    const value = fingerprint('c:Yx3v0Qm1b8Kd2Lw5Zr7TnA:1234');
    assert.ok(Number.isSafeInteger(value) && value >= 0);
    assert.equal(fingerprint('c:Yx3v0Qm1b8Kd2Lw5Zr7TnA:1234'), value);
  });

  it('tells apart keys that differ in one character, including the beacon’s own shapes', () => {
    const fingerprint = fingerprinter();
    const seen = new Set<number>();
    // 200,000 keys: a full memory. Any two sharing a fingerprint has a chance of about 2·10^-6.
    for (let reader = 0; reader < 2_000; reader++) {
      for (let article = 0; article < 100; article++) seen.add(fingerprint(`c:reader${reader}:${article}`));
    }
    assert.equal(seen.size, 200_000);
    assert.notEqual(fingerprint('a'), fingerprint('b'));
    assert.notEqual(fingerprint('h:x:1'), fingerprint('c:x:1'));
  });

  it('has a seed of its own per memory, so one process’s fingerprints say nothing of another’s', () => {
    const keys = ['c:a:1', 'c:b:2', 'h:c:3'];
    const first = fingerprinter();
    const second = fingerprinter();
    assert.notDeepEqual(keys.map(first), keys.map(second));
  });
});
