// K2's rows as the import's neutral records: the body is introtext then fulltext, dates are UTC
// text where '0000-00-00 00:00:00' (or NULL) means none, `published = 0` is a draft, a
// publish_up in the future is a scheduled story and publish_down its end.
import type { ImportedArticle, ImportedAuthor, ImportedCategory, ImportedImage, ImportedTag } from '../core/types.ts';

/** The columns of #__k2_items (joined with #__k2_rating) the import reads. */
export interface K2ItemRow {
  id: number;
  title: string;
  alias: string;
  catid: number;
  published: number;
  trash: number;
  featured: number;
  introtext: string | null;
  fulltext: string | null;
  created: string | null;
  created_by: number;
  created_by_alias: string | null;
  publish_up: string | null;
  publish_down: string | null;
  modified: string | null;
  image_caption: string | null;
  image_credits: string | null;
  hits: number | string;
  metadesc: string | null;
  rating_sum: number | string | null;
  rating_count: number | string | null;
}

/** A tag of an item (#__k2_tags through #__k2_tags_xref). */
export interface K2TagRow {
  item_id: number;
  id: number;
  name: string;
}

/** A K2 date ('2024-03-01 09:30:00', UTC), or null for none. */
export function k2Date(value: string | null | undefined): Date | null {
  if (!value || value.startsWith('0000-00-00')) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

// NUL characters, which no Warta text holds (PostgreSQL refuses them), are dropped.
const text = (value: unknown) => (value == null ? '' : String(value).replaceAll('\0', ''));
const number = (value: unknown) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};

/** A #__k2_categories row (parent 0 is the root). */
export function toCategory(row: Record<string, unknown>): ImportedCategory {
  const parent = number(row.parent);
  return {
    sourceId: String(number(row.id)),
    name: text(row.name),
    slug: text(row.alias),
    description: plainText(text(row.description)),
    parentSourceId: parent > 0 ? String(parent) : null,
    position: number(row.ordering),
  };
}

/** A Joomla user with their K2 profile's description as the bio. */
export function toAuthor(row: Record<string, unknown>): ImportedAuthor {
  return {
    sourceId: String(number(row.id)),
    name: text(row.name) || text(row.username),
    email: text(row.email) || null,
    bio: plainText(text(row.description)),
  };
}

/** An item (not trashed) with its tags and its image file, if any. */
export function toArticle(
  item: K2ItemRow,
  tags: readonly K2TagRow[],
  image: ImportedImage | undefined,
): ImportedArticle {
  const created = k2Date(item.created) ?? k2Date(item.modified) ?? new Date(0);
  const isPublished = Number(item.published) === 1;
  const intro = text(item.introtext);
  const full = text(item.fulltext);
  return {
    sourceId: String(item.id),
    title: text(item.title),
    slug: text(item.alias),
    bodyHtml: full.trim() ? `${intro}\n${full}` : intro,
    summary: plainText(text(item.metadesc)),
    categorySourceId: Number(item.catid) > 0 ? String(item.catid) : null,
    authorSourceId: Number(item.created_by) > 0 ? String(item.created_by) : null,
    byline: text(item.created_by_alias),
    status: isPublished ? 'published' : 'draft',
    publishedAt: k2Date(item.publish_up) ?? (isPublished ? created : null),
    unpublishAt: k2Date(item.publish_down),
    createdAt: created,
    modifiedAt: k2Date(item.modified),
    isFeatured: Number(item.featured) === 1,
    tags: uniqueTags(tags),
    image: image ?? null,
    imageCaption: plainText(text(item.image_caption)),
    imageCredit: plainText(text(item.image_credits)),
    hits: number(item.hits),
    ratingSum: number(item.rating_sum),
    ratingCount: number(item.rating_count),
  };
}

/** K2 tag URLs use the name, so a tag is linked by its name in lower case, and by its id. */
function uniqueTags(rows: readonly K2TagRow[]): ImportedTag[] {
  const seen = new Set<string>();
  const tags: ImportedTag[] = [];
  for (const row of rows) {
    const name = text(row.name).trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    tags.push({ name, keys: { tag: key, 'tag-id': String(row.id) } });
  }
  return tags;
}

/** Text of a short HTML field (a description, a caption): tags out, the common references read. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
