// Newsroom sessions, kept in the database so every app process knows them. The cookie holds a
// random token; the table holds its SHA-256, so a copy of the database opens no session.
// A session ends at sign-out, after IDLE_MS without a request, at its absolute time-out, and
// when its user's password changes (every other session of that user too).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database, Role, StaffSessionsTable } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/** A session ends after this long without a request (a working day's pause). */
export const IDLE_MS = 8 * 3600_000;
/** …and this long after sign-in, however busy. */
export const ABSOLUTE_MS = 7 * 24 * 3600_000;
/** The second step of sign-in (a code from the authenticator) must follow within this. */
export const SECOND_FACTOR_MS = 10 * 60_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_MS = 60_000;

export type SessionStage = StaffSessionsTable['stage'];

/** A live session with its user, as the newsroom's guard loads it. */
export interface LoadedSession {
  readonly idHash: string;
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly user: {
    readonly id: number;
    readonly email: string;
    readonly displayName: string;
    readonly role: Role;
    readonly twoFactorEnabled: boolean;
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token (256 bits), URL- and cookie-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Starts a session and returns the token for the cookie (a new id at every sign-in). */
export async function createSession(db: Db, userId: number, stage: SessionStage, now: Date): Promise<string> {
  const token = newToken();
  const expires = stage === 'active' ? ABSOLUTE_MS : SECOND_FACTOR_MS;
  await db
    .insertInto('staff_sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      stage,
      csrf_token: newToken(),
      created_at: toDbTime(now),
      last_seen_at: toDbTime(now),
      expires_at: toDbTime(new Date(now.getTime() + expires)),
    })
    .execute();
  return token;
}

/** The session of a cookie's token, if it is live (the user active too); touches it now and then. */
export async function loadSession(db: Db, token: string, now: Date): Promise<LoadedSession | undefined> {
  if (token.length > 100) return undefined;
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.stage',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.is_active',
      'u.totp_enabled_at',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const lastSeen = toDate(row.last_seen_at).getTime();
  const nowMs = now.getTime();
  if (!row.is_active || toDate(row.expires_at).getTime() <= nowMs || nowMs - lastSeen >= IDLE_MS) {
    await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (nowMs - lastSeen >= TOUCH_MS) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: toDbTime(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    idHash,
    stage: row.stage,
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      twoFactorEnabled: row.totp_enabled_at !== null,
    },
  };
}

/** Moves a session past the second factor: a new id (and token) for the now trusted session. */
export async function promoteSession(db: Db, idHash: string, now: Date): Promise<string> {
  const token = newToken();
  await db
    .updateTable('staff_sessions')
    .set({
      id_hash: hashToken(token),
      stage: 'active',
      csrf_token: newToken(),
      last_seen_at: toDbTime(now),
      expires_at: toDbTime(new Date(now.getTime() + ABSOLUTE_MS)),
    })
    .where('id_hash', '=', idHash)
    .execute();
  return token;
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user but one (the one that changed the password stays signed in). */
export async function endUserSessions(db: Db, userId: number, exceptIdHash?: string): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('user_id', '=', userId);
  if (exceptIdHash !== undefined) query = query.where('id_hash', '!=', exceptIdHash);
  await query.execute();
}

/** Deletes sessions past their time-outs (a job; loadSession also refuses them). */
export async function sweepSessions(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('staff_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', toDbTime(now)),
        eb('last_seen_at', '<=', toDbTime(new Date(now.getTime() - IDLE_MS))),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
