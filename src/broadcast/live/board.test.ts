// The live board on its own, with a made-up radio and stream server: what is on air and when that
// next changes, and which stream answers make pages purge (a change of state, not of title).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StreamStatus } from '../stream-status.ts';
import { LiveBoard } from './board.ts';
import type { LiveChannel, StatusSource } from './queries.ts';

const at = (iso: string) => new Date(iso);

function channel(id: number, edition: string, status?: StatusSource): LiveChannel {
  return {
    id,
    edition,
    slug: `channel-${id}`,
    name: `Channel ${id}`,
    description: '',
    timeZone: 'UTC',
    streams: [{ url: `https://radio.example/${id}.mp3`, format: 'mp3' }],
    ...(status ? { status } : {}),
    programs: new Map([
      [1, { id: 1, slug: 'breakfast', title: 'Breakfast' }],
      [2, { id: 2, slug: 'news-hour', title: 'News Hour' }],
    ]),
    schedule: {
      timeZone: 'UTC',
      slots: [
        { programId: 1, days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', minutes: 180 },
        { programId: 2, days: [1, 2, 3, 4, 5, 6, 7], start: '12:00', minutes: 60 },
      ],
      changes: [],
    },
  };
}

function boardOf(channels: LiveChannel[], answers: Map<string, StreamStatus>, now: { value: Date }) {
  const asked: string[] = [];
  const changed: string[][] = [];
  const board = new LiveBoard({
    load: async () => channels,
    now: () => now.value,
    check: async (source) => {
      asked.push(source.url);
      return answers.get(source.url) ?? { state: 'unreachable', checkedAt: new Date() };
    },
    statusTtlMs: 60_000,
    tickMs: 60_000,
    onStateChanged: (editions) => changed.push([...editions]),
    onError: (error) => assert.fail(String(error)),
  });
  return { board, asked, changed };
}

describe('LiveBoard', () => {
  it('tells the airing on now, the next ones, and the boundary when that changes', async () => {
    const now = { value: at('2030-01-07T08:59:00Z') };
    const { board } = boardOf([channel(1, 'en')], new Map(), now);
    await board.reload();
    const [en] = board.channelsOf('en');
    assert.ok(en);
    const before = board.lineupOf(en, now.value);
    assert.equal(before.now?.title, 'Breakfast');
    assert.deepEqual(
      before.next.map((a) => [a.title, a.start.toISOString()]),
      [
        ['News Hour', '2030-01-07T12:00:00.000Z'],
        ['Breakfast', '2030-01-08T06:00:00.000Z'],
        ['News Hour', '2030-01-08T12:00:00.000Z'],
      ],
    );
    assert.equal(before.changesAt?.toISOString(), '2030-01-07T09:00:00.000Z');
    assert.deepEqual(board.changesAfter(now.value), [{ edition: 'en', at: at('2030-01-07T09:00:00Z') }]);

    // The slot's end belongs to what follows: nothing, until noon.
    const gap = board.lineupOf(en, at('2030-01-07T09:00:00Z'));
    assert.equal(gap.now, undefined);
    assert.equal(gap.changesAt?.toISOString(), '2030-01-07T12:00:00.000Z');
    // Earlier again (a clock moved back): worked out anew, not the kept answer.
    assert.equal(board.lineupOf(en, at('2030-01-07T07:00:00Z')).now?.title, 'Breakfast');
    assert.deepEqual(board.channelsOf('id'), []);
  });

  it('reports an edition when a stream goes on or off air, not when its title changes', async () => {
    const now = { value: at('2030-01-07T07:00:00Z') };
    const answers = new Map<string, StreamStatus>();
    const source = { kind: 'icecast', url: 'http://127.0.0.1:1/live.mp3' } as const;
    const { board, asked, changed } = boardOf([channel(1, 'en', source), channel(2, 'id')], answers, now);
    await board.reload();
    await board.checkStreams();
    const [en] = board.channelsOf('en');
    const [id] = board.channelsOf('id');
    assert.ok(en && id);
    assert.equal(board.statusOf(id).state, 'unknown', 'no status source: never asked');
    assert.deepEqual(asked, [source.url]);
    assert.equal(board.statusOf(en).state, 'unreachable');
    assert.deepEqual(changed, [['en']]);

    answers.set(source.url, { state: 'on_air', title: 'First song', checkedAt: new Date() });
    await board.checkStreams();
    assert.equal(board.statusOf(en).state, 'unreachable', 'kept for the TTL');
    await board.checkStreams({ fresh: true });
    assert.deepEqual([board.statusOf(en).state, board.statusOf(en).title], ['on_air', 'First song']);
    assert.deepEqual(changed, [['en'], ['en']]);

    answers.set(source.url, { state: 'on_air', title: 'Second song', checkedAt: new Date() });
    await board.checkStreams({ fresh: true });
    assert.equal(board.statusOf(en).title, 'Second song');
    assert.equal(changed.length, 2, 'a new title purges nothing');

    answers.set(source.url, { state: 'off_air', checkedAt: new Date() });
    await board.checkStreams({ fresh: true });
    assert.deepEqual(changed, [['en'], ['en'], ['en']]);
  });

  it('asks each stream server once for callers at the same time', async () => {
    const source = { kind: 'azuracast', url: 'https://radio.example/api/nowplaying/1' } as const;
    const { board, asked } = boardOf([channel(1, 'en', source), channel(2, 'en', source)], new Map(), {
      value: at('2030-01-07T07:00:00Z'),
    });
    await board.reload();
    await Promise.all([board.checkStreams(), board.checkStreams(), board.checkStreams()]);
    assert.equal(asked.length, 1);
    board.close();
  });
});
