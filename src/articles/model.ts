// Articles as reader pages see them, and the one place rows become these objects.
import { toDate, toDateOrNull } from '../core/db/dialect.ts';
import { toImage, type Image } from '../media/index.ts';

/** A story in a list: enough for a card. */
export interface ArticleSummary {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly publishedAt: Date;
  readonly category: { readonly slug: string; readonly name: string };
  readonly image: Image | null;
  readonly imageAlt: string;
  readonly hitCount: number;
}

/** A full story for the article page. */
export interface Article extends ArticleSummary {
  readonly translationGroup: string;
  readonly categoryId: number;
  readonly bodyHtml: string;
  readonly dateline: string;
  readonly source: string;
  readonly byline: string | null;
  readonly author: { readonly name: string; readonly slug: string } | null;
  readonly updatedAt: Date;
  /** The last edit readers can see, after publication ("Updated …"); null when none. */
  readonly contentUpdatedAt: Date | null;
  /** A correction shown at the end of the story ('' when none). */
  readonly correctionNote: string;
  readonly imageCaption: string;
  readonly imageCredit: string;
  /** Rating totals as readers see them: the votes plus the imported baseline (migration 0023). */
  readonly ratingSum: number;
  readonly ratingCount: number;
}

/** The columns summary queries select (see selectSummaries). */
export interface SummaryRow {
  id: number;
  edition: string;
  slug: string;
  title: string;
  summary: string;
  published_at: Date | string | null;
  hit_count: number;
  image_alt: string;
  category_slug: string;
  category_name: string;
  media_key: string | null;
  media_width: number | null;
  media_height: number | null;
  media_variants: string | null;
  media_formats: string | null;
}

/** The extra columns the article page selects. */
export interface ArticleRow extends SummaryRow {
  translation_group: string;
  category_id: number;
  body_html: string;
  dateline: string;
  source: string;
  byline: string | null;
  author_name: string | null;
  author_slug: string | null;
  updated_at: Date | string;
  content_updated_at: Date | string | null;
  correction_note: string;
  image_caption: string;
  image_credit: string;
  rating_sum: number;
  rating_count: number;
  baseline_rating_sum: number;
  baseline_rating_count: number;
}

/** Maps a summary row. */
export function toArticleSummary(row: SummaryRow): ArticleSummary {
  const image =
    row.media_key !== null
      ? toImage({
          storage_key: row.media_key,
          width: row.media_width ?? 0,
          height: row.media_height ?? 0,
          variants: row.media_variants ?? '[]',
          formats: row.media_formats,
        })
      : null;
  return {
    id: row.id,
    edition: row.edition,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    // Only published rows reach a mapper, and publishing always sets the time.
    publishedAt: toDateOrNull(row.published_at) ?? new Date(0),
    category: { slug: row.category_slug, name: row.category_name },
    image,
    imageAlt: row.image_alt,
    hitCount: row.hit_count,
  };
}

/** Maps a full article row. */
export function toArticle(row: ArticleRow): Article {
  return Object.assign(toArticleSummary(row), {
    translationGroup: row.translation_group,
    categoryId: row.category_id,
    bodyHtml: row.body_html,
    dateline: row.dateline,
    source: row.source,
    byline: row.byline,
    author:
      row.author_name !== null && row.author_slug !== null ? { name: row.author_name, slug: row.author_slug } : null,
    updatedAt: toDate(row.updated_at),
    contentUpdatedAt: toDateOrNull(row.content_updated_at),
    correctionNote: row.correction_note,
    imageCaption: row.image_caption,
    imageCredit: row.image_credit,
    ratingSum: row.rating_sum + row.baseline_rating_sum,
    ratingCount: row.rating_count + row.baseline_rating_count,
  });
}

/** The canonical path of an article. */
export function articlePath(a: Pick<ArticleSummary, 'edition' | 'id' | 'slug'>): string {
  return `/${a.edition}/news/${a.id}/${encodeURIComponent(a.slug)}`;
}
