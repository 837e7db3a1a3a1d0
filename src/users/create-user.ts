// Creating a staff account: validated input, argon2id password hash, unique e-mail and slug.
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role, UserRow } from '../core/db/schema.ts';
import type { WriteContext } from '../core/events/index.ts';
import { slugify } from '../core/text/slug.ts';
import { addUser } from './commands.ts';
import { UserInputError } from './errors.ts';
import { findUserByEmail } from './queries.ts';

export const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];

const input = z.object({
  email: z.email('is not an e-mail address'),
  name: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
  role: z.enum(ROLES as [Role, ...Role[]], { message: `must be one of ${ROLES.join(', ')}` }),
  password: z.string().min(12, 'must be at least 12 characters').max(1024, 'is longer than 1024 characters'),
});

export type CreateUserInput = z.input<typeof input>;

export { UserInputError } from './errors.ts';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Creates a user ready to sign in to the newsroom. */
export async function createUser(w: WriteContext, raw: CreateUserInput): Promise<UserRow> {
  const db = w.db;
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    throw new UserInputError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const { email, name, role, password } = parsed.data;
  if (await findUserByEmail(db, email)) throw new UserInputError([`email ${email} is already in use`]);
  const slug = await uniqueSlug(db, slugify(name));
  return addUser(w, { email, displayName: name, slug, role, passwordHash: await hashPassword(password) });
}

async function uniqueSlug(db: Kysely<Database>, base: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('users').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
