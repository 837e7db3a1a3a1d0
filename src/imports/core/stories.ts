// One story of an import, written in its caller's transaction with its links: through the same
// article commands and sanitiser as the newsroom, its photo and inline images through the media
// pipeline, its read and rating totals as the baseline Warta's own reads and votes add to.
import { sql } from 'kysely';
import { createArticle, updateArticle, type CreateArticleInput } from '../../articles/index.ts';
import { slugify } from '../../core/text/slug.ts';
import { isoInZone } from '../../i18n/index.ts';
import { extractDatelineAndSource } from './dateline.ts';
import { importImage, rewriteInlineImages } from './images.ts';
import { findLink, hashOf, isEditedSinceImport, recordLink } from './ledger.ts';
import { editorialTeam } from './people.ts';
import type { ImportRun } from './run.ts';
import { fallbackSection } from './sections.ts';
import type { ImportedArticle } from './types.ts';

/** The rows made so far, by source id: what a story's references become. */
export interface ImportMaps {
  readonly categories: ReadonlyMap<string, number>;
  readonly authors: ReadonlyMap<string, number>;
}

const MAX_TAGS = 50;

/** Imports one story (in `run`'s transaction): creates, updates, or leaves it, and says which. */
export async function importArticle(run: ImportRun, article: ImportedArticle, maps: ImportMaps): Promise<void> {
  const kind = run.source.articleKind;
  const label = `${kind} ${article.sourceId}`;
  const hash = hashOf(contentOf(article));
  await countTags(run, article);
  const link = await findLink(run.w.db, run.scope, kind, article.sourceId);
  if (link) {
    const current = await run.w.db
      .selectFrom('articles')
      .select(['id', 'version'])
      .where('id', '=', link.targetId)
      .executeTakeFirst();
    if (!current) {
      run.count('article', 'skipped');
      run.warn(label, `article ${link.targetId} was deleted in Warta since its import; not made again`);
      return;
    }
    await importTotals(run, article, current.id);
    if (link.sourceHash === hash) {
      run.count('article', 'unchanged');
      return;
    }
    if (await isEditedSinceImport(run.w.db, link)) {
      run.count('article', 'skipped');
      run.summary.editedInWarta.push({ sourceId: article.sourceId, articleId: current.id });
      return;
    }
    run.count('article', 'updated');
    const input = await inputOf(run, article, maps, label);
    if (run.isDryRun) return;
    const { edition: _edition, ...fields } = input;
    // As of the change at the source: a story readers saw shows "Updated" with the source's time.
    const row = await updateArticle({ ...run.w, now: () => article.modifiedAt ?? run.now }, current.id, fields);
    await recordLink(
      run.w.db,
      run.scope,
      kind,
      article.sourceId,
      { targetId: row.id, sourceHash: hash, targetVersion: row.version },
      run.now,
    );
    await recordTags(run, article, row.id);
    return;
  }
  run.count('article', 'created');
  const input = await inputOf(run, article, maps, label);
  if (run.isDryRun) return;
  // Written as of its creation at the source, as the newsroom would have.
  const row = await createArticle({ ...run.w, now: () => article.createdAt }, input);
  await recordLink(
    run.w.db,
    run.scope,
    kind,
    article.sourceId,
    { targetId: row.id, sourceHash: hash, targetVersion: row.version },
    run.now,
  );
  await recordTags(run, article, row.id);
  await importTotals(run, article, row.id);
}

/** What a story's hash covers: everything an article is made from, not its read or rating totals. */
function contentOf(a: ImportedArticle): unknown {
  return {
    ...a,
    hits: undefined,
    ratingSum: undefined,
    ratingCount: undefined,
    modifiedAt: undefined,
    image: a.image && { id: a.image.sourceId, version: a.image.version },
    tags: a.tags.map((t) => t.name),
  };
}

