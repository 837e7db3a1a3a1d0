// Setup, sign-in, sign-out, sessions, form tokens and the limiter, through HTTP on a test app.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { form, sessionCookie, signedIn } from '../../test/helpers/newsroom.ts';
import { createUser } from '../users/index.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { IDLE_MS } from './sessions.ts';

const ORIGIN = 'https://warta.test';
const PASSWORD = 'correct horse battery staple 42';

/** The pre-sign-in form of a page: its hidden token and the signed cookie that goes with it. */
async function formOf(
  t: TestApp,
  url: string,
): Promise<{ token: string; cookie: string; page: LightMyRequestResponse }> {
  const page = await t.app.inject({ url });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = page.cookies.find((c) => c.name.endsWith('warta_form'));
  assert.ok(token && cookie, `${url} has a form token`);
  return { token, cookie: `${cookie.name}=${cookie.value}`, page };
}

async function postSignIn(t: TestApp, email: string, password: string, address = '203.0.113.7') {
  const { token, cookie } = await formOf(t, '/newsroom/sign-in');
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress: address,
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ csrfToken: token }, { email, password }),
  });
}

describe('first start: the one-time setup form', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  test('with no account, /newsroom leads to setup, which creates one admin and signs them in', async () => {
    const first = await t.app.inject({ url: '/newsroom' });
    assert.equal(first.statusCode, 303);
    assert.match(first.headers.location as string, /^\/newsroom\/sign-in/);
    const signIn = await t.app.inject({ url: '/newsroom/sign-in' });
    assert.equal(signIn.headers.location, '/newsroom/setup');

    const { token, cookie } = await formOf(t, '/newsroom/setup');
    const headers = { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
    const weak = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      headers,
      payload: form(
        { csrfToken: token },
        { name: 'Ada', email: 'ada@warta.test', password: 'password1234', password2: 'password1234' },
      ),
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /most common passwords/);
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 0, 'nothing saved');

    const done = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      headers,
      payload: form(
        { csrfToken: token },
        { name: 'Ada', email: 'ada@warta.test', password: PASSWORD, password2: PASSWORD },
      ),
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/newsroom');
    const session = done.cookies.find((c) => c.name === '__Host-warta_session');
    assert.ok(session, 'signed in at once');
    assert.equal(session.httpOnly, true);
    assert.equal(session.secure, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    const admin = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    assert.equal(admin.role, 'admin');
    assert.match(admin.password_hash!, /^\$argon2id\$/);

    const dashboard = await t.app.inject({ url: '/newsroom', headers: { cookie: `${session.name}=${session.value}` } });
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Welcome, Ada/);
    assert.equal(dashboard.headers['cache-control'], 'private, no-store');

    // Only once: the form is gone, and a second post creates no one.
    assert.equal((await t.app.inject({ url: '/newsroom/setup' })).headers.location, '/newsroom/sign-in');
    const again = await t.app.inject({
      method: 'POST',
      url: '/newsroom/setup',
      headers,
      payload: form(
        { csrfToken: token },
        { name: 'Eve', email: 'eve@warta.test', password: PASSWORD, password2: PASSWORD },
      ),
    });
    assert.equal(again.statusCode, 303);
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, 1);
  });
});

