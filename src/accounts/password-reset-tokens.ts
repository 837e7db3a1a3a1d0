// Password reset by e-mail: a link that works once, within an hour. The link carries a random
// token (256 bits); password_resets keeps only its SHA-256, so a copy of the database resets no
// password. A new link voids the user's earlier unused ones.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { toBool, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { runCommand } from '../core/events/index.ts';
import { MailError, type Mailer } from '../core/mail.ts';
import { findUserByEmail, setPassword } from '../users/index.ts';
import { passwordResetMail } from './password-reset-mail.ts';
import { endUserSessions, hashToken, newToken } from './sessions.ts';
import './events.ts';

type Db = Kysely<Database>;
type WriteCtx = Pick<AppContext, 'db' | 'events' | 'now'>;

/** How long a reset link works. */
export const RESET_VALID_MS = 3600_000;

/** The shape of a token newToken() makes (43 base64url characters); anything else is never looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Makes a reset token for a user and stores its hash, deleting the user's earlier unused ones. */
export async function issueResetToken(db: Db, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        created_at: toDbTime(now),
        expires_at: toDbTime(new Date(now.getTime() + RESET_VALID_MS)),
        used_at: null,
      })
      .execute();
  });
  return token;
}

/** The account a token resets, while the token is unused and unexpired and the account active. */
export async function findResetAccount(
  db: Db,
  token: string,
  now: Date,
): Promise<{ readonly userId: number; readonly email: string } | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.is_active'])
    .where('r.token_hash', '=', hashToken(token))
    .where('r.used_at', 'is', null)
    .where('r.expires_at', '>', toDbTime(now))
    .executeTakeFirst();
  return row && toBool(row.is_active) ? { userId: row.id, email: row.email } : undefined;
}

/** Thrown inside the reset transaction when another request spent the token first. */
class TokenSpent extends Error {}

/**
 * Sets a new password through a live token, in one transaction: the password (checked against
 * the password rules: a UserInputError leaves the token unused), the end of every session of the
 * user, the token marked used by one conditional UPDATE (so of two requests racing with one
 * token, one wins and the other changes nothing) and `staff.password_reset`.
 * Returns the user's id, or undefined when the token is not live.
 */
export async function resetPassword(ctx: WriteCtx, token: string, password: string): Promise<number | undefined> {
  const now = ctx.now();
  let userId: number | undefined;
  try {
    userId = await ctx.db.transaction().execute(async (trx) => {
      const account = await findResetAccount(trx, token, now);
      if (!account) return undefined;
      const w = { db: trx, events: ctx.events, now: () => now, actorId: account.userId };
      await setPassword(w, account.userId, password);
      await endUserSessions(trx, account.userId);
      const spent = await trx
        .updateTable('password_resets')
        .set({ used_at: toDbTime(now) })
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', toDbTime(now))
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw new TokenSpent();
      await runCommand(w, (_trx, emit) => emit('staff.password_reset', { userId: account.userId }));
      return account.userId;
    });
  } catch (error) {
    if (error instanceof TokenSpent) return undefined;
    throw error;
  }
  await ctx.events.afterCommit();
  return userId;
}

/**
 * The part of a reset request that depends on whether the account exists, run after the answer
 * is decided: for an active account with a password, a new token and the e-mail with its link;
 * for anything else, nothing. Failures are logged without the address, the link or the body.
 */
export async function sendResetLink(
  ctx: Pick<AppContext, 'db' | 'now' | 'config'>,
  mailer: Mailer,
  input: { email: string; siteName: string },
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    const user = input.email.length <= 320 ? await findUserByEmail(ctx.db, input.email) : undefined;
    if (!user || !toBool(user.is_active) || !user.password_hash) return;
    const token = await issueResetToken(ctx.db, user.id, ctx.now());
    const link = `${ctx.config.baseUrl}/newsroom/password-reset/${token}`;
    await mailer.send(
      passwordResetMail({ to: user.email, siteName: input.siteName, link, validMinutes: RESET_VALID_MS / 60_000 }),
    );
  } catch (error) {
    log.error(
      { err: error instanceof MailError ? error : new Error(describe(error)) },
      'password reset e-mail not sent',
    );
  }
}

/** A failure's name and message, dropping anything attached to it (a driver's query parameters). */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Deletes links that were used or have expired (a job). */
export async function sweepPasswordResets(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('password_resets')
    .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', toDbTime(now))]))
    .execute();
}

const running = new Set<Promise<void>>();

/** Runs work after a request has been answered, keeping track of it so a shutdown can wait. */
export function runInBackground(work: () => Promise<void>, log: FastifyBaseLogger): void {
  const done: Promise<void> = Promise.resolve()
    .then(work)
    .catch((error: unknown) => log.error({ err: new Error(describe(error)) }, 'background work failed'))
    .finally(() => running.delete(done));
  running.add(done);
}

/** Resolves once every reset request handed to the background so far has finished. */
export async function settleResetRequests(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