/** The article command's input for a story: references resolved, text moved, images imported. */
async function inputOf(
  run: ImportRun,
  a: ImportedArticle,
  maps: ImportMaps,
  label: string,
): Promise<CreateArticleInput & { edition: string }> {
  let categoryId = a.categorySourceId === null ? undefined : maps.categories.get(a.categorySourceId);
  if (categoryId === undefined) {
    run.warn(label, `its category ${a.categorySourceId ?? '(none)'} is not imported: put in the "Imported" section`);
    categoryId = await fallbackSection(run);
  }
  const byline = a.byline.trim().slice(0, 200);
  let authorId = a.authorSourceId === null ? undefined : maps.authors.get(a.authorSourceId);
  if (authorId === undefined && a.authorSourceId !== null)
    run.warn(
      label,
      byline
        ? `its author ${a.authorSourceId} is gone at the source: kept the byline "${byline}"`
        : `its author ${a.authorSourceId} is gone at the source: credited to the Editorial team`,
    );
  if (authorId === undefined && !byline) authorId = await editorialTeam(run);

  const moved = extractDatelineAndSource(a.bodyHtml);
  if (moved.dateline) run.summary.moved.push({ sourceId: a.sourceId, field: 'dateline', text: moved.dateline });
  if (moved.source) run.summary.moved.push({ sourceId: a.sourceId, field: 'source', text: moved.source });
  const bodyHtml = await rewriteInlineImages(run, moved.bodyHtml, label);
  const featuredMediaId = a.image ? await importImage(run, a.image, label) : undefined;

  let title = a.title.trim();
  if (title.length > 300) {
    run.warn(label, 'its title is longer than 300 characters: cut');
    title = title.slice(0, 300);
  }
  const tags = a.tags.map((t) => t.name.trim().slice(0, 100)).filter(Boolean);
  if (tags.length > MAX_TAGS) run.warn(label, `it has ${tags.length} tags: the first ${MAX_TAGS} kept`);
  return {
    edition: run.scope.edition,
    categoryId,
    authorId: authorId || null,
    byline: byline || null,
    title: title || `(${label})`,
    slug: slugify(a.slug || title),
    summary: a.summary.slice(0, 2000),
    bodyHtml,
    dateline: moved.dateline.slice(0, 100),
    source: moved.source.slice(0, 200),
    status: a.status,
    publishedAt: a.publishedAt,
    unpublishAt: a.unpublishAt,
    isFeatured: a.isFeatured,
    featuredMediaId: featuredMediaId || null,
    imageCaption: a.imageCaption.slice(0, 1000),
    imageCredit: a.imageCredit.slice(0, 300),
    imageAlt: a.image ? title.slice(0, 500) : '',
    tags: tags.slice(0, MAX_TAGS),
  };
}

/** Counts a story's tags once per run: new, or linked by an earlier run. */
async function countTags(run: ImportRun, a: ImportedArticle): Promise<void> {
  for (const tag of a.tags) {
    const [kind, sourceId] = Object.entries(tag.keys)[0] ?? [];
    if (kind === undefined || sourceId === undefined) continue;
    const isKnown = (await findLink(run.w.db, run.scope, kind, sourceId)) !== undefined;
    run.countOnce('tag', `${kind}\u0000${sourceId}`, isKnown ? 'unchanged' : 'created');
  }
}

/** Records the story's tags' links (each under every key the source gives it). */
async function recordTags(run: ImportRun, a: ImportedArticle, articleId: number): Promise<void> {
  if (a.tags.length === 0) return;
  const rows = await run.w.db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.id', 'tags.slug'])
    .where('article_tags.article_id', '=', articleId)
    .execute();
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  for (const tag of a.tags) {
    const tagId = idOf.get(slugify(tag.name.trim().slice(0, 100)));
    if (tagId === undefined) continue;
    for (const [kind, sourceId] of Object.entries(tag.keys))
      await recordLink(run.w.db, run.scope, kind, sourceId, { targetId: tagId, sourceHash: hashOf(tag.name) }, run.now);
  }
}

/**
 * Sets the source's totals as the story's baseline. Ratings: `baseline_rating_*`, apart from the
 * vote rows (`rating_sum/count` stay their sums). Reads: added to `hit_count` and to one daily
 * row (the publication day), so `hit_count` stays the sum of the daily rows and every read Warta
 * counts adds to both exactly; the 'reads' link keeps what was added, and a re-run adds only
 * the difference. Nothing is written when nothing changed, or in a dry run.
 */
async function importTotals(run: ImportRun, a: ImportedArticle, articleId: number): Promise<void> {
  if (run.isDryRun) return;
  const db = run.w.db;
  const ratingSum = Math.max(0, Math.trunc(a.ratingSum));
  const ratingCount = Math.max(0, Math.trunc(a.ratingCount));
  await db
    .updateTable('articles')
    .set({ baseline_rating_sum: ratingSum, baseline_rating_count: ratingCount })
    .where('id', '=', articleId)
    .where((eb) => eb.or([eb('baseline_rating_sum', '!=', ratingSum), eb('baseline_rating_count', '!=', ratingCount)]))
    .execute();
  const hits = Math.max(0, Math.trunc(a.hits));
  const link = await findLink(db, run.scope, 'reads', a.sourceId);
  const before = link ? (JSON.parse(link.sourceHash) as { hits: number; day: string }) : undefined;
  if ((before?.hits ?? 0) === hits) return;
  const day = before?.day ?? isoInZone(a.publishedAt ?? a.createdAt, run.options.timezone).slice(0, 10);
  const added = hits - (before?.hits ?? 0);
  // Increments, never "read, add, write": reads the site counts meanwhile are not lost.
  await db
    .updateTable('articles')
    .set((eb) => ({ hit_count: eb('hit_count', '+', added) }))
    .where('id', '=', articleId)
    .execute();
  await db
    .insertInto('article_reads_daily')
    .values({ article_id: articleId, day, reads: added })
    .onConflict((oc) =>
      oc.columns(['article_id', 'day']).doUpdateSet({ reads: sql`article_reads_daily.reads + excluded.reads` }),
    )
    .execute();
  await recordLink(
    db,
    run.scope,
    'reads',
    a.sourceId,
    { targetId: articleId, sourceHash: JSON.stringify({ hits, day }) },
    run.now,
  );
}
