// Officers told of a new report by e-mail, through a real SMTP server started here (smtp-server on
// 127.0.0.1, a random port): each active integrity officer gets one message holding only the
// report's inbox link, once however many processes deliver the event; a failed send is logged
// without the address and the report stays.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { signedIn } from '../../../test/helpers/newsroom.ts';
import { writerFor } from '../../../test/helpers/writer.ts';
import type { AppContext } from '../../context.ts';
import { EventBus } from '../../core/events/index.ts';
import { createMailer } from '../../core/mail.ts';
import { setUserActive } from '../../users/index.ts';
import { listInbox, submitReport } from '../reports/index.ts';
import { reportVault } from '../vault.ts';
import { noticeMessage, sendNotices, settleInboxNotices, setupInboxNotices } from './notices.ts';

const PHRASE = 'the harbour master asked for an envelope before stamping';

interface Received {
  readonly to: readonly string[];
  readonly raw: string;
}

/** An SMTP server that keeps every message and refuses recipients at `refused@…`. */
async function startSmtpServer(): Promise<{ url: string; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) callback(new Error('mailbox unavailable'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks)
            .toString('utf8')
            .replace(/=\r?\n/g, ''),
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

/** The body of a received message (after the headers). */
function bodyOf(message: Received): string {
  return message.raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
    .trim();
}

describe('e-mail to officers on a new report', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let officers: string[];

  before(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ WARTA_SMTP_URL: smtp.url, WARTA_MAIL_FROM: 'Warta <newsroom@warta.test>' });
    const first = await signedIn(t, 'integrity_officer');
    const second = await signedIn(t, 'integrity_officer');
    const former = await signedIn(t, 'integrity_officer');
    await setUserActive(writerFor(t.db), former.user.id, false);
    // Admins and editors are not mailed: the notice is for the officers' desk.
    await signedIn(t, 'admin');
    await signedIn(t, 'editor');
    officers = [first.user.email, second.user.email];
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  const submit = () =>
    submitReport(t.app.ctx.writer, reportVault(t.app.ctx), {
      edition: 'id',
      form: { kind: 'gratification', what: `At the port office, ${PHRASE}.` },
      files: [],
    });

  it('sends each active officer one message with the report’s link and nothing else', async () => {
    const { publicId } = await submit();
    await settleInboxNotices();
    assert.deepEqual(smtp.messages.map((m) => m.to).sort(), officers.map((o) => [o]).sort());
    for (const message of smtp.messages) {
      const body = bodyOf(message);
      const link = `https://warta.test/newsroom/integrity/reports/${publicId}`;
      assert.equal(
        body,
        'A new report has arrived in the integrity inbox. Sign in to the newsroom to read it:\n\n' + link,
      );
      assert.match(message.raw, /^Subject: A new report in the integrity inbox$/m);
      for (const secret of ['harbour', 'ratification', 'Gratification', 'gratification', 'Indonesia', 'edition'])
        assert.equal(message.raw.includes(secret), false, `the message says nothing of "${secret}"`);
      // One recipient each: officers never see each other's addresses.
      assert.equal(message.to.length, 1);
    }
  });

  it('is sent once when several app processes deliver the same event', async () => {
    // A second process: its own bus over the same database, with the same consumer.
    const quiet = { error: () => undefined, debug: () => undefined };
    const other = new EventBus(t.db, { log: quiet });
    setupInboxNotices({ config: t.config, events: other } as unknown as AppContext);
    // Submitted through a bus without consumers (a CLI, say): both processes then race for it.
    const bare = new EventBus(t.db, { log: quiet });
    const { publicId } = await submitReport({ db: t.db, events: bare, now: () => new Date() }, reportVault(t.app.ctx), {
      edition: 'en',
      form: { kind: 'complaint', what: 'The queue numbers were sold.' },
      files: [],
    });
    await Promise.all([other.deliver(), t.app.ctx.events.deliver(), other.deliver()]);
    await settleInboxNotices();
    assert.equal(smtp.messages.length, officers.length);
    assert.ok(smtp.messages.every((m) => m.raw.includes(publicId)));
    await other.close();
  });

  it('logs a refused send without the address, still mails the others and keeps the report', async () => {
    const lines: { obj: object; msg: string }[] = [];
    const log = { error: (obj: object, msg: string) => lines.push({ obj, msg }) };
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'newsroom@warta.test' })!;
    const { publicId } = await submit();
    await settleInboxNotices();
    smtp.messages.length = 0;
    await sendNotices(
      mailer,
      ['refused-officer@warta.test', 'ok-officer@warta.test'].map((to) =>
        noticeMessage(t.config.baseUrl, publicId, to),
      ),
      log,
    );
    mailer.close();
    assert.deepEqual(
      smtp.messages.map((m) => m.to),
      [['ok-officer@warta.test']],
    );
    assert.equal(lines.length, 1);
    const logged = JSON.stringify({ ...lines[0], err: String((lines[0]!.obj as { err: Error }).err) });
    assert.equal(logged.includes('refused-officer'), false, 'the log names no address');
    assert.equal(logged.includes('mailbox unavailable'), false, 'nor the server’s reply, which may repeat it');
    const { items } = await listInbox(t.db, {});
    assert.ok(items.some((i) => i.publicId === publicId));
  });
});

describe('without SMTP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await signedIn(t, 'integrity_officer');
  });
  after(() => t.close());

  it('takes the report, and the consumer keeps up without sending anything', async () => {
    const { publicId } = await submitReport(t.app.ctx.writer, reportVault(t.app.ctx), {
      edition: 'en',
      form: { kind: 'complaint', what: 'The counter was closed all day.' },
      files: [],
    });
    await settleInboxNotices();
    const cursor = await t.db
      .selectFrom('event_cursors')
      .select('last_id')
      .where('consumer', '=', 'integrity.inbox-notices')
      .executeTakeFirstOrThrow();
    const newest = await t.db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(cursor.last_id), Number(newest.id));
    assert.ok((await listInbox(t.db, {})).items.some((i) => i.publicId === publicId));
  });
});
