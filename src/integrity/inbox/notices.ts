// Officers hear of a new report by e-mail, when SMTP is configured. A consumer of
// 'integrity_report.submitted' (once per site, however many app processes run) reads who to tell
// inside its transaction, and the messages go out after it, in the background: a slow or dead SMTP
// server never holds the database, the reporter's answer or the report itself. A message holds a
// link to the report's inbox page and one generic sentence: never its type, edition or content.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../core/db/schema.ts';
import type { EventOf } from '../../core/events/index.ts';
import { createLogger } from '../../core/log.ts';
import { createMailer, MailError, type Mailer, type MailMessage } from '../../core/mail.ts';
import { newsroomText as t } from '../../newsroom/index.ts';
import { reportPath } from './paths.ts';

/** The consumer's stable name (it keys the stored cursor). */
export const NOTICE_CONSUMER = 'integrity.inbox-notices';

/** Where a failed send is reported (a pino logger fits). */
export interface NoticeLog {
  error(obj: object, msg: string): void;
}

/** The e-mail addresses of every active integrity officer. */
export async function officerAddresses(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'integrity_officer')
    .where('is_active', '=', 1)
    .where('email', '<>', '')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.email);
}

/** The message an officer gets: the inbox link and a sentence, nothing about the report. */
export function noticeMessage(baseUrl: string, publicId: string, to: string): MailMessage {
  const link = new URL(reportPath(publicId), baseUrl).href;
  return { to, subject: t('inbox.mail.subject'), text: t('inbox.mail.body', { link }) };
}

const inFlight = new Set<Promise<void>>();

/** Resolves once every notice handed to the background so far has been sent or has failed. */
export async function settleInboxNotices(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Sends each message on its own (officers never see each other's addresses); a failure is logged
 * with the mailer's error code only, never the address, and the other messages still go.
 */
export async function sendNotices(mailer: Mailer, messages: readonly MailMessage[], log: NoticeLog): Promise<void> {
  for (const message of messages) {
    try {
      await mailer.send(message);
    } catch (error) {
      const safe = error instanceof MailError ? error : new Error('e-mail not sent');
      log.error({ err: safe }, 'an officer could not be told of a new integrity report by e-mail');
    }
  }
}

/**
 * Registers the notices' consumer; call from the integrity domain's setup(). It is registered
 * without SMTP too, so its cursor keeps up: configuring SMTP later does not mail a week of old
 * reports. Tests pass their own mailer and log.
 */
export function setupInboxNotices(
  ctx: AppContext,
  options: { mailer?: Mailer | undefined; log?: NoticeLog } = {},
): void {
  const mailer = 'mailer' in options ? options.mailer : createMailer(ctx.config);
  let log = options.log;
  ctx.events.consumeBatches(
    NOTICE_CONSUMER,
    ['integrity_report.submitted'],
    async (trx, events: readonly EventOf<'integrity_report.submitted'>[]) => {
      if (!mailer) return;
      const addresses = await officerAddresses(trx);
      const messages = events.flatMap((event) =>
        addresses.map((to) => noticeMessage(ctx.config.baseUrl, event.payload.publicId, to)),
      );
      if (messages.length === 0) return;
      // The app's logger is not part of the context: this one writes where and how it does.
      log ??= createLogger(ctx.config);
      const logTo = log;
      // After this batch's transaction (the cursor's move) rather than inside it: the whole batch
      // has been read without a failure, so a retried batch cannot have mailed half of it already.
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => sendNotices(mailer, messages, logTo))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    },
  );
}
