// Related stories: those that share the most tags with an article, newest first, then its
// section's newest. The candidates are bounded: each tag's newest published stories and the
// section's newest, so a tag carried by a quarter of the archive costs no more than a rare one.
// Each story in a list comes with all its tags, so a candidate's shared tags are counted in full
// (an older story sharing a rare and a popular tag counts both) without another lookup. Lists
// depend on the edition's published stories alone, not on the article, so the article page
// keeps them in memory until the edition changes: between changes, related stories cost no
// query at all once their cards are kept too.
import type { Kysely } from 'kysely';
import { reusable } from '../core/db/compiled-query.ts';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { toArticleSummary, type Article, type ArticleSummary } from './model.ts';
import { findCardRows, padded } from './cards-by-id.ts';
import { isPublishedRow } from './queries.ts';

type Db = Kysely<Database>;

/** Tags of an article whose stories related lists look at, and how many of each tag's newest. */
export const RELATED_TAGS = 8;
export const RELATED_PER_TAG = 12;

/** A published story in a candidate list: its id, publication time (ms) and every tag it carries. */
export interface Ranked {
  readonly id: number;
  readonly at: number;
  readonly tags: readonly number[];
}

/** The newest published stories of tags (a list per tag, in order) or a section, newest first. */
export interface CandidateLists {
  newestWithTags(edition: string, tagIds: readonly number[], now: Date, limit: number): Promise<readonly Ranked[][]>;
  newestInSection(edition: string, categoryId: number, now: Date, limit: number): Promise<readonly Ranked[]>;
  /** The cards of these published stories, in order (undefined for one no longer published). */
  cardsOf(edition: string, articleIds: readonly number[], now: Date): Promise<readonly (ArticleSummary | undefined)[]>;
}

/** Candidate lists read from the database on every call. */
export function candidateListsOf(db: Db): CandidateLists {
  return {
    async newestWithTags(_edition, tagIds, now, limit) {
      if (tagIds.length === 0) return [];
      const rows = await newestWithEachTag.execute(db, { tagIds, now: toDbTime(now), limit });
      const tagsOf = await tagsOfEach(
        db,
        rows.map((row) => row.article_id),
      );
      const lists = new Map<number, Ranked[]>(tagIds.map((tagId) => [tagId, []]));
      for (const row of rows) {
        const at = toDate(row.published_at!).getTime();
        lists.get(row.tag_id)?.push({ id: row.article_id, at, tags: tagsOf.get(row.article_id) ?? [] });
      }
      // A union keeps no order: each list newest first again.
      return tagIds.map((tagId) => lists.get(tagId)!.sort((a, b) => b.at - a.at || b.id - a.id));
    },
    async newestInSection(_edition, categoryId, now, limit) {
      const rows = await newestInCategory.execute(db, { categoryId, now: toDbTime(now), limit });
      const tagsOf = await tagsOfEach(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((r) => ({ id: r.id, at: toDate(r.at!).getTime(), tags: tagsOf.get(r.id) ?? [] }));
    },
    async cardsOf(edition, articleIds, now) {
      if (articleIds.length === 0) return [];
      const rows = await findCardRows(db, articleIds);
      const shown = rows.filter((row) => row.edition === edition && isPublishedRow(row, now));
      const byId = new Map(shown.map((row) => [row.id, row]));
      return articleIds.map((id) => {
        const row = byId.get(id);
        return row ? toArticleSummary(row) : undefined;
      });
    },
  };
}

/**
 * Per tag one index range of article_tags by publication time (0010), all in one query. The
 * column is set only while the story is published, so drafts and scheduled stories take no place.
 */
const newestWithEachTag = reusable((db: Db, a: { tagIds: readonly number[]; now: string; limit: number }) => {
  const arms = a.tagIds.map((tagId) =>
    db
      .selectFrom(
        db
          .selectFrom('article_tags')
          .select(['article_tags.tag_id', 'article_tags.article_id', 'article_tags.published_at'])
          .where('article_tags.tag_id', '=', tagId)
          .where('article_tags.published_at', '<=', a.now)
          .orderBy('article_tags.published_at', 'desc')
          .orderBy('article_tags.article_id', 'desc')
          .limit(a.limit)
          .as('tagged'),
      )
      .selectAll(),
  );
  return arms.slice(1).reduce((union, arm) => union.unionAll(arm), arms[0]!);
});

/** A section belongs to one edition, so its (category, status, published_at) index covers this. */
const newestInCategory = reusable((db: Db, a: { categoryId: number; now: string; limit: number }) =>
  db
    .selectFrom('articles')
    .select(['articles.id', 'articles.published_at as at'])
    .where('articles.category_id', '=', a.categoryId)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', a.now)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(a.limit),
);

/** Every tag of each of these stories, in one query. */
async function tagsOfEach(db: Db, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const tags = new Map<number, number[]>();
  if (articleIds.length === 0) return tags;
  for (const row of await tagsOfStories.execute(db, { ids: padded([...new Set(articleIds)]) })) {
    const carried = tags.get(row.article_id);
    if (carried) carried.push(row.tag_id);
    else tags.set(row.article_id, [row.tag_id]);
  }
  return tags;
}

/** The primary key's prefix; ids padded, so a few shapes serve every length. */
const tagsOfStories = reusable((db: Db, a: { ids: readonly number[] }) =>
  db
    .selectFrom('article_tags')
    .select(['article_tags.article_id', 'article_tags.tag_id'])
    .where('article_tags.article_id', 'in', a.ids),
);

/**
 * Up to `limit` stories related to an article: most shared tags first (among its first
 * RELATED_TAGS tags), then newest; the section's newest fill the rest. Never the story itself.
 */
export async function listRelatedArticles(
  db: Db,
  article: Article,
  tagIds: readonly number[],
  now: Date,
  limit = 4,
  lists: CandidateLists = candidateListsOf(db),
): Promise<ArticleSummary[]> {
  const ids = await rankRelatedArticles(article, tagIds, now, limit, lists);
  const cards = await lists.cardsOf(article.edition, ids, now);
  return cards.filter((card) => card !== undefined);
}

/** The ids of listRelatedArticles' stories, best first: the ranking without the cards. */
export async function rankRelatedArticles(
  article: Pick<Article, 'id' | 'edition' | 'categoryId'>,
  tagIds: readonly number[],
  now: Date,
  limit: number,
  lists: CandidateLists,
): Promise<number[]> {
  const considered = tagIds.slice(0, RELATED_TAGS);
  // One more than needed, so the list still holds enough when the story itself is in it.
  const [byTag, bySection] = await Promise.all([
    lists.newestWithTags(article.edition, considered, now, RELATED_PER_TAG + 1),
    lists.newestInSection(article.edition, article.categoryId, now, limit + 1),
  ]);
  // Each tag's newest (without the story itself), then the section's newest.
  const pools = [
    ...byTag.map((list) => list.filter((story) => story.id !== article.id).slice(0, RELATED_PER_TAG)),
    bySection.filter((story) => story.id !== article.id).slice(0, limit),
  ];
  const shares = new Set(considered);
  const candidates = new Map<number, Ranked & { shared: number }>();
  for (const pool of pools) {
    for (const story of pool) {
      if (candidates.has(story.id)) continue;
      let shared = 0;
      for (const tagId of story.tags) if (shares.has(tagId)) shared++;
      candidates.set(story.id, { id: story.id, at: story.at, tags: story.tags, shared });
    }
  }
  return [...candidates.values()]
    .sort((a, b) => b.shared - a.shared || b.at - a.at || b.id - a.id)
    .slice(0, limit)
    .map((story) => story.id);
}
