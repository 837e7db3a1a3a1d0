// Password reset by e-mail, through HTTP on a test app that sends to a real SMTP server started
// here (smtp-server on 127.0.0.1, a random port): the link, its single use, its hour, the limiter,
// and the page without SMTP.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { seedBase } from '../../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { buildApp } from '../app.ts';
import { buildAssets } from '../core/assets.ts';
import { loadConfig } from '../core/config.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { form, sessionCookie, signedIn } from '../../test/helpers/newsroom.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { addUser, createUser, verifyPassword } from '../users/index.ts';
import { RESET_VALID_MS, issueResetToken, settleResetRequests } from './password-reset-tokens.ts';
import { createSession } from './sessions.ts';

const ORIGIN = 'https://warta.test';
const OLD_PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'a brand new passphrase for the desk';
const FORM = 'application/x-www-form-urlencoded';

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as sent, quoted-printable soft breaks and escapes undone. */
  readonly text: string;
}

/** An SMTP server on a random local port that keeps every message it is given. */
async function startSmtpServer(): Promise<{ url: string; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          text: raw
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The pre-sign-in form of a page: its hidden token and the signed cookie that goes with it. */
async function formOf(t: Pick<TestApp, 'app'>, url: string): Promise<{ token: string; cookie: string }> {
  const page = await t.app.inject({ url });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = page.cookies.find((c) => c.name.endsWith('warta_form'));
  assert.ok(token && cookie, `${url} has a form token`);
  return { token, cookie: `${cookie.name}=${cookie.value}` };
}

/** Asks for a reset link for `email` from `address`, as the form does. */
async function requestLink(t: Pick<TestApp, 'app'>, email: string, address = '203.0.113.20') {
  const { token, cookie } = await formOf(t, '/newsroom/password-reset');
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/password-reset',
    remoteAddress: address,
    headers: { cookie, origin: ORIGIN, 'content-type': FORM },
    payload: form({ csrfToken: token }, { email }),
  });
}

/** Sends the link's form with the new password twice (or two different ones). */
async function setNewPassword(t: Pick<TestApp, 'app'>, path: string, password: string, again = password) {
  // The request page's form token: the link's own page has none once the link is spent.
  const { token, cookie } = await formOf(t, '/newsroom/password-reset');
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie, origin: ORIGIN, 'content-type': FORM },
    payload: form({ csrfToken: token }, { password, password2: again }),
  });
}

/** The path of the reset link in a message. */
function linkIn(message: Received): string {
  const match = /https:\/\/warta\.test(\/newsroom\/password-reset\/[A-Za-z0-9_-]{43})\b/.exec(message.text);
  assert.ok(match, 'the message holds a reset link');
  return match[1]!;
}

async function passwordHashOf(t: TestApp, email: string): Promise<string> {
  const row = await t.db
    .selectFrom('users')
    .select('password_hash')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.password_hash!;
}

