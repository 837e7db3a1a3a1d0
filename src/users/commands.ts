// Writing people: adding an author or staff member and changing how they appear on the site.
import { z } from 'zod';
import type { UserRow } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { AppError } from '../core/http/errors.ts';
import { slugify } from '../core/text/slug.ts';
import { parseInput } from '../core/validation.ts';
import { UserInputError } from './errors.ts';
import { insertUser, type NewUser } from './queries.ts';
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
