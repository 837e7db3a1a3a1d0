// The per-address cap on reads: a script rotating its User-Agent from one address adds at most
// the configured number of reads to one story per window, readers sharing an address count up
// to it, and the address is the one WARTA_TRUST_PROXY decides (X-Forwarded-For otherwise ignored).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { READER_COOKIE } from '../core/http/cookies.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { ADDRESS_WINDOW_MS, AddressCap } from './address-cap.ts';

const CAP = 5;
const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;

let t: TestApp;
let proxied: TestApp;
let clock: Date;
before(async () => {
  // The longest flush interval: only an explicit flush() writes.
  const env = { WARTA_READS_FLUSH_INTERVAL_MS: '50000', WARTA_READS_PER_ADDRESS: String(CAP) };
  [t, proxied] = await Promise.all([createTestApp(env), createTestApp({ ...env, WARTA_TRUST_PROXY: '10.0.0.0/8' })]);
});
after(() => Promise.all([t.close(), proxied.close()]));
beforeEach(() => {
  clock = new Date();
  t.setNow(clock);
  proxied.setNow(clock);
});

interface Beacon {
  address: string;
  userAgent?: string;
  cookie?: string;
  forwardedFor?: string;
}

async function beacon(app: TestApp, id: number, b: Beacon): Promise<{ counted: boolean; reason?: string }> {
  const res = await app.app.inject({
    method: 'POST',
    url: `/api/reads/${id}`,
    remoteAddress: b.address,
    headers: {
      'user-agent': b.userAgent ?? browser(0),
      ...(b.cookie ? { cookie: b.cookie } : {}),
      ...(b.forwardedFor ? { 'x-forwarded-for': b.forwardedFor } : {}),
    },
  });
  assert.equal(res.statusCode, 200, 'a capped read is answered as usual');
  return res.json();
}

/** How many of the requests counted. */
async function countedOf(app: TestApp, id: number, requests: Beacon[]): Promise<number> {
  let counted = 0;
  for (const r of requests) if ((await beacon(app, id, r)).counted) counted++;
  return counted;
}

/** A flood of cookie-less requests from one address, each with a User-Agent never seen before. */
const flood = (n: number, b: Omit<Beacon, 'userAgent'>, from = 0): Beacon[] =>
  Array.from({ length: n }, (_, i) => ({ ...b, userAgent: browser(from + i) }));

/** A reader's cookie, as the beacon sets it: got by reading another story from an address of their own. */
async function readerCookie(app: TestApp, n: number): Promise<string> {
  const elsewhere = await makeArticle(app.db);
  const res = await app.app.inject({
    method: 'POST',
    url: `/api/reads/${elsewhere.id}`,
    remoteAddress: `192.0.2.${n}`,
    headers: { 'user-agent': browser(n) },
  });
  const cookie = res.cookies.find((c) => c.name === READER_COOKIE);
  assert.ok(cookie, 'the beacon sets the reader cookie');
  return `${READER_COOKIE}=${cookie.value}`;
}

async function storedHits(app: TestApp, id: number): Promise<number> {
  await app.app.readCounter.flush();
  const row = await app.db.selectFrom('articles').select('hit_count').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(row.hit_count);
}

describe('AddressCap', () => {
  it('allows the limit per address and article in a window, then again in the next', () => {
    const cap = new AddressCap(2, 1000);
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => cap.take('203.0.113.1', 1, i)),
      [true, true, false, false],
    );
    assert.equal(cap.take('203.0.113.1', 2, 5), true, 'another article');
    assert.equal(cap.take('203.0.113.2', 1, 5), true, 'another address');
    assert.equal(cap.take('203.0.113.1', 1, 999), false);
    assert.equal(cap.take('203.0.113.1', 1, 1000), true, 'the window has passed');
  });

  it('treats an IPv6 /64 as one address', () => {
    const cap = new AddressCap(2, 1000);
    assert.equal(cap.take('2001:db8:5:6::1', 1, 0), true);
    assert.equal(cap.take('2001:db8:5:6:abcd::9', 1, 0), true);
    assert.equal(cap.take('2001:db8:5:6::2', 1, 0), false);
    assert.equal(cap.take('2001:db8:5:7::1', 1, 0), true, 'the next /64');
  });

  it('holds at most its maximum of windows, dropping expired and then the oldest', () => {
    const cap = new AddressCap(1, 1000, 3);
    for (let i = 0; i < 10; i++) cap.take(`198.51.100.${i}`, 1, i);
    assert.equal(cap.size, 3);
    cap.take('198.51.100.99', 1, 2000);
    assert.equal(cap.size, 1, 'expired windows go');
  });
});