describe('password reset by e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let n = 0;

  before(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ WARTA_SMTP_URL: smtp.url, WARTA_MAIL_FROM: 'Warta Newsroom <newsroom@warta.test>' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  /** A staff account with a known password (a fresh address per test, so limits do not mix). */
  async function account(role: 'editor' | 'author' = 'editor') {
    const email = `reset-${++n}@warta.test`;
    const user = await createUser(writerFor(t.db), { email, name: `Reset ${n}`, role, password: OLD_PASSWORD });
    return { user, email };
  }

  test('a known address gets one message whose link sets a new password and ends every session', async () => {
    const { user, email } = await account();
    const sessions = [
      await createSession(t.db, user.id, 'active', t.app.ctx.now()),
      await createSession(t.db, user.id, 'active', t.app.ctx.now()),
    ];

    const asked = await requestLink(t, email.toUpperCase());
    assert.equal(asked.statusCode, 303);
    assert.equal(asked.headers.location, '/newsroom/password-reset?done=sent');
    const page = await t.app.inject({ url: asked.headers.location });
    assert.match(page.body, /If an account exists for that address, we have sent a link/);

    await settleResetRequests();
    assert.equal(smtp.messages.length, 1);
    const [message] = smtp.messages;
    assert.deepEqual(message!.to, [email]);
    assert.equal(message!.from, 'newsroom@warta.test');
    assert.match(message!.text, /^Subject: Reset your .+ newsroom password/m);
    const link = linkIn(message!);
    const stored = await t.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 1);
    assert.ok(!message!.text.includes(stored[0]!.token_hash), 'only the hash is stored, never sent');
    assert.ok(!stored[0]!.token_hash.includes(link.split('/').pop()!), 'the token itself is not stored');

    const open = await t.app.inject({ url: link });
    assert.equal(open.statusCode, 200);
    assert.equal(open.headers['referrer-policy'], 'no-referrer');
    assert.equal(open.headers['cache-control'], 'private, no-store');
    assert.match(open.body, /Choose a new password/);
    assert.match(open.body, /name="_csrf" value="[^"]+"/);
    assert.ok(open.body.includes(`action="${link}"`), 'the form posts to the link');
    assert.ok(open.body.includes(email));

    const mismatch = await setNewPassword(t, link, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /The two passwords are not the same/);
    const weak = await setNewPassword(t, link, 'password1234');
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /most common passwords/);
    assert.ok(await verifyPassword(await passwordHashOf(t, email), OLD_PASSWORD), 'refused input changes nothing');

    const done = await setNewPassword(t, link, NEW_PASSWORD);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/newsroom/sign-in?done=password-reset');
    const signIn = await t.app.inject({ url: done.headers.location });
    assert.match(signIn.body, /Your password has been changed/);

    const hash = await passwordHashOf(t, email);
    assert.equal(await verifyPassword(hash, OLD_PASSWORD), false, 'the old password no longer works');
    assert.ok(await verifyPassword(hash, NEW_PASSWORD), 'the new one does');
    const left = await t.db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', user.id).execute();
    assert.deepEqual(left, [], 'every session ended');
    for (const token of sessions) {
      const visit = await t.app.inject({ url: '/newsroom', headers: { cookie: `${sessionCookie(t)}=${token}` } });
      assert.equal(visit.statusCode, 303);
    }
    const events = await t.db
      .selectFrom('outbox_events')
      .select(['type', 'payload', 'actor_id'])
      .where('type', 'in', ['staff.password_reset', 'user.password_changed'])
      .where('actor_id', '=', user.id)
      .execute();
    assert.deepEqual(events.map((e) => e.type).sort(), ['staff.password_reset', 'user.password_changed']);
    assert.deepEqual(JSON.parse(events.find((e) => e.type === 'staff.password_reset')!.payload), { userId: user.id });

    // Signing in works with the new password only.
    const { token, cookie } = await formOf(t, '/newsroom/sign-in');
    const signedInNow = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      remoteAddress: '203.0.113.21',
      headers: { cookie, origin: ORIGIN, 'content-type': FORM },
      payload: form({ csrfToken: token }, { email, password: NEW_PASSWORD }),
    });
    assert.equal(signedInNow.statusCode, 303);
  });

  test('the link works once', async () => {
    const { email } = await account();
    await requestLink(t, email);
    await settleResetRequests();
    const link = linkIn(smtp.messages[0]!);
    assert.equal((await setNewPassword(t, link, NEW_PASSWORD)).statusCode, 303);

    const reopened = await t.app.inject({ url: link });
    assert.equal(reopened.statusCode, 410);
    assert.match(reopened.body, /This link is no longer valid/);
    assert.match(reopened.body, /href="\/newsroom\/password-reset"/);
    const reused = await setNewPassword(t, link, 'yet another long passphrase');
    assert.equal(reused.statusCode, 410);
    assert.ok(await verifyPassword(await passwordHashOf(t, email), NEW_PASSWORD), 'the second use changed nothing');
  });

  test('of two requests sent at once with one link, exactly one sets its password', async () => {
    const { email } = await account();
    await requestLink(t, email);
    await settleResetRequests();
    const link = linkIn(smtp.messages[0]!);
    const [a, b] = await Promise.all([
      setNewPassword(t, link, 'first racing passphrase here'),
      setNewPassword(t, link, 'second racing passphrase here'),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 410]);
    const winner = a.statusCode === 303 ? 'first racing passphrase here' : 'second racing passphrase here';
    assert.ok(await verifyPassword(await passwordHashOf(t, email), winner));
  });

  test('an unknown address gets the same answer, and no message is sent', async () => {
    const { email } = await account();
    const known = await requestLink(t, email, '203.0.113.30');
    const unknown = await requestLink(t, 'nobody-here@warta.test', '203.0.113.31');
    assert.equal(unknown.statusCode, known.statusCode);
    assert.equal(unknown.headers.location, known.headers.location);
    assert.equal(unknown.body, known.body);
    await settleResetRequests();
    assert.deepEqual(
      smtp.messages.map((m) => m.to),
      [[email]],
    );
  });

  test('an account without a password (an author on the site only) or a deactivated one gets no message', async () => {
    await addUser(writerFor(t.db), {
      email: 'byline@warta.test',
      displayName: 'Byline Only',
      slug: 'byline-only',
      role: 'author',
      passwordHash: null,
    });
    const { user, email } = await account();
    await t.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute();
    assert.equal((await requestLink(t, 'byline@warta.test')).statusCode, 303);
    assert.equal((await requestLink(t, email)).statusCode, 303);
    await settleResetRequests();
    assert.equal(smtp.messages.length, 0);
  });

  test('an expired link is refused', async () => {
    const { email } = await account();
    const start = new Date();
    t.setNow(start);
    try {
      await requestLink(t, email);
      await settleResetRequests();
      const link = linkIn(smtp.messages[0]!);
      t.setNow(new Date(start.getTime() + RESET_VALID_MS - 60_000));
      assert.equal((await t.app.inject({ url: link })).statusCode, 200, 'still valid just before the hour');
      t.setNow(new Date(start.getTime() + RESET_VALID_MS + 1000));
      const late = await t.app.inject({ url: link });
      assert.equal(late.statusCode, 410);
      assert.match(late.body, /This link is no longer valid/);
      assert.equal((await setNewPassword(t, link, NEW_PASSWORD)).statusCode, 410);
      assert.ok(await verifyPassword(await passwordHashOf(t, email), OLD_PASSWORD), 'nothing changed');
    } finally {
      t.setNow(new Date());
    }
  });

  test('a new link voids the earlier unused one; a made-up link is refused the same way', async () => {
    const { email } = await account();
    await requestLink(t, email, '203.0.113.40');
    await settleResetRequests();
    await requestLink(t, email, '203.0.113.40');
    await settleResetRequests();
    assert.equal(smtp.messages.length, 2);
    const [first, second] = smtp.messages.map(linkIn);
    assert.equal((await t.app.inject({ url: first! })).statusCode, 410);
    assert.equal((await t.app.inject({ url: second! })).statusCode, 200);
    for (const url of ['/newsroom/password-reset/' + 'A'.repeat(43), '/newsroom/password-reset/short']) {
      const made = await t.app.inject({ url });
      assert.equal(made.statusCode, 410);
      assert.match(made.body, /This link is no longer valid/);
    }
  });

  test('the limiter stops a flood of requests for one e-mail, and from one address', async () => {
    const { email } = await account();
    const answers: number[] = [];
    // Each from another address: only the e-mail's own limit applies.
    for (let i = 0; i < 6; i++) answers.push((await requestLink(t, email, `198.51.100.${i + 1}`)).statusCode);
    assert.deepEqual(answers, [303, 303, 303, 429, 429, 429]);
    const limited = await requestLink(t, email, '198.51.100.99');
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 60);
    assert.match(limited.body, /Too many reset requests/);
    await settleResetRequests();
    assert.equal(smtp.messages.length, 3, 'three messages, no more');

    // One address asking for many e-mails (whether or not they exist).
    const fromOne: number[] = [];
    for (let i = 0; i < 12; i++)
      fromOne.push((await requestLink(t, `someone-${i}@warta.test`, '198.51.100.200')).statusCode);
    assert.deepEqual(fromOne, [...Array(10).fill(303), 429, 429]);

    // Sign-in is limited apart: the account still signs in.
    const { token, cookie } = await formOf(t, '/newsroom/sign-in');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      remoteAddress: '198.51.100.200',
      headers: { cookie, origin: ORIGIN, 'content-type': FORM },
      payload: form({ csrfToken: token }, { email, password: OLD_PASSWORD }),
    });
    assert.equal(signIn.statusCode, 303);
  });

  test('the request form needs its form token, and a signed-in visitor can use it too', async () => {
    const { email } = await account();
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/password-reset',
      headers: { origin: ORIGIN, 'content-type': FORM },
      payload: new URLSearchParams({ email }).toString(),
    });
    assert.equal(noToken.statusCode, 403);
    const who = await signedIn(t, 'author');
    const page = await t.app.inject({ url: '/newsroom/password-reset', headers: who.headers });
    assert.ok(page.body.includes(`value="${who.csrfToken}"`), 'the form carries the session token');
    const asked = await t.app.inject({
      method: 'POST',
      url: '/newsroom/password-reset',
      remoteAddress: '203.0.113.50',
      headers: { ...who.headers, 'content-type': FORM },
      payload: form(who, { email }),
    });
    assert.equal(asked.statusCode, 303);
    await settleResetRequests();
    assert.equal(smtp.messages.length, 1);
  });
});

