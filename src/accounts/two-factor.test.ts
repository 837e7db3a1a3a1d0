// Two-step sign-in through HTTP on a test app: enrolment, the code step of sign-in, replays,
// the limiter, recovery codes, the per-role requirement and turning it off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { form, sessionCookie, signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { createUser } from '../users/index.ts';
import { hashToken } from './sessions.ts';
import { groupSecret, spendCode } from './two-factor.ts';

const ORIGIN = 'https://warta.test';
const PASSWORD = 'correct horse battery staple 42';
const FORM = 'application/x-www-form-urlencoded';
const CODE_PAGE = '/newsroom/sign-in/code';
const ENROL = '/newsroom/account/two-factor';

/** The code an authenticator app shows for `secret` at `at`. */
function appCode(secret: string, at: Date): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: at.getTime() });
}

function cookieOf(t: TestApp, response: LightMyRequestResponse): string {
  const c = response.cookies.find((x) => x.name === sessionCookie(t));
  assert.ok(c, 'a session cookie was set');
  return `${c.name}=${c.value}`;
}

/** Signs in with e-mail and password through the sign-in form. */
async function postSignIn(t: TestApp, email: string, address = '203.0.113.7'): Promise<LightMyRequestResponse> {
  const page = await t.app.inject({ url: '/newsroom/sign-in' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const c = page.cookies.find((x) => x.name.endsWith('warta_form'))!;
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress: address,
    headers: { cookie: `${c.name}=${c.value}`, origin: ORIGIN, 'content-type': FORM },
    payload: form({ csrfToken: token }, { email, password: PASSWORD }),
  });
}

/** A session's cookie and form token, as the pages give them. */
async function sessionOf(t: TestApp, cookie: string, url = '/newsroom/account'): Promise<SignedIn> {
  const page = await t.app.inject({ url, headers: { cookie } });
  assert.equal(page.statusCode, 200, `${url} opens`);
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return { user: undefined as never, cookie, csrfToken, headers: { cookie, origin: ORIGIN } };
}

function post(t: TestApp, who: SignedIn, url: string, fields: Record<string, string> = {}, address = '203.0.113.7') {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: address,
    headers: { ...who.headers, 'content-type': FORM },
    payload: form(who, fields),
  });
}

