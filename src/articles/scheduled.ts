// Scheduled stories appear on their minute by the "published" rule alone; this job also tells
// the rest of the system (caches, later webhooks) with an article.published event. The page
// cache also knows each edition's next such minute ahead, so no cache keeps a page past it.
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { ScheduledChange } from '../core/http/scheduled-changes.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import type { JobRun } from '../core/jobs/runner.ts';
import { updateArticle } from './commands.ts';
import { findNextScheduledTime, findNextUnpublishTime } from './queries.ts';
import './events.ts';

/**
 * Records article.published for stories whose publication time has come since the previous
 * run and that were last saved before it (so were scheduled, not published on the spot).
 * Returns how many it announced.
 */
export async function announceScheduledArticles(w: WriteContext, run: JobRun): Promise<number> {
  const from = run.previousRunAt ?? new Date(run.now.getTime() - 60_000);
  return runCommand(w, async (trx, emit) => {
    const due = await trx
      .selectFrom('articles')
      .select(['id', 'edition', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', '>', toDbTime(from))
      .where('published_at', '<=', toDbTime(run.now))
      .whereRef('updated_at', '<', 'published_at')
      .orderBy('published_at')
      .limit(1000)
      .execute();
    for (const a of due) {
      const at = a.published_at instanceof Date ? a.published_at.toISOString() : String(a.published_at);
      await emit('article.published', { articleId: a.id, edition: a.edition, publishedAt: at });
    }
    return due.length;
  });
}

/**
 * Takes off the site the published stories whose end time has come (an article.unpublished
 * event each: caches purge). The end time is cleared, so publishing the story again later does
 * not take it straight off. Returns how many it unpublished.
 */
export async function unpublishDueArticles(w: WriteContext, now: Date): Promise<number> {
  const due = await w.db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('unpublish_at', '<=', toDbTime(now))
    .orderBy('unpublish_at')
    .limit(500)
    .execute();
  for (const a of due) await updateArticle(w, a.id, { status: 'archived', unpublishAt: null });
  return due.length;
}

/**
 * Each edition's next change on the clock after `now`: a scheduled story appearing or a story
 * reaching its end time, one index seek each per edition, whatever the size of the archive.
 */
export async function findNextScheduled(
  db: Kysely<Database>,
  editions: readonly string[],
  now: Date,
): Promise<ScheduledChange[]> {
  const times = await Promise.all(
    editions.map(async (edition) => {
      const [publish, unpublish] = await Promise.all([
        findNextScheduledTime(db, edition, now),
        findNextUnpublishTime(db, edition, now),
      ]);
      return publish && unpublish ? (publish < unpublish ? publish : unpublish) : (publish ?? unpublish);
    }),
  );
  return times.flatMap((at, i) => (at ? [{ edition: editions[i]!, at }] : []));
}