describe('password reset when the SMTP server is down, and what the log keeps', () => {
  let app: FastifyInstance;
  let testDb: TestDatabase;
  const lines: string[] = [];

  before(async () => {
    // A port nothing listens on: a server started and stopped again.
    const gone = await startSmtpServer();
    await gone.close();
    testDb = await createTestDatabase();
    const config = loadConfig({
      WARTA_DATA_DIR: testDb.dataDir,
      WARTA_DATABASE_URL: testDb.url,
      WARTA_BASE_URL: ORIGIN,
      WARTA_COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
      WARTA_LOG_LEVEL: 'info',
      WARTA_LOG_FORMAT: 'json',
      WARTA_SMTP_URL: gone.url,
    });
    await seedBase(writerFor(testDb.db.kysely));
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp(config, testDb.db.kysely, {
      assets: await buildAssets(),
      listen: testDb.db.listen,
      logStream,
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await testDb.cleanup();
  });

  test('the request is answered at once as usual; the failure is logged without the address or the link', async () => {
    const email = 'down@warta.test';
    const user = await createUser(writerFor(testDb.db.kysely), {
      email,
      name: 'Down',
      role: 'editor',
      password: OLD_PASSWORD,
    });
    const t = { app };
    const started = Date.now();
    const asked = await requestLink(t, email);
    assert.equal(asked.statusCode, 303);
    assert.ok(Date.now() - started < 5000);
    await settleResetRequests();
    const failure = lines.find((l) => l.includes('password reset e-mail not sent'));
    assert.ok(failure, 'the failed send is logged');
    assert.match(failure, /ECONNECTION|ESOCKET|ETIMEDOUT/);

    // A link's pages write no request line: its path is the secret.
    const token = await issueResetToken(testDb.db.kysely, user.id, new Date());
    const link = `/newsroom/password-reset/${token}`;
    assert.equal((await app.inject({ url: link })).statusCode, 200);
    assert.equal((await setNewPassword(t, link, NEW_PASSWORD)).statusCode, 303);
    assert.ok(
      lines.some((l) => l.includes('request completed')),
      'other requests are logged',
    );
    const all = lines.join('');
    assert.ok(!all.includes(token), 'no token in the log');
    assert.ok(!all.includes(email), 'no e-mail address in the log');
  });
});

describe('password reset without SMTP', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  test('the page says to ask an administrator, offers no form, and a post sends nothing', async () => {
    const email = 'nosmtp@warta.test';
    await createUser(writerFor(t.db), { email, name: 'No Mail', role: 'editor', password: OLD_PASSWORD });
    const page = await t.app.inject({ url: '/newsroom/password-reset' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ask an administrator/);
    assert.match(page.body, /warta user reset-password/);
    assert.doesNotMatch(page.body, /name="email"/);

    const { token, cookie } = await formOf(t, '/newsroom/sign-in');
    const posted = await t.app.inject({
      method: 'POST',
      url: '/newsroom/password-reset',
      headers: { cookie, origin: ORIGIN, 'content-type': FORM },
      payload: form({ csrfToken: token }, { email }),
    });
    assert.equal(posted.statusCode, 200);
    assert.match(posted.body, /Ask an administrator/);
    await settleResetRequests();
    assert.deepEqual(await t.db.selectFrom('password_resets').selectAll().execute(), []);
  });
});