/** Enrols a signed-in user at the app's clock; returns the secret and the recovery codes shown. */
async function enrol(t: TestApp, who: SignedIn, userId: number): Promise<{ secret: string; codes: string[] }> {
  assert.equal((await post(t, who, `${ENROL}/start`)).statusCode, 303);
  const { totp_secret: secret } = await t.db
    .selectFrom('users')
    .select('totp_secret')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const done = await post(t, who, `${ENROL}/confirm`, { code: appCode(secret!, t.app.ctx.now()) });
  assert.equal(done.statusCode, 200);
  const codes = [...done.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
  return { secret: secret!, codes };
}

async function eventsOf(t: TestApp, type: string): Promise<unknown[]> {
  const rows = await t.db.selectFrom('outbox_events').select('payload').where('type', '=', type).execute();
  return rows.map((r) => JSON.parse(r.payload) as unknown);
}

/** A time at the start of a 30-second step, so moving by whole steps is exact. */
function stepStart(offsetSteps = 0): Date {
  return new Date((Math.floor(Date.now() / 30_000) + offsetSteps) * 30_000 + 1_000);
}

describe('two-step sign-in', () => {
  let t: TestApp;
  const T0 = stepStart();
  const at = (steps: number) => new Date(T0.getTime() + steps * 30_000);
  before(async () => {
    t = await createTestApp();
    t.setNow(T0);
  });
  after(() => t.close());

  test('enrolment shows a QR code and the key, and turns on only with a right first code', async () => {
    const who = await signedIn(t, 'author');
    const account = await t.app.inject({ url: '/newsroom/account', headers: who.headers });
    assert.match(account.body, /Turn on two-step sign-in/);

    assert.equal((await post(t, who, `${ENROL}/start`)).headers.location, ENROL);
    const page = await t.app.inject({ url: ENROL, headers: who.headers });
    assert.equal(page.statusCode, 200);
    const svg = /<svg [^>]*>/.exec(page.body)?.[0] ?? '';
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-label="[^"]+"/);
    assert.doesNotMatch(page.body, /<svg[\s\S]*style=[\s\S]*<\/svg>/, 'no inline style (the CSP forbids it)');
    const { totp_secret: secret } = await t.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', who.user.id)
      .executeTakeFirstOrThrow();
    assert.ok(secret && page.body.includes(groupSecret(secret)), 'the key is shown in groups');

    const wrong = await post(t, who, `${ENROL}/confirm`, { code: appCode(secret, at(20)) });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /That code is not right/);
    const off = await t.db
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('id', '=', who.user.id)
      .executeTakeFirstOrThrow();
    assert.equal(off.totp_enabled_at, null);

    const right = await post(t, who, `${ENROL}/confirm`, { code: appCode(secret, T0) });
    assert.equal(right.statusCode, 200);
    const codes = [...right.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    assert.equal(new Set(codes).size, 10, 'ten different recovery codes');
    const stored = await t.db
      .selectFrom('recovery_codes')
      .select(['code_hash', 'used_at'])
      .where('user_id', '=', who.user.id)
      .execute();
    assert.equal(stored.length, 10);
    assert.ok(
      stored.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash) && r.used_at === null),
      'stored as SHA-256 only',
    );
    const on = await t.db
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('id', '=', who.user.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(on.totp_enabled_at, null);
    assert.deepEqual(await eventsOf(t, 'staff.two_factor_enabled'), [{ userId: who.user.id }]);
    // Shown once: the page now manages it, and shows no code or key.
    const manage = await t.app.inject({ url: ENROL, headers: who.headers });
    assert.match(manage.body, /New recovery codes/);
    assert.ok(!codes.some((c) => manage.body.includes(c)) && !manage.body.includes(groupSecret(secret)));
  });

  test('sign-in then needs the code: a right one gives a new session, the same one again is refused', async () => {
    t.setNow(T0);
    const user = await createUser(writerFor(t.db), {
      email: 'dewi@warta.test',
      name: 'Dewi',
      role: 'author',
      password: PASSWORD,
    });
    const first = await sessionOf(t, cookieOf(t, await postSignIn(t, 'dewi@warta.test')));
    const { secret } = await enrol(t, first, user.id);

    const password = await postSignIn(t, 'dewi@warta.test');
    assert.equal(password.statusCode, 303);
    assert.equal(password.headers.location, `${CODE_PAGE}?next=%2Fnewsroom`);
    const halfway = cookieOf(t, password);
    const row = await t.db
      .selectFrom('staff_sessions')
      .select('stage')
      .where('id_hash', '=', hashToken(halfway.split('=')[1]!))
      .executeTakeFirstOrThrow();
    assert.equal(row.stage, 'second_factor');
    // The password alone opens no newsroom page, and changes nothing.
    for (const url of ['/newsroom', '/newsroom/account', ENROL]) {
      const res = await t.app.inject({ url, headers: { cookie: halfway } });
      assert.equal(res.statusCode, 303, url);
      assert.match(res.headers.location as string, /^\/newsroom\/sign-in/);
    }
    const codeForm = await sessionOf(t, halfway, `${CODE_PAGE}?next=%2Fnewsroom%2Faccount`);
    assert.equal((await post(t, codeForm, `${ENROL}/start`)).statusCode, 401);

    t.setNow(at(2));
    const code = appCode(secret, at(2));
    const ok = await post(t, codeForm, CODE_PAGE, { code, next: '/newsroom/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/newsroom/account');
    const full = cookieOf(t, ok);
    assert.notEqual(full, halfway, 'a new session id');
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: full } })).statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: '/newsroom', headers: { cookie: halfway } })).statusCode,
      303,
      'the old id is gone',
    );
    assert.ok((await eventsOf(t, 'staff.signed_in')).some((e) => (e as { userId: number }).userId === user.id));
    // Back to the code page once signed in: on to the newsroom (not round and round sign-in).
    const back = await t.app.inject({ url: `${CODE_PAGE}?next=%2Fnewsroom`, headers: { cookie: full } });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/newsroom');

    // The same code, and a code of an earlier step still inside the drift window, are refused.
    const again = await sessionOf(t, cookieOf(t, await postSignIn(t, 'dewi@warta.test')), CODE_PAGE);
    const replay = await post(t, again, CODE_PAGE, { code });
    assert.equal(replay.statusCode, 401);
    assert.match(replay.body, /not right, or it has been used already/);
    assert.equal((await post(t, again, CODE_PAGE, { code: appCode(secret, at(1)) })).statusCode, 401);
    // The next step's code works (one step of drift either way).
    assert.equal((await post(t, again, CODE_PAGE, { code: appCode(secret, at(3)) })).statusCode, 303);
  });

  test('wrong codes are limited per account, and a right code waits too', async () => {
    t.setNow(at(10));
    const user = await createUser(writerFor(t.db), {
      email: 'eko@warta.test',
      name: 'Eko',
      role: 'author',
      password: PASSWORD,
    });
    const first = await sessionOf(t, cookieOf(t, await postSignIn(t, 'eko@warta.test')));
    const { secret } = await enrol(t, first, user.id);
    const halfway = await sessionOf(t, cookieOf(t, await postSignIn(t, 'eko@warta.test')), CODE_PAGE);
    for (let i = 0; i < 4; i++) {
      const wrong = await post(t, halfway, CODE_PAGE, { code: String(100000 + i) }, `192.0.2.${i}`);
      assert.equal(wrong.statusCode, 401);
    }
    const limited = await post(t, halfway, CODE_PAGE, { code: appCode(secret, at(11)) }, '192.0.2.99');
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    const failures = (await eventsOf(t, 'staff.sign_in_failed')).filter(
      (e) => (e as { userId: number }).userId === user.id,
    );
    assert.equal(failures.length, 4);
    // A right password does not clear the code's count.
    t.setNow(at(11));
    const next = await sessionOf(t, cookieOf(t, await postSignIn(t, 'eko@warta.test')), CODE_PAGE);
    assert.equal((await post(t, next, CODE_PAGE, { code: String(200000) })).statusCode, 401);
    assert.equal((await post(t, next, CODE_PAGE, { code: appCode(secret, at(11)) })).statusCode, 429);
  });

  test('a recovery code signs in once; the second use fails, and two at once cannot both pass', async () => {
    t.setNow(at(20));
    const user = await createUser(writerFor(t.db), {
      email: 'fajar@warta.test',
      name: 'Fajar',
      role: 'author',
      password: PASSWORD,
    });
    const first = await sessionOf(t, cookieOf(t, await postSignIn(t, 'fajar@warta.test')));
    const { codes } = await enrol(t, first, user.id);
    assert.equal(codes.length, 10);

    const one = await sessionOf(t, cookieOf(t, await postSignIn(t, 'fajar@warta.test')), CODE_PAGE);
    const ok = await post(t, one, CODE_PAGE, { code: ` ${codes[0]!.toUpperCase()} ` });
    assert.equal(ok.statusCode, 303);
    const two = await sessionOf(t, cookieOf(t, await postSignIn(t, 'fajar@warta.test')), CODE_PAGE);
    assert.equal((await post(t, two, CODE_PAGE, { code: codes[0]! })).statusCode, 401);
    const used = await t.db
      .selectFrom('recovery_codes')
      .select('used_at')
      .where('user_id', '=', user.id)
      .where('used_at', 'is not', null)
      .execute();
    assert.equal(used.length, 1);

    const both = await Promise.all([
      spendCode(t.db, user.id, codes[1]!, at(20)),
      spendCode(t.db, user.id, codes[1]!, at(20)),
    ]);
    assert.deepEqual(both.sort(), [false, true]);
  });

  test('new recovery codes need a current code; the old ones stop working', async () => {
    t.setNow(at(30));
    const user = await createUser(writerFor(t.db), {
      email: 'gita@warta.test',
      name: 'Gita',
      role: 'author',
      password: PASSWORD,
    });
    const who = await sessionOf(t, cookieOf(t, await postSignIn(t, 'gita@warta.test')));
    const { secret, codes } = await enrol(t, who, user.id);
    assert.equal((await post(t, who, `${ENROL}/recovery-codes`, { code: '000000' })).statusCode, 400);
    t.setNow(at(31));
    const fresh = await post(t, who, `${ENROL}/recovery-codes`, { code: appCode(secret, at(31)) });
    assert.equal(fresh.statusCode, 200);
    const newCodes = [...fresh.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    assert.equal(newCodes.length, 10);
    assert.ok(!newCodes.some((c) => codes.includes(c)));
    assert.deepEqual(await eventsOf(t, 'staff.recovery_codes_regenerated'), [{ userId: user.id }]);
    assert.equal(await spendCode(t.db, user.id, codes[2]!, at(31)), false);
    assert.equal(await spendCode(t.db, user.id, newCodes[2]!, at(31)), true);

    // Turning off needs the password and a code.
    t.setNow(at(32));
    const noPassword = await post(t, who, `${ENROL}/off`, { password: 'not it at all', code: appCode(secret, at(32)) });
    assert.equal(noPassword.statusCode, 400);
    const off = await post(t, who, `${ENROL}/off`, { password: PASSWORD, code: appCode(secret, at(32)) });
    assert.equal(off.statusCode, 303);
    const row = await t.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { totp_secret: null, totp_enabled_at: null });
    assert.equal(
      (await t.db.selectFrom('recovery_codes').select('user_id').where('user_id', '=', user.id).execute()).length,
      0,
    );
    assert.deepEqual(await eventsOf(t, 'staff.two_factor_disabled'), [{ userId: user.id }]);
    assert.equal(
      (await postSignIn(t, 'gita@warta.test')).headers.location,
      '/newsroom',
      'the password is enough again',
    );
  });
});

