// The radio forms' reading and checking, and the schedule checks editors see: pure functions,
// no database. Overlaps across midnight and the week's wrap, row buttons, every problem by field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkChange } from './change-form.ts';
import { blankChannel, checkChannel, rearrangeStreams, type ChannelValues } from './channel-form.ts';
import { isPodcastCategory, podcastCategoryPath } from './podcast-categories.ts';
import { blankProgram, checkProgram, rearrangeProgram, readProgramForm } from './program-form.ts';
import { airingsWithTitles, byDay, overlapsOf, slotsOverlap, weekFrom } from './week.ts';

const channel = (extra: Partial<ChannelValues>): ChannelValues => ({
  ...blankChannel('en'),
  name: 'Warta',
  streams: ['https://radio.example/live.mp3'],
  ...extra,
});

describe('weekly slot overlaps', () => {
  it('finds slots on air at the same minute, not those that only touch', () => {
    const morning = { days: [1, 2, 3] as const, start: '06:00', minutes: 180 };
    assert.equal(slotsOverlap(morning, { days: [2], start: '08:30', minutes: 30 }), true);
    assert.equal(slotsOverlap(morning, { days: [2], start: '09:00', minutes: 30 }), false);
    assert.equal(slotsOverlap(morning, { days: [4], start: '07:00', minutes: 30 }), false);
  });

  it('follows a slot past midnight and past the end of the week', () => {
    const late = { days: [7] as const, start: '23:00', minutes: 120 };
    assert.equal(slotsOverlap(late, { days: [1], start: '00:30', minutes: 30 }), true, 'Sunday night into Monday');
    assert.equal(slotsOverlap(late, { days: [1], start: '01:00', minutes: 30 }), false);
  });

  it('names the rows and the other programs a slot overlaps', () => {
    const rows = [
      { days: [1] as const, start: '06:00', minutes: 60 },
      undefined,
      { days: [1] as const, start: '06:30', minutes: 60 },
    ];
    const others = [{ title: 'News', days: [1] as const, start: '07:00', minutes: 30 }];
    const found = overlapsOf(rows, others);
    assert.deepEqual(found[0], [{ row: 3 }]);
    assert.deepEqual(found[1], []);
    assert.deepEqual(found[2], [{ row: 1 }, { other: others[0] }]);
  });
});

describe('the week ahead', () => {
  it('lays out airings by day in the channel’s zone, with a special that has no program', () => {
    const now = new Date('2026-12-02T01:00:00Z'); // Wednesday 08:00 in Jakarta
    const { from, to } = weekFrom(now, 'Asia/Jakarta');
    assert.equal(from.toISOString(), '2026-12-01T17:00:00.000Z');
    const schedule = {
      timeZone: 'Asia/Jakarta',
      slots: [{ programId: 1, days: [1, 2, 3, 4, 5, 6, 7] as const, start: '06:00', minutes: 120 }],
      changes: [
        {
          kind: 'special' as const,
          programId: null,
          startsAt: new Date('2026-12-03T00:00:00Z'),
          endsAt: new Date('2026-12-03T00:30:00Z'),
          title: 'Election night',
        },
      ],
    };
    const items = airingsWithTitles(schedule, new Map([[1, 'Pagi']]), from, to);
    const days = byDay(items, 'Asia/Jakarta', from, 7);
    assert.equal(days.length, 7);
    assert.equal(days[0]!.date, '2026-12-02');
    assert.deepEqual(
      days[1]!.items.map((i) => [i.title, i.start.toISOString(), i.end.toISOString(), i.isSpecial]),
      [
        ['Pagi', '2026-12-02T23:00:00.000Z', '2026-12-03T00:00:00.000Z', false],
        ['Election night', '2026-12-03T00:00:00.000Z', '2026-12-03T00:30:00.000Z', true],
        ['Pagi', '2026-12-03T00:30:00.000Z', '2026-12-03T01:00:00.000Z', false],
      ],
    );
  });
});

describe('the channel form', () => {
  it('takes a good channel', () => {
    const checked = checkChannel(channel({ streams: ['https://radio.example/a.m3u8', '', ' '] }));
    assert.deepEqual(checked.input?.streams, [{ url: 'https://radio.example/a.m3u8' }]);
    assert.equal(checked.input?.timeZone, 'Asia/Jakarta');
  });

  it('puts every problem by its field', () => {
    const { problems } = checkChannel(
      channel({
        name: ' ',
        timeZone: 'Mars/Olympus',
        streams: ['javascript:alert(1)', 'ftp://x.example/a.mp3', 'https://ok.example/a.mp3'],
        statusSource: 'azuracast',
        position: 'first',
        artworkMediaId: '12x',
      }),
    );
    assert.deepEqual(
      [...(problems?.keys() ?? [])].sort(),
      ['featuredMediaId', 'name', 'position', 'statusUrl', 'stream-0', 'stream-1', 'timeZone'].sort(),
    );
    assert.deepEqual([...(checkChannel(channel({ streams: ['', ''] })).problems?.keys() ?? [])], ['stream-0']);
    assert.ok(checkChannel(channel({ statusSource: 'shoutcast' })).problems?.has('statusSource'));
  });

  it('moves, removes and adds stream rows', () => {
    const values = channel({ streams: ['a', 'b', 'c'] });
    assert.deepEqual(rearrangeStreams(values, { kind: 'up', index: 2 }).streams, ['a', 'c', 'b']);
    assert.deepEqual(rearrangeStreams(values, { kind: 'down', index: 2 }).streams, ['a', 'b', 'c']);
    assert.deepEqual(rearrangeStreams(values, { kind: 'remove', index: 0 }).streams, ['b', 'c']);
    assert.deepEqual(rearrangeStreams(values, { kind: 'add-stream' }).streams, ['a', 'b', 'c', '']);
    assert.deepEqual(rearrangeStreams(channel({ streams: ['a'] }), { kind: 'remove', index: 0 }).streams, ['']);
  });
});

