// While an article's form is open: every half minute the form's script says so (presence) and,
// when something was typed, sends the form's fields (autosave). Autosaves are kept per person
// beside the article, never over it: saving the form is still what changes the article, and a
// colleague's save in between is still a conflict. Opening the article again offers them back.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DomainRoutes } from '../../context.ts';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import { requirePermission } from '../../newsroom/index.ts';
import { FIELD_NAMES, type FormValues } from './form.ts';
import { findArticle } from './queries.ts';

type Db = Kysely<Database>;

/** Someone whose form said it was open within this long still has the article open. */
export const PRESENCE_MS = 75_000;

const heartbeat = z.strictObject({
  version: z.number().int().nonnegative(),
  fields: z.record(z.string(), z.string().max(1_100_000)).optional(),
});

/** Who else has the article open now. */
export async function othersEditing(db: Db, articleId: number, userId: number, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('article_presence as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('u.display_name')
    .where('p.article_id', '=', articleId)
    .where('p.user_id', '!=', userId)
    .where('p.seen_at', '>', toDbTime(new Date(now.getTime() - PRESENCE_MS)))
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => r.display_name);
}

/** This person's unsaved fields for an article, when newer than the article itself. */
export async function pendingAutosave(
  db: Db,
  article: { id: number; updated_at: Date | string },
  userId: number,
): Promise<{ savedAt: Date; basedOnVersion: number; fields: FormValues } | undefined> {
  const row = await db
    .selectFrom('article_autosaves')
    .selectAll()
    .where('article_id', '=', article.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row || toDate(row.saved_at) <= toDate(article.updated_at)) return undefined;
  return {
    savedAt: toDate(row.saved_at),
    basedOnVersion: row.based_on_version,
    fields: JSON.parse(row.fields) as FormValues,
  };
}

/** Drops a person's autosave once they saved the form. */
export async function clearAutosave(db: Db, articleId: number, userId: number): Promise<void> {
  await db.deleteFrom('article_autosaves').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
}

export const draftingRoutes: DomainRoutes = async (app, { ctx }) => {
  app.post<{ Params: { id: string } }>('/articles/:id/heartbeat', { bodyLimit: 1_200_000 }, async (request, reply) => {
    const article = await findArticle(ctx.db, Number(request.params.id) || 0);
    if (!article) throw new AppError('article_not_found');
    const staff = requirePermission(request, 'article.edit', {
      edition: article.edition,
      ownerId: article.created_by,
      status: article.status,
    });
    const parsed = heartbeat.safeParse(request.body);
    if (!parsed.success) throw new AppError('bad_request', 'The form could not be read.');
    const now = ctx.now();
    await ctx.db
      .insertInto('article_presence')
      .values({ article_id: article.id, user_id: staff.id, seen_at: toDbTime(now) })
      .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ seen_at: toDbTime(now) }))
      .execute();
    let savedAt: string | null = null;
    if (parsed.data.fields) {
      // Only the form's own fields are kept (never the form token).
      const fields = Object.fromEntries(
        FIELD_NAMES.filter((name) => name !== 'step' && parsed.data.fields![name] !== undefined).map((name) => [
          name,
          parsed.data.fields![name]!,
        ]),
      );
      const values = {
        based_on_version: parsed.data.version,
        saved_at: toDbTime(now),
        fields: JSON.stringify(fields),
      };
      await ctx.db
        .insertInto('article_autosaves')
        .values({ article_id: article.id, user_id: staff.id, ...values })
        .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet(values))
        .execute();
      savedAt = now.toISOString();
    }
    return reply.send({
      savedAt,
      others: await othersEditing(ctx.db, article.id, staff.id, now),
      // The stored version: when it moved past the form's, someone else saved meanwhile.
      version: article.version,
    });
  });
};
