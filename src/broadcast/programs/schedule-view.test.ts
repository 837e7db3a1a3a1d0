// The schedule lists and the calendar's time zone block, as pure functions of the clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schedule } from '../schedule.ts';
import { listAirings, nextBoundary, weekOf } from './schedule-view.ts';
import { offsetChanges, vtimezone } from './vtimezone.ts';

const NIGHT = 1;
const MORNING = 2;
const schedule: Schedule = {
  timeZone: 'Asia/Jakarta',
  slots: [
    { programId: NIGHT, days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', minutes: 180 },
    { programId: MORNING, days: [1, 2, 3, 4, 5], start: '06:00', minutes: 180 },
  ],
  changes: [
    // Wednesday 2 December: the morning show's first hour only is cut (it airs 07:00–09:00).
    {
      kind: 'cancelled',
      programId: MORNING,
      startsAt: new Date('2026-12-01T23:00:00Z'),
      endsAt: new Date('2026-12-02T00:00:00Z'),
    },
    // Thursday 3 December: taken off whole.
    {
      kind: 'cancelled',
      programId: MORNING,
      startsAt: new Date('2026-12-02T23:00:00Z'),
      endsAt: new Date('2026-12-03T02:00:00Z'),
    },
  ],
};

describe('schedule lists', () => {
  const now = new Date('2026-12-01T16:30:00Z'); // Tuesday 23:30 in Jakarta

  it('keeps an airing taken off whole as cancelled, and shows what remains of a shortened one', () => {
    const list = listAirings(schedule, [], new Date('2026-12-01T17:00:00Z'), new Date('2026-12-03T17:00:00Z'), now);
    const mornings = list.filter((a) => a.programId === MORNING);
    assert.deepEqual(
      mornings.map((a) => [a.start.toISOString(), a.kind]),
      [
        ['2026-12-02T00:00:00.000Z', 'regular'],
        ['2026-12-02T23:00:00.000Z', 'cancelled'],
      ],
    );
  });

  it('groups a week by station day, the show across midnight opening the first, and marks the one on air', () => {
    const week = weekOf(schedule, [], now);
    assert.equal(week.length, 7);
    assert.equal(week[0]!.date, '2026-12-01');
    assert.equal(week[0]!.start.toISOString(), '2026-11-30T17:00:00.000Z');
    assert.equal(week[0]!.airings[0]!.start.toISOString(), '2026-11-30T15:00:00.000Z');
    const onAir = week.flatMap((d) => d.airings).filter((a) => a.isOnAir);
    assert.deepEqual(
      onAir.map((a) => a.start.toISOString()),
      ['2026-12-01T15:00:00.000Z'],
    );
    assert.equal(nextBoundary(week[0]!.airings, now)?.toISOString(), '2026-12-01T18:00:00.000Z');
  });
});

describe('VTIMEZONE', () => {
  it('finds New York’s two changes a year to the minute', () => {
    const changes = offsetChanges(
      'America/New_York',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    assert.deepEqual(
      changes.map((c) => [new Date(c.at).toISOString(), c.before / 3_600_000, c.after / 3_600_000]),
      [
        ['2026-03-08T07:00:00.000Z', -5, -4],
        ['2026-11-01T06:00:00.000Z', -4, -5],
      ],
    );
  });

  it('writes daylight and standard observances at their wall-clock starts, and one for a zone without changes', () => {
    const ny = vtimezone('America/New_York', new Date('2026-12-01T00:00:00Z')).split('\r\n');
    assert.equal(ny[1], 'TZID:America/New_York');
    const spring = ny.indexOf('DTSTART:20260308T020000');
    assert.deepEqual(ny.slice(spring - 1, spring + 4), [
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
    ]);
    const autumn = ny.indexOf('DTSTART:20261101T020000');
    assert.deepEqual(ny.slice(autumn - 1, autumn + 4), [
      'BEGIN:STANDARD',
      'DTSTART:20261101T020000',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
    ]);
    assert.deepEqual(vtimezone('Asia/Jakarta', new Date('2026-12-01T00:00:00Z')).split('\r\n'), [
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Jakarta',
      'BEGIN:STANDARD',
      'DTSTART:20240101T070000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });
});
