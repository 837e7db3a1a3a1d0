// Writing people: adding an author or staff member and changing how they appear on the site.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role, UserRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { slugify } from '../core/text/slug.ts';
import { parseInput } from '../core/validation.ts';
import { UserInputError } from './errors.ts';
import { insertUser, type NewUser } from './queries.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { ROLES } from './roles.ts';
import { lockKey, toBool, toDbTime } from '../core/db/dialect.ts';
import './events.ts';

const profile = z
  .strictObject({
    displayName: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
    slug: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
    bio: z.string().trim().max(5000, 'is longer than 5000 characters'),
  })
  .partial();

/** Adds a user as given (the seed and the newsroom's "add person"), recording author.created. */
export async function addUser(w: WriteContext, user: NewUser): Promise<UserRow> {
  return runCommand(w, async (trx, emit) => {
    const row = await insertUser(trx, user, w.now());
    await emit('author.created', { userId: row.id });
    return row;
  });
}

/** Changes an author's name, slug or bio; their stories are re-indexed and their pages purged. */
export async function updateAuthor(w: WriteContext, userId: number, raw: z.input<typeof profile>): Promise<UserRow> {
  const input = parseInput(profile, raw, (problems) => new UserInputError(problems));
  return runCommand(w, async (trx, emit) => {
    const current = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!current) throw new AppError('author_not_found');
    if (input.slug !== undefined) {
      const slug = slugify(input.slug);
      const clash = await trx
        .selectFrom('users')
        .select('id')
        .where('slug', '=', slug)
        .where('id', '!=', userId)
        .executeTakeFirst();
      if (clash) throw new UserInputError([`slug ${slug} is already in use`]);
      input.slug = slug;
    }
    const row = await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.slug !== undefined ? { slug: input.slug } : {}),
        ...(input.bio !== undefined ? { bio: input.bio } : {}),
        updated_at: new Date(w.now()).toISOString(),
      })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('author.updated', { userId });
    return row;
  });
}

/**
 * Sets a user's password (checked against the password rules). The caller ends the user's
 * sessions in the same transaction (accounts' changePassword), as a changed password must.
 */