describe('reads from one address', () => {
  it('caps a User-Agent-rotating flood at exactly the configured number per story', async () => {
    const a = await makeArticle(t.db, { hit_count: 100 });
    const answers = [];
    for (const r of flood(40, { address: '203.0.113.10' })) answers.push(await beacon(t, a.id, r));
    assert.equal(answers.filter((x) => x.counted).length, CAP);
    assert.ok(answers.slice(CAP).every((x) => x.reason === 'address_cap'));
    assert.equal(await storedHits(t, a.id), 100 + CAP);
  });

  it('still counts another story from that address, and the same story from another address', async () => {
    const a = await makeArticle(t.db);
    const b = await makeArticle(t.db);
    assert.equal(await countedOf(t, a.id, flood(10, { address: '203.0.113.11' })), CAP);
    assert.equal(await countedOf(t, b.id, flood(10, { address: '203.0.113.11' })), CAP);
    assert.equal(await countedOf(t, a.id, flood(10, { address: '203.0.113.12' })), CAP);
    assert.equal(await storedHits(t, a.id), 2 * CAP);
  });

  it('counts again once the window has passed', async () => {
    const a = await makeArticle(t.db);
    const address = '203.0.113.13';
    assert.equal(await countedOf(t, a.id, flood(10, { address })), CAP);
    t.setNow(new Date(clock.getTime() + ADDRESS_WINDOW_MS - 1000));
    assert.equal(await countedOf(t, a.id, flood(3, { address }, 100)), 0);
    t.setNow(new Date(clock.getTime() + ADDRESS_WINDOW_MS + 1000));
    assert.equal(await countedOf(t, a.id, flood(10, { address }, 200)), CAP);
    assert.equal(await storedHits(t, a.id), 2 * CAP);
  });

  it('counts readers with cookies behind one address up to the cap; a reload does not use it up', async () => {
    const a = await makeArticle(t.db);
    const address = '203.0.113.14';
    const readers = [];
    for (let i = 0; i < CAP + 2; i++)
      readers.push({ address, userAgent: browser(i), cookie: await readerCookie(t, i + 1) });
    const first = await beacon(t, a.id, readers[0]!);
    assert.equal(first.counted, true);
    assert.equal((await beacon(t, a.id, readers[0]!)).reason, 'repeat');
    const rest = [];
    for (const r of readers.slice(1)) rest.push(await beacon(t, a.id, r));
    assert.deepEqual(
      rest.map((x) => x.reason ?? 'counted'),
      [...Array<string>(CAP - 1).fill('counted'), 'address_cap', 'address_cap'],
    );
    // A capped reader was not remembered as having read: once the window passes, they count.
    t.setNow(new Date(clock.getTime() + ADDRESS_WINDOW_MS + 1000));
    assert.equal((await beacon(t, a.id, readers[CAP + 1]!)).counted, true);
    assert.equal((await beacon(t, a.id, readers[1]!)).reason, 'repeat', 'within 30 minutes of their read');
  });

  it('caps an IPv6 /64 as one address', async () => {
    const a = await makeArticle(t.db);
    const requests = flood(10, { address: '2001:db8:5:6::1' }).map((r, i) => ({
      ...r,
      address: `2001:db8:5:6::${i + 1}`,
    }));
    assert.equal(await countedOf(t, a.id, requests), CAP);
    assert.equal(await countedOf(t, a.id, flood(1, { address: '2001:db8:5:7::1' })), 1);
  });
});

describe('the address behind a proxy', () => {
  it('ignores X-Forwarded-For when WARTA_TRUST_PROXY is off', async () => {
    const a = await makeArticle(t.db);
    const requests = flood(10, { address: '203.0.113.15' }).map((r, i) => ({ ...r, forwardedFor: `198.51.100.${i}` }));
    assert.equal(await countedOf(t, a.id, requests), CAP);
  });

  it('caps each client a listed proxy names, and ignores the header from an unlisted peer', async () => {
    const a = await makeArticle(proxied.db);
    const viaProxy = flood(10, { address: '10.0.0.5' }).map((r, i) => ({ ...r, forwardedFor: `198.51.100.${i}` }));
    assert.equal(await countedOf(proxied, a.id, viaProxy), 10, 'ten readers behind the proxy');
    const sameClient = flood(10, { address: '10.0.0.5', forwardedFor: '198.51.100.77' }, 100);
    assert.equal(await countedOf(proxied, a.id, sameClient), CAP);
    const direct = flood(10, { address: '192.0.2.50' }, 200).map((r, i) => ({
      ...r,
      forwardedFor: `198.51.100.${100 + i}`,
    }));
    assert.equal(await countedOf(proxied, a.id, direct), CAP, 'a peer that is not a listed proxy is the client');
  });
});
