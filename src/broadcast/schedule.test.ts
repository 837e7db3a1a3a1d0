// The schedule's arithmetic: now and next at slot edges, across midnight and the end of the week,
// one-off specials and cancellations, a station zone with daylight saving, and a listener in
// New York whose clock changes while the station's does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { airingsBetween, dayIn, nextAirings, onAirAt, type Schedule, type WeeklySlot } from './schedule.ts';

const MORNING = 1;
const NEWS = 2;
const LATE = 3;
const SPECIAL = 4;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** Asia/Jakarta is UTC+7 all year: 06:00 WIB is 23:00 UTC the day before. */
const jakarta = (slots: WeeklySlot[], changes: Schedule['changes'] = []): Schedule => ({
  timeZone: 'Asia/Jakarta',
  slots,
  changes,
});
const at = (iso: string) => new Date(iso);
const programAt = (schedule: Schedule, iso: string) => onAirAt(schedule, at(iso))?.programId;

describe('now and next', () => {
  const day = jakarta([
    { programId: MORNING, days: EVERY_DAY, start: '06:00', minutes: 180 },
    { programId: NEWS, days: [1, 2, 3, 4, 5], start: '09:00', minutes: 30 },
  ]);

  it('puts a slot’s first minute on air and its end minute off it', () => {
    assert.equal(programAt(day, '2026-12-01T23:00:00+07:00'), undefined, 'before');
    assert.equal(programAt(day, '2026-12-02T06:00:00+07:00'), MORNING, 'its first instant');
    assert.equal(programAt(day, '2026-12-02T08:59:59.999+07:00'), MORNING, 'its last instant');
    assert.equal(programAt(day, '2026-12-02T09:00:00+07:00'), NEWS, 'the end is the next one’s start');
    assert.equal(programAt(day, '2026-12-02T09:30:00+07:00'), undefined, 'after the news, nothing');
  });

  it('lists what comes next, in order, without what is on now', () => {
    const next = nextAirings(day, at('2026-12-02T07:00:00+07:00'), 3);
    assert.deepEqual(
      next.map((a) => [a.programId, a.start.toISOString()]),
      [
        [NEWS, '2026-12-02T02:00:00.000Z'],
        [MORNING, '2026-12-02T23:00:00.000Z'],
        [NEWS, '2026-12-03T02:00:00.000Z'],
      ],
    );
  });

  it('keeps the weekday of each slot: no news on Saturday (5 December 2026)', () => {
    assert.equal(programAt(day, '2026-12-05T09:10:00+07:00'), undefined);
    assert.equal(programAt(day, '2026-12-07T09:10:00+07:00'), NEWS, 'Monday');
  });
});

describe('across midnight and the end of the week', () => {
  const late = jakarta([{ programId: LATE, days: [7], start: '23:00', minutes: 120 }]);

  it('keeps a Sunday 23:00 show on air on Monday at 00:30, and ends it at 01:00', () => {
    // 6 December 2026 is a Sunday.
    assert.equal(programAt(late, '2026-12-06T23:30:00+07:00'), LATE);
    assert.equal(programAt(late, '2026-12-07T00:30:00+07:00'), LATE, 'Monday, the week wrapped');
    assert.equal(programAt(late, '2026-12-07T01:00:00+07:00'), undefined);
    const [airing] = airingsBetween(late, at('2026-12-07T00:00:00+07:00'), at('2026-12-07T12:00:00+07:00'));
    assert.deepEqual(
      [airing?.start.toISOString(), airing?.end.toISOString()],
      ['2026-12-06T16:00:00.000Z', '2026-12-06T18:00:00.000Z'],
    );
  });

  it('finds the next one a week on', () => {
    const [next] = nextAirings(late, at('2026-12-07T02:00:00+07:00'), 1);
    assert.equal(next?.start.toISOString(), '2026-12-13T16:00:00.000Z');
  });
});

