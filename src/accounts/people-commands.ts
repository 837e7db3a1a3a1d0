// Managing people from the newsroom: the users domain's commands, run as the administrator who
// asks, joined with what accounts owns: a deactivation ends the person's sessions in the same
// transaction, and a new person gets a one-time set-password link instead of a password.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { toBool, toDbTime } from '../core/db/dialect.ts';
import type { Database, Role, UserRow } from '../core/db/schema.ts';
import { lastSignIns } from '../audit/index.ts';
import { addStaffMember, setUserActive, updateStaffAccess } from '../users/index.ts';
import { issueResetToken } from './password-reset-tokens.ts';
import { endUserSessions, hashToken } from './sessions.ts';
import { writerAs } from './sign-in.ts';

type Db = Kysely<Database>;

/** How long a set-password link for a new person works: they may open it days later. */
export const SET_PASSWORD_VALID_MS = 7 * 24 * 3600_000;

/** A one-time link for the administrator to pass on. */
export interface SetPasswordLink {
  readonly url: string;
  readonly expiresAt: Date;
}

/** A person as the people pages show them. */
export interface Person {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly editions: readonly string[];
  readonly isActive: boolean;
  readonly hasPassword: boolean;
  readonly twoFactorEnabled: boolean;
  readonly lastSignIn: Date | null;
}

/** What the people forms send. */
export interface AccessInput {
  readonly role: string;
  readonly editions: readonly string[];
}

/**
 * A one-time set-password link for `userId` (password_resets, the reset page's table), working
 * for SET_PASSWORD_VALID_MS; the person's earlier unused links stop working.
 */
export async function issueSetPasswordLink(
  ctx: Pick<AppContext, 'db' | 'now' | 'config'>,
  userId: number,
): Promise<SetPasswordLink> {
  const now = ctx.now();
  const token = await issueResetToken(ctx.db, userId, now);
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_VALID_MS);
  await ctx.db
    .updateTable('password_resets')
    .set({ expires_at: toDbTime(expiresAt) })
    .where('token_hash', '=', hashToken(token))
    .execute();
  return { url: `${ctx.config.baseUrl}/newsroom/password-reset/${token}`, expiresAt };
}

/** Adds a person without a password, and makes the link with which they set one. */
export async function addPerson(
  ctx: AppContext,
  actorId: number,
  input: AccessInput & { readonly name: string; readonly email: string },
): Promise<{ user: UserRow; link: SetPasswordLink }> {
  const user = await addStaffMember(writerAs(ctx, actorId), input);
  return { user, link: await issueSetPasswordLink(ctx, user.id) };
}

/** Changes a person's role and editions (one transaction: both or neither). */
export async function updatePersonAccess(
  ctx: AppContext,
  actorId: number,
  userId: number,
  input: AccessInput,
): Promise<void> {
  await updateStaffAccess(writerAs(ctx, actorId), userId, input);
}

/** Deactivates a person, ending every session of theirs in the same transaction, or reactivates them. */
export async function setPersonActive(
  ctx: AppContext,
  actorId: number,
  userId: number,
  isActive: boolean,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await setUserActive({ ...writerAs(ctx, actorId), db: trx }, userId, isActive);
    if (!isActive) await endUserSessions(trx, userId);
  });
  await ctx.events.afterCommit();
}

function personQuery(db: Db) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'id',
      'display_name',
      'email',
      'role',
      'is_active',
      'totp_enabled_at',
      eb('password_hash', 'is not', null).as('has_password'),
    ]);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;

async function toPeople(db: Db, rows: readonly PersonRow[]): Promise<Person[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [editions, signIns] = await Promise.all([
    db
      .selectFrom('user_editions')
      .select(['user_id', 'edition'])
      .where('user_id', 'in', ids)
      .orderBy('edition')
      .execute(),
    lastSignIns(db, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    email: r.email,
    role: r.role,
    editions: editions.filter((e) => e.user_id === r.id).map((e) => e.edition),
    isActive: toBool(r.is_active),
    hasPassword: toBool(r.has_password as number | boolean),
    twoFactorEnabled: r.totp_enabled_at !== null,
    lastSignIn: signIns.get(r.id) ?? null,
  }));
}

/** Everyone, by name. */
export async function listPersons(db: Db): Promise<Person[]> {
  return toPeople(db, await personQuery(db).orderBy('display_name').orderBy('id').execute());
}

/** One person, or undefined. */
export async function findPerson(db: Db, id: number): Promise<Person | undefined> {
  const row = await personQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? (await toPeople(db, [row]))[0] : undefined;
}
