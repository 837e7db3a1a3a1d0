// Stream status from a real Icecast (Debian's icecast2, a tone from ffmpeg): on air with the
// title the playout system set, off air for a mount without a source, and "unreachable" for a
// closed port, a server that never answers, a status page that is not JSON or is too large;
// the cache asks a server once per period however many pages ask.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  missingStreamTools,
  startIcecast,
  startTone,
  type Icecast,
  type ToneSource,
} from '../../test/helpers/icecast.ts';
import { freePort } from '../../test/helpers/serve-process.ts';
import { azuracastStatus, icecastStatus, StreamStatusCache } from './stream-status.ts';

const MISSING = missingStreamTools();
const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
if (MISSING && IS_CI) throw new Error(`the stream tests need them under CI: ${MISSING}`);

const options = { timeoutMs: 2_000, now: () => new Date() };

describe('the status of an Icecast stream', { skip: MISSING ?? false }, () => {
  let icecast: Icecast;
  let tone: ToneSource;

  before(
    async () => {
      icecast = await startIcecast();
      tone = await startTone(icecast, '/live.mp3');
    },
    { timeout: 60_000 },
  );
  after(async () => {
    await tone?.stop();
    await icecast?.stop();
  });

  it('is on air, with the title the playout system set', async () => {
    await icecast.setTitle('/live.mp3', 'Morning Journal with Sari');
    // Icecast applies a new title a moment later.
    let status = await icecastStatus(`${icecast.baseUrl}/live.mp3`, options);
    for (const end = Date.now() + 10_000; status.title === undefined && Date.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await icecastStatus(`${icecast.baseUrl}/live.mp3`, options);
    }
    assert.equal(status.state, 'on_air');
    assert.equal(status.title, 'Morning Journal with Sari');
    assert.equal(typeof status.listeners, 'number');
  });

  it('is off air for a mount with no source', async () => {
    const status = await icecastStatus(`${icecast.baseUrl}/other.mp3`, options);
    assert.equal(status.state, 'off_air');
    assert.equal(status.title, undefined);
  });

  it('goes off air when the source stops', async () => {
    const second = await startTone(icecast, '/second.mp3');
    assert.equal((await icecastStatus(`${icecast.baseUrl}/second.mp3`, options)).state, 'on_air');
    await second.stop();
    let state = 'on_air';
    for (const end = Date.now() + 10_000; state === 'on_air' && Date.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await icecastStatus(`${icecast.baseUrl}/second.mp3`, options)).state;
    }
    assert.equal(state, 'off_air');
  });
});

describe('a stream server that does not answer properly', () => {
  it('is unreachable when nothing listens on the port', async () => {
    const port = await freePort();
    assert.equal((await icecastStatus(`http://127.0.0.1:${port}/live.mp3`, options)).state, 'unreachable');
  });

  it('is unreachable after the timeout when the server never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const status = await icecastStatus(`http://127.0.0.1:${port}/live.mp3`, { ...options, timeoutMs: 300 });
      assert.equal(status.state, 'unreachable');
      assert.ok(Date.now() - started < 5_000, 'the timeout ends the wait');
    } finally {
      silent.close();
    }
  });

  it('is unreachable for a page that is not JSON, too large, or an error; a bad URL too', async () => {
    const replies: Record<string, (res: http.ServerResponse) => void> = {
      '/html/live.mp3': (res) => res.end('<html>not json</html>'),
      '/huge/live.mp3': (res) => res.end(`{"icestats":{"x":"${'a'.repeat(600 * 1024)}"}}`),
      '/error/live.mp3': (res) => res.writeHead(500).end('{}'),
    };
    let asked = '';
    const server = http.createServer((req, res) => {
      asked = req.url ?? '';
      res.setHeader('content-type', 'application/json');
      // Every path's status page is the origin's: the test server answers by the last stream asked.
      replies[current]!(res);
    });
    let current = '';
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      for (const path of Object.keys(replies)) {
        current = path;
        const status = await icecastStatus(`http://127.0.0.1:${port}${path}`, options);
        assert.equal(status.state, 'unreachable', path);
        assert.equal(asked, '/status-json.xsl', 'only the status page is asked for');
      }
    } finally {
      server.close();
    }
    assert.equal((await icecastStatus('not a url', options)).state, 'unreachable');
  });
});

describe('the status of an AzuraCast station', () => {
  /** Serves one now-playing answer (AzuraCast's shape, trimmed to what is read). */
  async function station(body: unknown, status = 200) {
    const server = http.createServer((req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    return { url: `http://127.0.0.1:${port}/api/nowplaying/warta_en`, close: () => server.close() };
  }
  const online = {
    station: { shortcode: 'warta_en', listen_url: 'https://radio.example/listen/warta_en/radio.mp3' },
    listeners: { total: 12, unique: 9, current: 12 },
    live: { is_live: false, streamer_name: '', broadcast_start: null },
    now_playing: {
      song: { text: 'Gamelan Ensemble - Morning Raga', artist: 'Gamelan Ensemble', title: 'Morning Raga' },
    },
    is_online: true,
  };

  it('is on air with the song playing and the listeners', async () => {
    const s = await station(online);
    try {
      const status = await azuracastStatus(s.url, options);
      assert.deepEqual(
        [status.state, status.title, status.listeners],
        ['on_air', 'Gamelan Ensemble - Morning Raga', 12],
      );
    } finally {
      s.close();
    }
  });

  it('names the live presenter when a streamer is on', async () => {
    const s = await station({ ...online, live: { is_live: true, streamer_name: 'Sari at the Jakarta desk' } });
    try {
      assert.equal((await azuracastStatus(s.url, options)).title, 'Sari at the Jakarta desk');
    } finally {
      s.close();
    }
  });

  it('is off air when the station is offline, unreachable when the answer is not AzuraCast’s', async () => {
    for (const [body, code, expected] of [
      [{ ...online, is_online: false }, 200, 'off_air'],
      [{ message: 'Station not found' }, 404, 'unreachable'],
      [{ hello: 'world' }, 200, 'unreachable'],
      [null, 200, 'unreachable'],
    ] as const) {
      const s = await station(body, code);
      try {
        assert.equal((await azuracastStatus(s.url, options)).state, expected, JSON.stringify(body));
      } finally {
        s.close();
      }
    }
  });
});

describe('the status cache', () => {
  it('asks once per period, and once for callers asking at the same time', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    let checks = 0;
    const cache = new StreamStatusCache({
      ttlMs: 15_000,
      now: () => new Date(now),
      check: async () => {
        checks++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { state: 'on_air', title: `check ${checks}`, checkedAt: new Date(now) };
      },
    });
    const url = 'http://radio.example/live.mp3';
    const together = await Promise.all(Array.from({ length: 50 }, () => cache.get(url)));
    assert.equal(checks, 1);
    assert.ok(together.every((s) => s.title === 'check 1'));
    now += 14_000;
    assert.equal((await cache.get(url)).title, 'check 1');
    now += 2_000;
    assert.equal((await cache.get(url)).title, 'check 2');
    assert.equal(checks, 2);
    cache.retain([]);
    assert.equal((await cache.get(url)).title, 'check 3', 'a forgotten stream is asked again');
  });
});
