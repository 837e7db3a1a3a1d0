// Creating a staff account: validated input, argon2id password hash, unique e-mail and slug.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role, UserRow } from '../core/db/schema.ts';
import type { WriteContext } from '../core/events/index.ts';
import { slugify } from '../core/text/slug.ts';
import { addUser } from './commands.ts';
import { UserInputError } from './errors.ts';
import { findUserByEmail } from './queries.ts';
import { hashPassword, passwordProblems } from './passwords.ts';

export { ROLES } from './roles.ts';
import { ROLES } from './roles.ts';

const input = z.object({
  email: z.email('is not an e-mail address'),
  name: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
  role: z.enum(ROLES as [Role, ...Role[]], { message: `must be one of ${ROLES.join(', ')}` }),
  password: z.string(),
  editions: z.array(z.string()).optional(),
});

export { hashPassword } from './passwords.ts';

export type CreateUserInput = z.input<typeof input>;

export { UserInputError } from './errors.ts';

/** Creates a user ready to sign in to the newsroom. */
export async function createUser(w: WriteContext, raw: CreateUserInput): Promise<UserRow> {
  const db = w.db;
  const parsed = input.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
  if (typeof raw.password === 'string') problems.push(...(await passwordProblems(raw.password, raw)));
  if (!parsed.success || problems.length) throw new UserInputError(problems);
  const { email, name, role, password, editions } = parsed.data;
  if (await findUserByEmail(db, email)) throw new UserInputError([`email ${email} is already in use`]);
  const slug = await uniqueSlug(db, slugify(name));
  return addUser(w, {
    email,
    displayName: name,
    slug,
    role,
    passwordHash: await hashPassword(password),
    editions: editions ?? (role === 'admin' ? [] : await allEditions(db)),
  });
}

/** Every edition's code: where a new non-admin works unless told otherwise. */
async function allEditions(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('editions').select('code').orderBy('position').execute()).map((e) => e.code);
}

async function uniqueSlug(db: Kysely<Database>, base: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('users').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
