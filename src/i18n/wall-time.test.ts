// Wall-clock times of a zone as instants, across daylight-saving switches both ways.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantOfWall, instantOfWallTime } from './wall-time.ts';

describe('instantOfWallTime', () => {
  it('reads a time in a zone without daylight saving', () => {
    assert.equal(instantOfWallTime('2026-12-01T10:30', 'Asia/Jakarta')?.toISOString(), '2026-12-01T03:30:00.000Z');
  });

  it('reads times on both sides of New York’s switches', () => {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT. 1 November 2026: 02:00 EDT becomes 01:00 EST.
    assert.equal(instantOfWallTime('2026-03-08T01:30', 'America/New_York')?.toISOString(), '2026-03-08T06:30:00.000Z');
    assert.equal(instantOfWallTime('2026-03-08T03:30', 'America/New_York')?.toISOString(), '2026-03-08T07:30:00.000Z');
    // A time the switch skips comes out an hour earlier; a repeated one as the first (EDT).
    assert.equal(instantOfWallTime('2026-03-08T02:30', 'America/New_York')?.toISOString(), '2026-03-08T06:30:00.000Z');
    assert.equal(instantOfWallTime('2026-11-01T01:30', 'America/New_York')?.toISOString(), '2026-11-01T05:30:00.000Z');
    assert.equal(instantOfWallTime('2026-11-01T00:30', 'America/New_York')?.toISOString(), '2026-11-01T04:30:00.000Z');
    assert.equal(instantOfWallTime('2026-11-01T03:00', 'America/New_York')?.toISOString(), '2026-11-01T08:00:00.000Z');
  });

  it('refuses what is not a wall-clock time', () => {
    for (const bad of ['', '2026-12-01', '2026-12-01 10:30', '2026-13-01T10:30', '2026-12-01T10:30:00Z', 'x'])
      assert.equal(instantOfWallTime(bad, 'UTC'), undefined, bad);
  });

  it('rolls days and minutes past the end over, as Date.UTC does', () => {
    assert.equal(
      instantOfWall(Date.UTC(2026, 11, 31, 23, 90), 'Asia/Jakarta').toISOString(),
      '2026-12-31T17:30:00.000Z',
    );
  });
});
