// Signing in and the first administrator. The answer to a failed sign-in never says whether the
// account exists: same message and status, and an unknown account costs the same argon2 work.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { lockKey } from '../core/db/dialect.ts';
import type { Database, UserRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { ensureCookieSecret } from '../core/secret.ts';
import { createUser, findUserByEmail, verifyPassword } from '../users/index.ts';
import { clearAccount, limitKeys, recordFailure, waitFor } from './limiter.ts';
import { createSession, type SessionStage } from './sessions.ts';
import './events.ts';

type Db = Kysely<Database>;

export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly stage: SessionStage; readonly userId: number }
  | { readonly ok: false; readonly reason: 'failed' }
  | { readonly ok: false; readonly reason: 'limited'; readonly waitMs: number };

/** Whether anyone can sign in yet (else the newsroom offers the one-time setup form). */
export async function hasStaffAccounts(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The writer for a request's commands: the audit log names `actorId` as the one who acted. */
export function writerAs(ctx: AppContext, actorId: number | null): WriteContext {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId };
}

/** Checks an e-mail and password from `address`; on success starts a session (stage by 2FA). */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const now = ctx.now();
  const keys = limitKeys(ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir), input.email, input.address);
  const waitMs = await waitFor(ctx.db, keys, now);
  if (waitMs > 0) return { ok: false, reason: 'limited', waitMs };
  const user = input.email.length <= 320 ? await findUserByEmail(ctx.db, input.email) : undefined;
  const matches = await verifyPassword(user?.password_hash, input.password);
  if (!user || !matches || !user.is_active) {
    await recordFailure(ctx.db, keys, now);
    await runCommand(writerAs(ctx, null), (_trx, emit) => emit('staff.sign_in_failed', { userId: user?.id ?? null }));
    return { ok: false, reason: 'failed' };
  }
  await clearAccount(ctx.db, keys);
  const stage: SessionStage = user.totp_enabled_at ? 'second_factor' : 'active';
  const token = await createSession(ctx.db, user.id, stage, now);
  if (stage === 'active') await recordSignIn(ctx, user.id);
  return { ok: true, token, stage, userId: user.id };
}

/** Records a completed sign-in (after the password, or after the second factor). */
export async function recordSignIn(ctx: AppContext, userId: number): Promise<void> {
  await runCommand(writerAs(ctx, userId), (_trx, emit) => emit('staff.signed_in', { userId }));
}

/**
 * Creates the first administrator, once: in one transaction that first checks (under a lock on
 * PostgreSQL; SQLite has one writer) that no one can sign in yet, so two forms sent at once
 * cannot both succeed.
 */
export async function setUpFirstAdmin(
  ctx: AppContext,
  input: { email: string; name: string; password: string },
): Promise<UserRow> {
  const user = await ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, 'warta:newsroom-setup');
    if (await hasStaffAccounts(trx)) throw new AppError('conflict', 'The newsroom is already set up.');
    return createUser(
      { db: trx, events: ctx.events, now: () => ctx.now(), actorId: null },
      { ...input, role: 'admin' },
    );
  });
  await ctx.events.afterCommit();
  return user;
}
