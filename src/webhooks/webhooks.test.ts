// Webhooks end to end against a real HTTP receiver on loopback: an event queues one delivery per
// hook that wants it (in the command's own after-commit, never waiting for the receiver), the
// sender posts the body signed with the hook's secret, retries with backoff and gives up after
// the last attempt, follows no redirect, refuses private addresses on the address it dials, and
// tells of a scheduled episode only on its minute. The newsroom pages: admins only, every
// problem listed and nothing saved, the secret shown on the hook's page, audited.
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setArticleStatus } from '../articles/index.ts';
import { createEpisode, publishEpisode, unpublishEpisode } from '../broadcast/episodes/commands.ts';
import { makeProgram } from '../broadcast/episodes/test-fixtures.ts';
import { raiseBanner } from '../banner/index.ts';
import { toDbTime } from '../core/db/dialect.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';
import { createWebhook } from './commands.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './model.ts';
import { sendDue, type SenderOptions } from './sender.ts';
import { verifySignature } from './signing.ts';

interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** An HTTP server on loopback that keeps what it is sent and answers as told. */
class Receiver {
  readonly received: Received[] = [];
  answer: (path: string, res: http.ServerResponse) => void = (_path, res) => res.writeHead(204).end();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      this.answer(req.url ?? '', res);
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const FAR = '2999-01-01T00:00:00.000Z';
let t: TestApp;
let admin: SignedIn;
const receiver = new Receiver();
// The sender's clock: a minute ahead of the commands' (real) one, so what they queue is due.
let clock = new Date(Date.now() + 60_000);

function sender(extra: Partial<SenderOptions> = {}): SenderOptions {
  return {
    allowPrivate: true,
    baseUrl: t.config.baseUrl,
    userAgent: 'Warta-Webhooks/test',
    now: () => clock,
    ...extra,
  };
}

async function deliveries() {
  return t.db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();
}

async function hookFor(events: string[], path = '/hook'): Promise<{ id: number; secret: string }> {
  const hook = await createWebhook(
    { ...t.app.ctx.writer, actorId: admin.user.id },
    { url: receiver.url + path, description: 'Test receiver', events, active: true },
    { allowPrivate: true, ownHosts: ['warta.test'] },
  );
  return { id: hook.id, secret: hook.secret };
}

before(async () => {
  await receiver.start();
  t = await createTestApp({ WARTA_WEBHOOKS_ALLOW_PRIVATE: '1' });
  admin = await signedIn(t, 'admin');
  // The sender runs here by hand, each step in turn; the app's own timer must not run it too.
  // Held under a claim of the test's own: a run the timer began meanwhile cannot release it.
  await t.db
    .updateTable('scheduled_jobs')
    .set({ next_run_at: FAR, locked_by: 'test', locked_until: FAR })
    .where('name', '=', 'webhooks.send')
    .execute();
});

after(async () => {
  await t.close();
  await receiver.stop();
});

beforeEach(async () => {
  await t.db.deleteFrom('webhook_deliveries').execute();
  await t.db.deleteFrom('webhooks').execute();
  receiver.received.length = 0;
  receiver.answer = (_path, res) => res.writeHead(204).end();
});

describe('webhook deliveries', () => {
  it('queue an event for each hook that wants it and send it signed, with the story as readers see it', async () => {
    const published = await hookFor(['article.published']);
    await hookFor(['banner.raised']);
    const article = await makeArticle(t.db, { title: 'Ferry timetable changes for the holidays', status: 'draft' });
    assert.equal((await deliveries()).length, 0, 'a draft tells no one');

    await setArticleStatus(t.app.ctx.writer, article.id, 'published');
    const queued = await deliveries();
    assert.equal(queued.length, 1, 'one delivery, for the one hook that asked');
    assert.equal(queued[0]!.webhook_id, published.id);
    assert.equal(queued[0]!.status, 'pending');
    assert.equal(receiver.received.length, 0, 'nothing is sent while the command runs');

    assert.equal(await sendDue(t.db, sender()), 1);
    assert.equal(receiver.received.length, 1);
    const got = receiver.received[0]!;
    assert.equal(got.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(got.headers['warta-event'], 'article.published');
    assert.equal(got.headers['warta-delivery'], String(queued[0]!.id));
    assert.ok(verifySignature(published.secret, String(got.headers['warta-signature']), got.body, clock));
    assert.equal(verifySignature('whsec_other', String(got.headers['warta-signature']), got.body, clock), false);
    assert.equal(
      verifySignature(published.secret, String(got.headers['warta-signature']), got.body + ' ', clock),
      false,
    );
    const body = JSON.parse(got.body) as { type: string; id: string; data: { article: Record<string, unknown> } };
    assert.equal(body.type, 'article.published');
    assert.match(body.id, /^evt_\d+$/);
    assert.equal(body.data.article.id, article.id);
    assert.equal(body.data.article.title, 'Ferry timetable changes for the holidays');
    assert.equal(body.data.article.url, `https://warta.test/en/news/${article.id}/${article.slug}`);
    assert.equal('path' in body.data.article, false);
    const [row] = await deliveries();
    assert.equal(row!.status, 'delivered');
    assert.equal(row!.attempts, 1);
    assert.equal(row!.last_status, 204);
  });

  it('tell of an update only while the story is on the site, and of its unpublishing', async () => {
    await hookFor(['article.updated', 'article.unpublished']);
    const article = await makeArticle(t.db);
    await t.app.ctx.writer.events.deliver();
    await setArticleStatus(t.app.ctx.writer, article.id, 'draft');
    const types = (await deliveries()).map((d) => d.event_type);
    assert.deepEqual(types, ['article.unpublished']);
  });

  it('never keep the command waiting for the receiver', async () => {
    await hookFor(['article.published']);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    receiver.answer = (_path, res) => void gate.then(() => res.writeHead(200).end());
    // Were the delivery part of the command, this would wait for the gate, opened only after it.
    await makeArticle(t.db);
    assert.equal(receiver.received.length, 0);
    const sending = sendDue(t.db, sender());
    release();
    assert.equal(await sending, 1);
    assert.equal((await deliveries())[0]!.status, 'delivered');
  });

  it('retry a failed delivery with backoff and give up after the last attempt', async () => {
    await hookFor(['article.published']);
    receiver.answer = (_path, res) => res.writeHead(503).end('busy');
    await makeArticle(t.db);
    const start = clock;
    try {
      await sendDue(t.db, sender());
      let [row] = await deliveries();
      assert.equal(row!.status, 'pending');
      assert.equal(row!.attempts, 1);
      assert.equal(row!.last_status, 503);
      assert.equal(new Date(row!.next_attempt_at).getTime(), clock.getTime() + RETRY_DELAYS_MS[0]);
      assert.equal(await sendDue(t.db, sender()), 0, 'not due before its time');

      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        clock = new Date(new Date((await deliveries())[0]!.next_attempt_at).getTime() + 1000);
        assert.equal(await sendDue(t.db, sender()), 1);
        [row] = await deliveries();
        assert.equal(row!.attempts, attempt);
      }
      [row] = await deliveries();
      assert.equal(row!.status, 'failed', 'given up after the last attempt');
      assert.equal(receiver.received.length, MAX_ATTEMPTS);
      clock = new Date(clock.getTime() + 7 * 86_400_000);
      assert.equal(await sendDue(t.db, sender()), 0, 'a given-up delivery is not tried again');
    } finally {
      clock = start;
    }
  });

  it('count a timeout and a redirect as failures, and never follow the redirect', async () => {
    await hookFor(['article.published'], '/moved');
    receiver.answer = (path, res) =>
      path === '/moved' ? res.writeHead(302, { location: '/elsewhere' }).end() : res.writeHead(200).end();
    await makeArticle(t.db);
    await sendDue(t.db, sender());
    let [row] = await deliveries();
    assert.equal(row!.status, 'pending');
    assert.equal(row!.last_status, 302);
    assert.match(row!.last_error ?? '', /Redirects are not followed/);
    assert.deepEqual(
      receiver.received.map((r) => r.path),
      ['/moved'],
    );

    receiver.answer = () => undefined; // never answers
    clock = new Date(clock.getTime() + RETRY_DELAYS_MS[0] + 1000);
    await sendDue(t.db, sender({ timeoutMs: 200 }));
    [row] = await deliveries();
    assert.equal(row!.attempts, 2);
    assert.equal(row!.last_status, null);
    assert.match(row!.last_error ?? '', /No answer/);
  });

  it('refuse to connect to a private or loopback address when the operator does not allow it', async () => {
    // Saved while allowed (an intranet receiver), then the operator turned it off.
    await hookFor(['article.published']);
    await t.db
      .insertInto('webhooks')
      .values({
        url: `http://localhost:${new URL(receiver.url).port}/by-name`,
        description: 'By name',
        events: 'article.published',
        secret: 'whsec_x',
        is_active: 1,
        created_by: null,
        created_at: toDbTime(clock),
        updated_at: toDbTime(clock),
      })
      .execute();
    await makeArticle(t.db);
    assert.equal(await sendDue(t.db, sender({ allowPrivate: false })), 2);
    assert.equal(receiver.received.length, 0, 'nothing reached the receiver');
    for (const row of await deliveries()) {
      assert.equal(row.status, 'pending');
      assert.match(row.last_error ?? '', /refused to connect to (127\.0\.0\.1|::1)/);
    }
  });

  it('tell of a scheduled episode on its minute, and not at all if it was taken down before', async () => {
    await hookFor(['episode.published']);
    const w = t.app.ctx.writer;
    const programId = await makeProgram(w, 'en', `hooks-${Date.now()}`);
    const audio = {
      kind: 'url',
      url: 'https://radio.example/ep.mp3',
      type: 'audio/mpeg',
      bytes: 1000,
      durationSeconds: 60,
    } as const;
    const later = new Date(clock.getTime() + 3_600_000);
    const kept = await createEpisode(w, { programId, title: 'Harbour voices', audio });
    const dropped = await createEpisode(w, { programId, title: 'Market morning', audio });
    await publishEpisode(w, kept, { at: later });
    await publishEpisode(w, dropped, { at: later });
    assert.equal((await deliveries()).length, 2);
    assert.equal(await sendDue(t.db, sender()), 0, 'nothing before the minute');
    await unpublishEpisode(w, dropped);

    const start = clock;
    clock = new Date(later.getTime() + 1000);
    try {
      assert.equal(await sendDue(t.db, sender()), 2);
    } finally {
      clock = start;
    }
    assert.equal(receiver.received.length, 1);
    const body = JSON.parse(receiver.received[0]!.body) as { data: { episode: { title: string; url: string } } };
    assert.equal(body.data.episode.title, 'Harbour voices');
    assert.match(body.data.episode.url, /^https:\/\/warta\.test\/en\/programs\/hooks-\d+\/episodes\//);
    const statuses = (await deliveries()).map((d) => d.status).sort();
    assert.deepEqual(statuses, ['delivered', 'skipped']);
  });

  it('send a raised banner with its link as an address of the site', async () => {
    await hookFor(['banner.raised']);
    await raiseBanner(
      t.app.ctx.writer,
      { edition: 'en', text: 'Strong earthquake felt in the capital', link: '/en/live', expires: '1h' },
      { timezone: 'UTC' },
    );
    await sendDue(t.db, sender());
    const body = JSON.parse(receiver.received[0]!.body) as { data: { banner: Record<string, unknown> } };
    assert.equal(body.data.banner.text, 'Strong earthquake felt in the capital');
    assert.equal(body.data.banner.url, 'https://warta.test/en/live');
  });
});

describe('the webhooks pages', () => {
  function post(who: SignedIn, url: string, fields: [string, string][]) {
    const payload = new URLSearchParams([['_csrf', who.csrfToken], ...fields]).toString();
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
  }

  it('are for administrators only', async () => {
    for (const role of ['editor', 'author', 'contributor', 'integrity_officer'] as const) {
      const who = await signedIn(t, role);
      assert.equal((await t.app.inject({ url: '/newsroom/webhooks', headers: who.headers })).statusCode, 403, role);
      const res = await post(who, '/newsroom/webhooks', [
        ['url', receiver.url],
        ['events', 'article.published'],
      ]);
      assert.equal(res.statusCode, 403, role);
    }
    assert.equal((await t.db.selectFrom('webhooks').select('id').execute()).length, 0);
  });

  it('add a hook with several events, show its secret on its page, and log it in the audit', async () => {
    const res = await post(admin, '/newsroom/webhooks', [
      ['url', `${receiver.url}/from-form`],
      ['description', 'Partner app'],
      ['events', 'article.published'],
      ['events', 'banner.raised'],
      ['active', '1'],
    ]);
    assert.equal(res.statusCode, 303);
    const hook = await t.db.selectFrom('webhooks').selectAll().executeTakeFirstOrThrow();
    assert.equal(res.headers.location, `/newsroom/webhooks/${hook.id}?done=created`);
    assert.equal(hook.events, 'article.published banner.raised');
    const page = await t.app.inject({ url: `/newsroom/webhooks/${hook.id}?done=created`, headers: admin.headers });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(hook.secret));
    assert.ok(page.body.includes('Partner app'));
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'subject_type', 'subject_id', 'actor_id'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    assert.deepEqual(audit, {
      action: 'webhook.created',
      subject_type: 'webhook',
      subject_id: hook.id,
      actor_id: admin.user.id,
    });

    const rotated = await post(admin, `/newsroom/webhooks/${hook.id}/rotate`, []);
    assert.equal(rotated.statusCode, 303);
    const after = await t.db
      .selectFrom('webhooks')
      .select('secret')
      .where('id', '=', hook.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(after.secret, hook.secret);
  });

  it('list every problem and save nothing', async () => {
    const res = await post(admin, '/newsroom/webhooks', [
      ['url', 'javascript:alert(1)'],
      ['description', 'x'.repeat(201)],
      ['events', 'article.deleted'],
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /must start with https:\/\/ or http:\/\//);
    assert.match(res.body, /at most 200 characters/);
    assert.match(res.body, /Choose events from the list/);
    const none = await post(admin, '/newsroom/webhooks', [['url', 'https://93.184.216.34/x']]);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Choose at least one event/);
    const nul = await post(admin, '/newsroom/webhooks', [
      ['url', 'https://93.184.216.34/\u0000'],
      ['events', 'article.published'],
    ]);
    assert.equal(nul.statusCode, 400);
    assert.equal((await t.db.selectFrom('webhooks').select('id').execute()).length, 0);
  });

  it('refuse a private address when the operator has not allowed them', async () => {
    const strict = await createTestApp();
    try {
      const who = await signedIn(strict, 'admin');
      const payload = new URLSearchParams([
        ['_csrf', who.csrfToken],
        ['url', 'http://169.254.169.254/latest/meta-data/'],
        ['events', 'article.published'],
      ]).toString();
      const res = await strict.app.inject({
        method: 'POST',
        url: '/newsroom/webhooks',
        headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /private, loopback or reserved address/);
      assert.equal((await strict.db.selectFrom('webhooks').select('id').execute()).length, 0);
    } finally {
      await strict.close();
    }
  });

  it('refuse a post without the form token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/webhooks',
      headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `url=${encodeURIComponent(receiver.url)}&events=article.published`,
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.db.selectFrom('webhooks').select('id').execute()).length, 0);
  });

  it('send a finished delivery again on request', async () => {
    const hook = await hookFor(['article.published']);
    await makeArticle(t.db);
    await sendDue(t.db, sender());
    const [row] = await deliveries();
    assert.equal(row!.status, 'delivered');
    const res = await post(admin, `/newsroom/webhooks/${hook.id}/deliveries/${row!.id}/redeliver`, []);
    assert.equal(res.statusCode, 303);
    assert.equal(await sendDue(t.db, sender()), 1);
    assert.equal(receiver.received.length, 2);
    assert.equal(receiver.received[0]!.body, receiver.received[1]!.body, 'the same body again');
  });
});

// Last in the file: once its timer has run the job, the app keeps sending on its own clock.
describe("the app's own sender", () => {
  it('sends what is due from its job, on its clock', async () => {
    await hookFor(['article.published']);
    await makeArticle(t.db);
    await t.db
      .updateTable('scheduled_jobs')
      .set({ next_run_at: toDbTime(new Date(0)), locked_by: null, locked_until: null })
      .where('name', '=', 'webhooks.send')
      .execute();
    // Whichever runs it first, this call or the runner's own tick, the delivery goes out.
    await t.app.ctx.jobs.runDue();
    for (let i = 0; i < 100 && (await deliveries())[0]!.status === 'pending'; i++) await delay(100);
    assert.equal((await deliveries())[0]!.status, 'delivered');
    assert.equal(receiver.received.length, 1);
  });
});
