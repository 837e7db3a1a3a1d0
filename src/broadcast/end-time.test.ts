// An airing's end at midnight reads 24:00 on every page and in every script that prints times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEnd } from './end-time.ts';
import { airingClock } from './live/times.ts';
import { endClockTime, slotTimes } from './programs/time-text.ts';

const clock = (locale: string, timeZone = 'Asia/Jakarta') =>
  new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// 2026-12-02 00:00 and 00:30 in Jakarta (UTC+7).
const MIDNIGHT = new Date('2026-12-01T17:00:00Z');
const HALF_PAST = new Date('2026-12-01T17:30:00Z');

describe('an airing end', () => {
  it('reads 24:00 at midnight, in each edition’s own style', () => {
    assert.equal(formatEnd(MIDNIGHT, clock('en')), '24:00');
    assert.equal(formatEnd(MIDNIGHT, clock('id')), '24.00');
    assert.equal(formatEnd(MIDNIGHT, clock('ar')), clock('ar').format(MIDNIGHT).replace(/00/, '24'));
  });

  it('keeps every other time as the clock writes it, 00:30 included', () => {
    assert.equal(formatEnd(HALF_PAST, clock('en')), '00:30');
    assert.equal(formatEnd(new Date('2026-12-01T03:00:00Z'), clock('en')), '10:00');
  });

  it('is midnight in the clock’s zone, not in UTC', () => {
    assert.equal(formatEnd(MIDNIGHT, clock('en', 'UTC')), '17:00');
    assert.equal(formatEnd(new Date('2026-12-02T00:00:00Z'), clock('en', 'UTC')), '24:00');
  });

  it('leaves a time with its weekday alone (the day would be the wrong one)', () => {
    const withDay = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Jakarta',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    assert.equal(formatEnd(MIDNIGHT, withDay), 'Wed 00:00');
  });

  it('prints weekly slots and airings to the end of the day and around the clock', () => {
    assert.equal(slotTimes({ start: '00:00', minutes: 1440 }, 'en'), '00:00–24:00');
    assert.equal(slotTimes({ start: '22:00', minutes: 120 }, 'en'), '22:00–24:00');
    assert.equal(slotTimes({ start: '23:00', minutes: 90 }, 'en'), '23:00–00:30');
    assert.equal(endClockTime(MIDNIGHT, 'en', 'Asia/Jakarta'), '24:00');
    assert.equal(airingClock('en', 'Asia/Jakarta').endTime(MIDNIGHT), '24:00');
    assert.equal(airingClock('en', 'Asia/Jakarta').time(MIDNIGHT), '00:00');
  });
});
