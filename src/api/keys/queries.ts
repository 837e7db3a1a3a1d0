// Reading keys for the newsroom's page, and the accounts a key may belong to.
import type { Kysely } from 'kysely';
import { toDate, toDateOrNull } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { isScope, type Scope } from './model.ts';

type Db = Kysely<Database>;

/** A key as the list shows it (never the key: only its first characters). */
export interface ListedKey {
  readonly id: number;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly Scope[];
  readonly userName: string;
  readonly userRole: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Every key, the ones in use first, newest first. */
export async function listApiKeys(db: Db): Promise<ListedKey[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.scopes',
      'k.created_at',
      'k.last_used_at',
      'k.revoked_at',
      'u.display_name',
      'u.role',
    ])
    .orderBy('k.id', 'desc')
    .execute();
  const keys = rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes.split(' ').filter(isScope),
    userName: r.display_name,
    userRole: r.role,
    createdAt: toDate(r.created_at),
    lastUsedAt: toDateOrNull(r.last_used_at),
    revokedAt: toDateOrNull(r.revoked_at),
  }));
  return [...keys.filter((k) => !k.revokedAt), ...keys.filter((k) => k.revokedAt)];
}

/** Accounts that can hold a key: active, with a password (people who sign in). */
export async function keyHolders(db: Db): Promise<{ id: number; name: string; role: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('is_active', '=', 1)
    .where('password_hash', 'is not', null)
    .orderBy('display_name')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role }));
}
