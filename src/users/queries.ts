// Reading and creating people: authors on the public site, staff in the newsroom.
import type { Kysely } from 'kysely';
import { reusable } from '../core/db/compiled-query.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database, Role, UserRow } from '../core/db/schema.ts';

type Db = Kysely<Database>;

/**
 * A person's public author page, by slug. Whether they can still sign in does not matter: a
 * reporter who left keeps the page their bylines link to (deactivating ends sign-in only).
 */
export async function findAuthorBySlug(db: Db, slug: string): Promise<UserRow | undefined> {
  return userBySlug.executeTakeFirst(db, { slug });
}

const userBySlug = reusable((db: Db, a: { slug: string }) =>
  db.selectFrom('users').selectAll().where('slug', '=', a.slug),
);

/** A user by e-mail (stored lower-case). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export interface NewUser {
  email: string;
  displayName: string;
  slug: string;
  role: Role;
  passwordHash: string | null;
  bio?: string;
  /** Editions a non-admin works in. */
  editions?: readonly string[];
}

/** Inserts a user and returns it. */
export async function insertUser(db: Db, user: NewUser, now: Date): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: user.email.trim().toLowerCase(),
      display_name: user.displayName,
      slug: user.slug,
      role: user.role,
      password_hash: user.passwordHash,
      bio: user.bio ?? '',
      photo_media_id: null,
      is_active: 1,
      // Only with a password (the column is newer than the seed's authors; migration tests).
      ...(user.passwordHash ? { password_changed_at: toDbTime(now) } : {}),
      created_at: toDbTime(now),
      updated_at: toDbTime(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(async (row) => {
      if (user.editions?.length)
        await db
          .insertInto('user_editions')
          .values(user.editions.map((edition) => ({ user_id: row.id, edition })))
          .execute();
      return row;
    });
}

/** The path of an author's page in an edition. */
export function authorPath(edition: string, slug: string): string {
  return `/${edition}/author/${encodeURIComponent(slug)}`;
}