describe('sign-in, sessions and form tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createUser(writerFor(t.db), { email: 'rina@warta.test', name: 'Rina', role: 'editor', password: PASSWORD });
  });
  after(() => t.close());

  test('a right password signs in with a new session; a wrong one and an unknown account answer alike', async () => {
    const ok = await postSignIn(t, 'Rina@warta.test', PASSWORD);
    assert.equal(ok.statusCode, 303);
    assert.ok(ok.cookies.some((c) => c.name === '__Host-warta_session'));

    const wrong = await postSignIn(t, 'rina@warta.test', 'not the password at all', '203.0.113.8');
    const unknown = await postSignIn(t, 'nobody@warta.test', 'not the password at all', '203.0.113.9');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    const strip = (body: string) => body.replace(/value="[^"]*"/g, '');
    assert.equal(strip(wrong.body).replace('rina@', 'x@'), strip(unknown.body).replace('nobody@', 'x@'));
    assert.ok(!wrong.cookies.some((c) => c.name === '__Host-warta_session'));
  });

  test('a state-changing request without its form token, or from another origin, is refused and changes nothing', async () => {
    const who = await signedIn(t, 'editor');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(noToken.statusCode, 403);
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrfToken: 'x'.repeat(43) }),
    });
    assert.equal(wrongToken.statusCode, 403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...who.headers, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(who),
    });
    assert.equal(foreign.statusCode, 403);
    // Still signed in.
    assert.equal((await t.app.inject({ url: '/newsroom', headers: who.headers })).statusCode, 200);

    const out = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-out',
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(who),
    });
    assert.equal(out.statusCode, 303);
    const afterOut = await t.app.inject({ url: '/newsroom', headers: who.headers });
    assert.equal(afterOut.statusCode, 303, 'the session ended');
  });

  test('a session ends after the idle time-out', async () => {
    const who = await signedIn(t, 'author');
    assert.equal((await t.app.inject({ url: '/newsroom', headers: who.headers })).statusCode, 200);
    t.setNow(new Date(Date.now() + IDLE_MS + 60_000));
    try {
      const late = await t.app.inject({ url: '/newsroom', headers: who.headers });
      assert.equal(late.statusCode, 303);
      assert.match(late.headers.location as string, /^\/newsroom\/sign-in\?next=/);
    } finally {
      t.setNow(undefined);
    }
  });

  test('changing the password ends every other session of the user, keeps this one', async () => {
    await createUser(writerFor(t.db), { email: 'budi@warta.test', name: 'Budi', role: 'author', password: PASSWORD });
    const one = await postSignIn(t, 'budi@warta.test', PASSWORD, '198.51.100.1');
    const two = await postSignIn(t, 'budi@warta.test', PASSWORD, '198.51.100.2');
    const cookieOf = (r: LightMyRequestResponse) => {
      const c = r.cookies.find((x) => x.name === sessionCookie(t))!;
      return `${c.name}=${c.value}`;
    };
    const page = await t.app.inject({ url: '/newsroom/account', headers: { cookie: cookieOf(one) } });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const change = await t.app.inject({
      method: 'POST',
      url: '/newsroom/account/password',
      headers: { cookie: cookieOf(one), origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ csrfToken: token }, { current: PASSWORD, password: 'a new and longer pass phrase' }),
    });
    assert.equal(change.statusCode, 303);
    assert.equal(
      (await t.app.inject({ url: '/newsroom/account', headers: { cookie: cookieOf(one) } })).statusCode,
      200,
    );
    assert.equal(
      (await t.app.inject({ url: '/newsroom/account', headers: { cookie: cookieOf(two) } })).statusCode,
      303,
    );
  });
});

describe('the sign-in limiter', () => {
  test('slows down an account and an address, and a restart does not reset it', async () => {
    const t = await createTestApp();
    // A still clock: the waits (two seconds after the fourth failure) cannot run out on a slow machine.
    const still = new Date();
    t.setNow(still);
    try {
      await createUser(writerFor(t.db), { email: 'sari@warta.test', name: 'Sari', role: 'author', password: PASSWORD });
      // Three free failures, then the account must wait, even from a new address.
      for (let i = 0; i < 4; i++)
        assert.equal((await postSignIn(t, 'sari@warta.test', `wrong ${i}`, `192.0.2.${i}`)).statusCode, 401);
      const limited = await postSignIn(t, 'sari@warta.test', PASSWORD, '192.0.2.50');
      assert.equal(limited.statusCode, 429);
      assert.ok(Number(limited.headers['retry-after']) >= 1);

      // Another app process on the same database (a restart) sees the same state.
      const { buildApp } = await import('../app.ts');
      const second = await buildApp(t.config, t.db, { assets: t.app.ctx.assets, now: () => still });
      await second.ready();
      try {
        const form0 = await second.inject({ url: '/newsroom/sign-in' });
        const token = /name="_csrf" value="([^"]+)"/.exec(form0.body)![1]!;
        const c = form0.cookies.find((x) => x.name.endsWith('warta_form'))!;
        const res = await second.inject({
          method: 'POST',
          url: '/newsroom/sign-in',
          remoteAddress: '192.0.2.60',
          headers: {
            cookie: `${c.name}=${c.value}`,
            origin: ORIGIN,
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: form({ csrfToken: token }, { email: 'sari@warta.test', password: PASSWORD }),
        });
        assert.equal(res.statusCode, 429);
      } finally {
        await second.close();
      }

      // Many usernames from one address: the address is slowed down too.
      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i++)
        status = (await postSignIn(t, `user${i}@warta.test`, 'x', '198.51.100.99')).statusCode;
      assert.equal(status, 429);
      // …while another address may still try another account.
      assert.equal((await postSignIn(t, 'other@warta.test', 'x', '198.51.100.100')).statusCode, 401);
    } finally {
      await t.close();
    }
  });
});