describe('one-off changes', () => {
  const slots: WeeklySlot[] = [
    { programId: MORNING, days: EVERY_DAY, start: '06:00', minutes: 180 },
    { programId: NEWS, days: EVERY_DAY, start: '09:00', minutes: 60 },
  ];

  it('puts a special on air, cutting the slots it overlaps', () => {
    const schedule = jakarta(slots, [
      {
        kind: 'special',
        programId: SPECIAL,
        startsAt: at('2026-12-02T08:00:00+07:00'),
        endsAt: at('2026-12-02T09:30:00+07:00'),
      },
    ]);
    const day = airingsBetween(schedule, at('2026-12-02T00:00:00+07:00'), at('2026-12-02T12:00:00+07:00'));
    assert.deepEqual(
      day.map((a) => [a.programId, a.start.toISOString(), a.end.toISOString(), a.isSpecial]),
      [
        [MORNING, '2026-12-01T23:00:00.000Z', '2026-12-02T01:00:00.000Z', false],
        [SPECIAL, '2026-12-02T01:00:00.000Z', '2026-12-02T02:30:00.000Z', true],
        [NEWS, '2026-12-02T02:30:00.000Z', '2026-12-02T03:00:00.000Z', false],
      ],
    );
    assert.equal(programAt(schedule, '2026-12-03T08:30:00+07:00'), MORNING, 'the next day is as usual');
  });

  it('airs a special without a program under its title, cutting the slot it overlaps', () => {
    const special = {
      kind: 'special' as const,
      programId: null,
      startsAt: at('2026-12-02T07:00:00+07:00'),
      endsAt: at('2026-12-02T08:00:00+07:00'),
    };
    const schedule = jakarta(slots, [{ ...special, title: 'Election Night' }]);
    const day = airingsBetween(schedule, at('2026-12-02T00:00:00+07:00'), at('2026-12-02T12:00:00+07:00'));
    assert.deepEqual(
      day.map((a) => [a.programId, a.title, a.start.toISOString(), a.end.toISOString(), a.isSpecial]),
      [
        [MORNING, undefined, '2026-12-01T23:00:00.000Z', '2026-12-02T00:00:00.000Z', false],
        [null, 'Election Night', '2026-12-02T00:00:00.000Z', '2026-12-02T01:00:00.000Z', true],
        [MORNING, undefined, '2026-12-02T01:00:00.000Z', '2026-12-02T02:00:00.000Z', false],
        [NEWS, undefined, '2026-12-02T02:00:00.000Z', '2026-12-02T03:00:00.000Z', false],
      ],
    );
    const on = onAirAt(schedule, at('2026-12-02T07:30:00+07:00'));
    assert.deepEqual(on && [on.programId, on.title, on.isSpecial], [null, 'Election Night', true]);
    // Without a title there is nothing to call it: the slot is only cut.
    const untitled = jakarta(slots, [{ ...special, title: ' ' }]);
    assert.equal(onAirAt(untitled, at('2026-12-02T07:30:00+07:00')), undefined);
    assert.equal(programAt(untitled, '2026-12-02T08:00:00+07:00'), MORNING);
  });

  it('takes a cancelled slot off the air, and only that program', () => {
    const schedule = jakarta(slots, [
      {
        kind: 'cancelled',
        programId: NEWS,
        startsAt: at('2026-12-02T00:00:00+07:00'),
        endsAt: at('2026-12-03T00:00:00+07:00'),
      },
    ]);
    assert.equal(programAt(schedule, '2026-12-02T09:15:00+07:00'), undefined);
    assert.equal(programAt(schedule, '2026-12-02T07:00:00+07:00'), MORNING);
    assert.equal(programAt(schedule, '2026-12-03T09:15:00+07:00'), NEWS);
    const stretch = jakarta(slots, [
      {
        kind: 'cancelled',
        programId: null,
        startsAt: at('2026-12-02T07:00:00+07:00'),
        endsAt: at('2026-12-02T07:30:00+07:00'),
      },
    ]);
    assert.equal(programAt(stretch, '2026-12-02T07:10:00+07:00'), undefined, 'off air');
    assert.equal(programAt(stretch, '2026-12-02T07:30:00+07:00'), MORNING, 'back after it');
  });
});

describe('daylight saving', () => {
  it('runs a London slot by the wall clock on the nights the clocks change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST. 25 October 2026: 02:00 BST becomes 01:00 GMT.
    const london: Schedule = {
      timeZone: 'Europe/London',
      slots: [{ programId: LATE, days: EVERY_DAY, start: '00:00', minutes: 180 }],
      changes: [],
    };
    const [spring] = airingsBetween(london, at('2026-03-29T00:00:00Z'), at('2026-03-29T00:01:00Z'));
    assert.deepEqual(
      [spring?.start.toISOString(), spring?.end.toISOString()],
      [
        '2026-03-29T00:00:00.000Z',
        '2026-03-29T02:00:00.000Z', // 03:00 BST: two hours long that night
      ],
    );
    const [autumn] = airingsBetween(london, at('2026-10-24T23:00:00Z'), at('2026-10-24T23:01:00Z'));
    assert.deepEqual(
      [autumn?.start.toISOString(), autumn?.end.toISOString()],
      [
        '2026-10-24T23:00:00.000Z', // 00:00 BST
        '2026-10-25T03:00:00.000Z', // 03:00 GMT: four hours long
      ],
    );
  });

  it('shows a Jakarta slot an hour later to a New York listener after their clocks go forward', () => {
    // 07:00 WIB every day is 00:00 UTC: 19:00 EST the evening before until 8 March 2026, then 20:00 EDT.
    const schedule = jakarta([{ programId: MORNING, days: EVERY_DAY, start: '07:00', minutes: 60 }]);
    const week = airingsBetween(schedule, at('2026-03-05T00:00:00Z'), at('2026-03-11T00:00:00Z'));
    const local = week.map((a) => {
      const text = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(a.start);
      return `${dayIn(a.start, 'America/New_York')} ${text}`;
    });
    assert.deepEqual(local, [
      '2026-03-04 19:00',
      '2026-03-05 19:00',
      '2026-03-06 19:00',
      '2026-03-07 19:00',
      '2026-03-08 20:00',
      '2026-03-09 20:00',
    ]);
  });
});