export async function setPassword(w: WriteContext, userId: number, password: string): Promise<void> {
  const user = await w.db
    .selectFrom('users')
    .select(['email', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new AppError('not_found', 'No such user.');
  const problems = await passwordProblems(password, { email: user.email, name: user.display_name });
  if (problems.length) throw new UserInputError(problems);
  const passwordHash = await hashPassword(password);
  await runCommand(w, async (trx, emit) => {
    const now = toDbTime(w.now());
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
      .where('id', '=', userId)
      .execute();
    await emit('user.password_changed', { userId });
  });
}

// Staff accounts as administrators manage them: add a person (no password yet), change their
// role and editions, deactivate and reactivate. Two rules keep the newsroom governable: an admin
// cannot demote or deactivate themselves, and the last active admin stays an active admin.

/** A refused change to an administrator (`rule` says which rule; a 409). */
export class AdminRuleError extends AppError {
  constructor(readonly rule: 'self_role' | 'self_deactivate' | 'last_admin') {
    super(
      'conflict',
      rule === 'last_admin'
        ? 'The last active administrator must stay an active administrator.'
        : 'Administrators cannot demote or deactivate themselves.',
    );
    this.name = 'AdminRuleError';
  }
}

// Built on first use: ROLES comes from create-user.ts, which imports this module.
let staffSchemas: ReturnType<typeof makeStaffSchemas> | undefined;
function makeStaffSchemas() {
  const access = {
    role: z.enum(ROLES as [Role, ...Role[]], { message: `must be one of ${ROLES.join(', ')}` }),
    editions: z.array(z.string().max(16)).max(100),
  };
  return {
    access: z.strictObject(access),
    member: z.strictObject({
      name: z.string().trim().min(1, 'is required').max(120, 'is longer than 120 characters'),
      email: z.email('is not an e-mail address').max(320, 'is longer than 320 characters'),
      ...access,
    }),
  };
}
function schemas() {
  return (staffSchemas ??= makeStaffSchemas());
}

/** Problems with edition codes that are not editions of the site. */
async function editionProblems(db: Kysely<Database>, editions: readonly string[]): Promise<string[]> {
  if (editions.length === 0) return [];
  const known = new Set(
    (
      await db
        .selectFrom('editions')
        .select('code')
        .where('code', 'in', [...editions])
        .execute()
    ).map((e) => e.code),
  );
  return [...new Set(editions)].filter((e) => !known.has(e)).map((e) => `editions: ${e} is not an edition`);
}

/** Validates with every problem listed, edition codes included. */
async function parseStaff<T extends { editions: string[] }>(
  db: Kysely<Database>,
  schema: z.ZodType<T>,
  raw: unknown,
): Promise<T> {
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
  const editions = (raw as { editions?: unknown } | null)?.editions;
  if (Array.isArray(editions))
    problems.push(
      ...(await editionProblems(
        db,
        editions.filter((e): e is string => typeof e === 'string' && e.length <= 16),
      )),
    );
  if (!parsed.success || problems.length) throw new UserInputError(problems);
  return { ...parsed.data, editions: [...new Set(parsed.data.editions)] };
}

async function freeSlug(db: Kysely<Database>, base: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('users').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a staff member without a password (they set one through a link), recording author.created. */
export async function addStaffMember(
  w: WriteContext,
  raw: { name: string; email: string; role: string; editions: readonly string[] },
): Promise<UserRow> {
  const input = await parseStaff(w.db, schemas().member, raw);
  return runCommand(w, async (trx, emit) => {
    const email = input.email.trim().toLowerCase();
    const clash = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (clash) throw new UserInputError([`email: ${email} is already in use`]);
    const row = await insertUser(
      trx,
      {
        email,
        displayName: input.name,
        slug: await freeSlug(trx, slugify(input.name)),
        role: input.role,
        passwordHash: null,
        editions: input.editions,
      },
      w.now(),
    );
    await emit('author.created', { userId: row.id });
    return row;
  });
}

/**
 * Holds the admin rules for a change of `userId` to `role` / `isActive`: under a lock (PostgreSQL;
 * SQLite has one writer), so two admins demoting each other at once cannot leave none.
 */
async function checkAdminRules(
  trx: Kysely<Database>,
  w: WriteContext,
  user: { id: number; role: Role; is_active: number | boolean },
  next: { role: Role; isActive: boolean },
): Promise<void> {
  const stays = next.role === 'admin' && next.isActive;
  if (user.role !== 'admin' || !toBool(user.is_active) || stays) return;
  if (w.actorId === user.id) throw new AdminRuleError(next.isActive ? 'self_role' : 'self_deactivate');
  await lockKey(trx, 'warta:admins');
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', 1)
    .where('id', '!=', user.id)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AdminRuleError('last_admin');
}

async function staffRow(trx: Kysely<Database>, userId: number) {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'role', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new AppError('not_found', 'No such person.');
  return user;
}

/** Sets a person's role and editions; records user.role_changed and user.editions_changed for what changed. */
export async function updateStaffAccess(
  w: WriteContext,
  userId: number,
  raw: { role: string; editions: readonly string[] },
): Promise<void> {
  const input = await parseStaff(w.db, schemas().access, raw);
  await runCommand(w, async (trx, emit) => {
    const user = await staffRow(trx, userId);
    if (input.role !== user.role) {
      await checkAdminRules(trx, w, user, { role: input.role, isActive: toBool(user.is_active) });
      await trx
        .updateTable('users')
        .set({ role: input.role, updated_at: toDbTime(w.now()) })
        .where('id', '=', userId)
        .execute();
      await emit('user.role_changed', { userId, role: input.role });
    }
    const current = (
      await trx.selectFrom('user_editions').select('edition').where('user_id', '=', userId).execute()
    ).map((r) => r.edition);
    const same = current.length === input.editions.length && current.every((e) => input.editions.includes(e));
    if (!same) {
      await trx.deleteFrom('user_editions').where('user_id', '=', userId).execute();
      if (input.editions.length)
        await trx
          .insertInto('user_editions')
          .values(input.editions.map((edition) => ({ user_id: userId, edition })))
          .execute();
      await emit('user.editions_changed', { userId });
    }
  });
}

/**
 * Deactivates (no sign-in, no session) or reactivates a person. The caller ends a deactivated
 * person's sessions in the same transaction (accounts owns sessions). Nothing changes, and no
 * event is recorded, when the person already is as asked.
 */
export async function setUserActive(w: WriteContext, userId: number, isActive: boolean): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const user = await staffRow(trx, userId);
    if (toBool(user.is_active) === isActive) return;
    await checkAdminRules(trx, w, user, { role: user.role, isActive });
    await trx
      .updateTable('users')
      .set({ is_active: isActive ? 1 : 0, updated_at: toDbTime(w.now()) })
      .where('id', '=', userId)
      .execute();
    await emit(isActive ? 'user.reactivated' : 'user.deactivated', { userId });
  });
}