describe('the program form', () => {
  const choices = { channelIds: [4], hostIds: [7, 8] };
  const read = (pairs: [string, string][]) => readProgramForm(Object.fromEntries(groupPairs(pairs))).values;

  /** Repeated names as arrays, as the form parser gives them. */
  function groupPairs(pairs: [string, string][]): [string, string | string[]][] {
    const map = new Map<string, string[]>();
    for (const [k, v] of pairs) map.set(k, [...(map.get(k) ?? []), v]);
    return [...map].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]);
  }

  it('reads slots and hosts by row and takes a browser’s seconds', () => {
    const values = read([
      ['channelId', '4'],
      ['title', 'Pagi'],
      ['hostCount', '2'],
      ['host-0', '8'],
      ['host-1', '7'],
      ['slotCount', '2'],
      ['slot-0-day', '1'],
      ['slot-0-day', '3'],
      ['slot-0-start', '06:00:00'],
      ['slot-0-minutes', '90'],
      ['slot-1-start', ''],
      ['slot-1-minutes', ''],
    ]);
    const { input } = checkProgram(values, choices);
    assert.deepEqual(input?.hostIds, [8, 7]);
    assert.deepEqual(input?.slots, [{ days: [1, 3], start: '06:00', minutes: 90 }]);
  });

  it('refuses bad times, days, hosts and categories, each by its row', () => {
    const values = {
      ...blankProgram('4'),
      title: 'Pagi',
      hosts: ['7', '7', '99'],
      slots: [
        { days: ['1'], start: '25:00', minutes: '60' },
        { days: ['8'], start: '06:00', minutes: '1441' },
        { days: [], start: '06:00', minutes: '60' },
      ],
      podcastCategory: 'Cats',
    };
    const { problems } = checkProgram(values, choices);
    assert.deepEqual(
      [...(problems?.keys() ?? [])].sort(),
      ['host-1', 'host-2', 'podcastCategory', 'slot-0-start', 'slot-1-days', 'slot-1-minutes', 'slot-2-days'].sort(),
    );
    assert.ok(checkProgram({ ...blankProgram('5'), title: 'X' }, choices).problems?.has('channelId'));
  });

  it('adds and removes rows', () => {
    const values = { ...blankProgram('4'), slots: [{ days: ['1'], start: '06:00', minutes: '60' }] };
    assert.equal(rearrangeProgram(values, { kind: 'add-slot' }).slots.length, 2);
    assert.equal(rearrangeProgram(values, { kind: 'remove-slot', index: 0 }).slots[0]!.start, '');
    assert.equal(rearrangeProgram(values, { kind: 'add-host' }).hosts.length, values.hosts.length + 1);
  });
});

describe('the schedule change form', () => {
  const base = {
    kind: 'special',
    programId: '',
    note: 'Election night',
    startsAt: '2026-12-03T19:00',
    endsAt: '2026-12-03T21:00',
  };

  it('reads times in the site zone', () => {
    const { input } = checkChange(base, [3], 'Asia/Jakarta');
    assert.equal(input?.startsAt.toISOString(), '2026-12-03T12:00:00.000Z');
    assert.equal(input?.programId, null);
  });

  it('refuses a special with neither program nor title, bad and backwards times, a week and more', () => {
    assert.ok(checkChange({ ...base, note: '' }, [3], 'Asia/Jakarta').problems?.has('note'));
    assert.ok(checkChange({ ...base, startsAt: '2026-12-03 19:00' }, [3], 'Asia/Jakarta').problems?.has('startsAt'));
    assert.ok(checkChange({ ...base, endsAt: '2026-12-03T18:00' }, [3], 'Asia/Jakarta').problems?.has('endsAt'));
    assert.ok(checkChange({ ...base, endsAt: '2026-12-11T18:00' }, [3], 'Asia/Jakarta').problems?.has('endsAt'));
    assert.ok(checkChange({ ...base, programId: '4' }, [3], 'Asia/Jakarta').problems?.has('programId'));
    assert.ok(checkChange({ ...base, kind: 'moved' }, [3], 'Asia/Jakarta').problems?.has('kind-special'));
  });
});

describe('Apple’s podcast categories', () => {
  it('knows top-level names and subcategories with their parent', () => {
    assert.deepEqual(podcastCategoryPath('Daily News'), ['News', 'Daily News']);
    assert.deepEqual(podcastCategoryPath('True Crime'), ['True Crime']);
    assert.equal(isPodcastCategory('Cats'), false);
    assert.equal(isPodcastCategory(''), false);
  });
});
