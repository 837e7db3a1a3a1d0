// The people the inbox names: who a report can be assigned to (active integrity officers and
// administrators, as assignReport accepts), and the names of the officers a page mentions.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/** Someone a report can be assigned to. */
export interface Assignee {
  readonly id: number;
  readonly name: string;
}

/** Everyone a report can be assigned to, by name. */
export async function listAssignees(db: Db): Promise<Assignee[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('is_active', '=', 1)
    .where('role', 'in', ['integrity_officer', 'admin'])
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** The names of these people (those whose accounts still exist). */
export async function staffNames(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
