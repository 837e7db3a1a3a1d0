// The benchmark's request plans: a timed run continued from an offset never repeats a vote or a
// read, and wrk's script sends what autocannon sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luaScriptFor, requestAt, type RequestPlan } from './requests.ts';

const plan: RequestPlan = {
  method: 'POST',
  paths: ['/en/news/ratings/1', '/en/news/ratings/2', '/id/news/ratings/3'],
  cookies: ['v=a', 'v=b', 'v=c', 'v=d'],
  bodies: ['{"rating":"1"}', '{"rating":"2"}'],
  headers: { origin: 'http://127.0.0.1:1' },
  isFromManyAddresses: true,
};

describe('request plans', () => {
  it('gives every request a new (cookie, path) pair and its own address until the pairs run out', () => {
    const pairs = new Set<string>();
    const addresses = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = requestAt(plan, i);
      pairs.add(`${r.headers.cookie} ${r.path}`);
      addresses.add(r.headers['x-forwarded-for']!);
      assert.equal(r.headers.origin, 'http://127.0.0.1:1');
      assert.equal(r.body, plan.bodies![i % 2]);
    }
    assert.equal(pairs.size, 12);
    assert.equal(addresses.size, 12);
    assert.equal(requestAt(plan, 65_537).headers['x-forwarded-for'], '10.1.0.1');
  });

  it('cycles through the paths of a cookie-less GET plan', () => {
    const pages: RequestPlan = { method: 'GET', paths: ['/en', '/id'], headers: {} };
    assert.deepEqual(
      [0, 1, 2].map((i) => requestAt(pages, i).path),
      ['/en', '/id', '/en'],
    );
    assert.equal(requestAt(pages, 0).headers.cookie, undefined);
    assert.equal(requestAt(pages, 0).body, undefined);
  });

  it('writes a wrk script that starts at the offset and quotes every value as a Lua string', () => {
    const lua = luaScriptFor({ ...plan, headers: { 'x-test': 'a "quoted"\\value' } }, 1234);
    assert.match(lua, /^local i = 1234$/m);
    assert.ok(lua.includes('"x-test"] = "a \\"quoted\\"\\\\value"'), lua);
    assert.ok(lua.includes('"/id/news/ratings/3"'));
    assert.ok(lua.includes('"{\\"rating\\":\\"2\\"}"'));
    assert.match(lua, /^done = function/m);
  });

  it('holds the first request of each connection only when asked to', () => {
    assert.doesNotMatch(luaScriptFor(plan, 0), /^delay = function/m);
    const lua = luaScriptFor(plan, 0, { connections: 50, seconds: 1 });
    assert.match(lua, /^delay = function/m);
    assert.match(lua, /if held < 50 then/);
    assert.match(lua, /return 1000\n/);
  });
});