describe('two-step sign-in required per role', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  test('only an administrator sees and changes the security settings', async () => {
    const editor = await signedIn(t, 'editor');
    assert.equal((await t.app.inject({ url: '/newsroom/settings/security', headers: editor.headers })).statusCode, 403);
    assert.equal((await post(t, editor, '/newsroom/settings/security', { twoFactorRoles: 'author' })).statusCode, 403);
    const admin = await signedIn(t, 'admin');
    const page = await t.app.inject({ url: '/newsroom/settings/security', headers: admin.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/newsroom\/settings\/security" aria-current="page"/);
    assert.equal(await t.db.selectFrom('settings').select('key').executeTakeFirst(), undefined);
  });

  test('an editor without it is sent to enrolment and refused elsewhere; an author is not; turning off is refused', async () => {
    const admin = await signedIn(t, 'admin');
    const editor = await signedIn(t, 'editor');
    const author = await signedIn(t, 'author');
    const createArticle = (who: SignedIn) => post(t, who, '/newsroom/articles?edition=en', { title: '' });
    assert.notEqual((await createArticle(editor)).statusCode, 403, 'before the setting, the editor may post');

    const saved = await t.app.inject({
      method: 'POST',
      url: '/newsroom/settings/security',
      headers: { ...admin.headers, 'content-type': FORM },
      payload: `${form(admin, { twoFactorRoles: 'editor' })}&twoFactorRoles=nonsense`,
    });
    assert.equal(saved.statusCode, 303);
    const setting = await t.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'security.twoFactorRoles')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(setting.value), ['editor']);
    assert.deepEqual(await eventsOf(t, 'settings.changed'), [{ key: 'security.twoFactorRoles' }]);

    const home = await t.app.inject({ url: '/newsroom', headers: editor.headers });
    assert.equal(home.statusCode, 303);
    assert.equal(home.headers.location, ENROL);
    assert.equal((await createArticle(editor)).statusCode, 403);
    const account = await t.app.inject({ url: '/newsroom/account', headers: editor.headers });
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Your role requires two-step sign-in/);
    assert.equal((await t.app.inject({ url: ENROL, headers: editor.headers })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/newsroom', headers: author.headers })).statusCode, 200);
    assert.notEqual((await createArticle(author)).statusCode, 403);

    // Enrolled, the editor works again, and cannot turn it off.
    const { secret } = await enrol(t, editor, editor.user.id);
    assert.equal((await t.app.inject({ url: '/newsroom', headers: editor.headers })).statusCode, 200);
    const manage = await t.app.inject({ url: ENROL, headers: editor.headers });
    assert.match(manage.body, /cannot be turned off/);
    const now = t.app.ctx.now();
    const off = await post(t, editor, `${ENROL}/off`, {
      password: PASSWORD,
      code: appCode(secret, new Date(now.getTime() + 30_000)),
    });
    assert.equal(off.statusCode, 403);
    const row = await t.db
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('id', '=', editor.user.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.totp_enabled_at, null);
  });

  test('another app process follows a change of the setting within seconds', async () => {
    const { buildApp } = await import('../app.ts');
    const second = await buildApp(t.config, t.db, { assets: t.app.ctx.assets, now: () => new Date() });
    await second.ready();
    try {
      const contributor = await signedIn(t, 'contributor');
      assert.equal(
        (await second.inject({ url: '/newsroom', headers: contributor.headers })).statusCode,
        200,
        'read and cached',
      );
      const admin = await signedIn(t, 'admin');
      await post(t, admin, '/newsroom/settings/security', { twoFactorRoles: 'contributor' });
      // Its copy of the setting is at most a few seconds old (and the event drops it sooner).
      const started = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = (await second.inject({ url: '/newsroom', headers: contributor.headers })).statusCode;
      }
      assert.equal(status, 303, `sent to enrolment after ${Date.now() - started} ms`);
    } finally {
      await second.close();
    }
  });
});
