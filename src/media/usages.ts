// Where each image is used: as an article's featured image (articles.featured_media_id, indexed),
// as an author's photo (users.photo_media_id), and inside article and page bodies. Bodies are
// not searched per request (a LIKE over 100,000 stories reads every body): the consumer below
// keeps media_usages, one row per image and body, after every article and page event, reading
// the body as it stands. A lookup also reads the bodies named by events the consumer has not
// handled yet, so an image put into a story a moment ago is never reported unused.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import type { EventName, EventOf } from '../core/events/index.ts';
import { getSetting, SITE_SETTINGS_KEY } from '../settings/index.ts';

type Db = Kysely<Database>;
type ArticleEventName = Extract<EventName, `article.${string}`>;
type PageEventName = Extract<EventName, `page.${string}`>;

/** Every article event, each of which may change a body (one missing here fails `tsc`). */
const ARTICLE_EVENT_NAMES: { readonly [K in ArticleEventName]: true } = {
  'article.created': true,
  'article.updated': true,
  'article.published': true,
  'article.unpublished': true,
  'article.deleted': true,
  // Changes no body; reading it again finds the same images.
  'article.save_refused': true,
};
const PAGE_EVENT_NAMES: { readonly [K in PageEventName]: true } = {
  'page.created': true,
  'page.updated': true,
  'page.deleted': true,
};

/** The events after which a body's images are read again. */
export const USAGE_EVENTS = [
  ...(Object.keys(ARTICLE_EVENT_NAMES) as ArticleEventName[]),
  ...(Object.keys(PAGE_EVENT_NAMES) as PageEventName[]),
];
export type UsageEventName = (typeof USAGE_EVENTS)[number];
/** The consumer's name (it keys its cursor: never change it). */
export const USAGE_CONSUMER = 'media.usages';

/** What a body says of images: the editor's `data-media-id="12"`, and `/media/KEY-960.jpg` addresses. */
const MEDIA_ID = /\bdata-media-id\s*=\s*["']?([1-9]\d{0,15})/g;
const MEDIA_PATH = /\/media\/([A-Za-z0-9_-]+?)-\d{1,5}\.(?:jpg|webp|avif)\b/g;
/** The largest id an integer column holds (PostgreSQL's integer): a larger number names no image. */
const MAX_ID = 2_147_483_647;
/** Rows per statement: within both engines' limits on bound values. */
const CHUNK = 300;
/** Unhandled events a lookup reads at most; beyond, it cannot tell and says so. */
const PENDING_MAX = 1_000;

/** The image ids and storage keys a stored body names. */
export function imagesInBody(html: string): { ids: number[]; keys: string[] } {
  const ids = new Set<number>();
  for (const m of html.matchAll(MEDIA_ID)) {
    const id = Number(m[1]);
    if (id <= MAX_ID) ids.add(id);
  }
  const keys = new Set<string>();
  for (const m of html.matchAll(MEDIA_PATH)) keys.add(m[1]!);
  return { ids: [...ids], keys: [...keys] };
}

/** The consumer: each article and page a batch of events names gets its media_usages rows afresh. */
export async function recordUsages(trx: Db, events: readonly EventOf<UsageEventName>[]): Promise<void> {
  const articles = new Set<number>();
  const pages = new Set<number>();
  for (const event of events) {
    if ('articleId' in event.payload) articles.add(event.payload.articleId);
    else pages.add(event.payload.pageId);
  }
  await reindex(trx, 'article', [...articles]);
  await reindex(trx, 'page', [...pages]);
}

type SubjectType = 'article' | 'page';

async function reindex(trx: Db, type: SubjectType, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await trx.deleteFrom('media_usages').where('subject_type', '=', type).where('subject_id', 'in', chunk).execute();
    const used = await imagesOf(trx, await bodiesOf(trx, type, chunk));
    const values = [...used].flatMap(([subjectId, mediaIds]) =>
      mediaIds.map((mediaId) => ({ media_id: mediaId, subject_type: type, subject_id: subjectId })),
    );
    for (let j = 0; j < values.length; j += CHUNK) {
      await trx
        .insertInto('media_usages')
        .values(values.slice(j, j + CHUNK))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
}

/** The stored bodies of these articles or pages (a deleted one is simply missing). */
async function bodiesOf(db: Db, type: SubjectType, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return type === 'article'
    ? db.selectFrom('articles').select(['id', 'body_html']).where('id', 'in', ids).execute()
    : db.selectFrom('pages').select(['id', 'body_html']).where('id', 'in', ids).execute();
}

/** Body id → the ids of the images it shows (addresses looked up by storage key). */
async function imagesOf(db: Db, bodies: readonly { id: number; body_html: string }[]): Promise<Map<number, number[]>> {
  const found = bodies.map((b) => ({ id: b.id, ...imagesInBody(b.body_html) }));
  const keys = [...new Set(found.flatMap((f) => f.keys))];
  const byKey = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom('media')
      .select(['id', 'storage_key'])
      .where('storage_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) byKey.set(r.storage_key, r.id);
  }
  const used = new Map<number, number[]>();
  for (const f of found) {
    const ids = new Set([...f.ids, ...f.keys.flatMap((k) => byKey.get(k) ?? [])]);
    if (ids.size > 0) used.set(f.id, [...ids]);
  }
  return used;
}

/** How an image is used by one article, page or person. */
export type UsageWay = 'featured' | 'inline' | 'photo' | 'logo';

/** One article, page or person that shows the image. */
export interface MediaUsage {
  readonly kind: 'article' | 'page' | 'person' | 'site';
  readonly id: number;
  readonly title: string;
  /** The article's or page's edition (null for a person or the site). */
  readonly edition: string | null;
  readonly status: string | null;
  readonly ways: readonly UsageWay[];
}

/** Where an image is used. */
export interface MediaUsages {
  readonly items: readonly MediaUsage[];
  /** More uses than listed (each kind is listed up to the limit). */
  readonly hasMore: boolean;
  /**
   * False when too many article and page events wait for the consumer to read them all: the
   * list may then miss a use, and the image must not be deleted.
   */
  readonly isComplete: boolean;
}

/**
 * Where an image is used: articles featuring it or showing it in their text, pages showing it,
 * people whose photo it is. Each kind is one index range, up to `limit` entries.
 */
export async function findUsages(
  db: Db,
  media: { readonly id: number; readonly storage_key: string },
  limit = 50,
): Promise<MediaUsages> {
  const featured = await db
    .selectFrom('articles')
    .select(['id', 'title', 'edition', 'status'])
    .where('featured_media_id', '=', media.id)
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const inlineArticles = await db
    .selectFrom('media_usages as u')
    .innerJoin('articles as a', 'a.id', 'u.subject_id')
    .select(['a.id', 'a.title', 'a.edition', 'a.status'])
    .where('u.media_id', '=', media.id)
    .where('u.subject_type', '=', 'article')
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
  const inlinePages = await db
    .selectFrom('media_usages as u')
    .innerJoin('pages as p', 'p.id', 'u.subject_id')
    .select(['p.id', 'p.title', 'p.edition', 'p.status'])
    .where('u.media_id', '=', media.id)
    .where('u.subject_type', '=', 'page')
    .orderBy('p.id', 'desc')
    .limit(limit + 1)
    .execute();
  const people = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('photo_media_id', '=', media.id)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const isLogo = await isSiteLogo(db, media.id);
  const pending = await pendingBodies(db);
  const hasMore = [featured, inlineArticles, inlinePages, people].some((list) => list.length > limit);

  // The bodies the consumer has yet to read are read here, and replace what the table says of them.
  const mentions = (body: string) => {
    const { ids, keys } = imagesInBody(body);
    return ids.includes(media.id) || keys.includes(media.storage_key);
  };
  const inline = (
    rows: readonly { id: number; title: string; edition: string; status: string }[],
    type: SubjectType,
  ) => {
    const recent = type === 'article' ? pending.articles : pending.pages;
    const kept = rows.slice(0, limit).filter((r) => !recent.some((p) => p.id === r.id));
    return [...kept, ...recent.filter((p) => mentions(p.body_html))];
  };

  const articles = new Map<number, MediaUsage>();
  for (const a of featured.slice(0, limit)) articles.set(a.id, { kind: 'article', ...a, ways: ['featured'] });
  for (const a of inline(inlineArticles, 'article')) {
    const known = articles.get(a.id);
    articles.set(a.id, {
      kind: 'article',
      id: a.id,
      title: a.title,
      edition: a.edition,
      status: a.status,
      ways: known ? [...known.ways, 'inline'] : ['inline'],
    });
  }
  const items: MediaUsage[] = [
    ...articles.values(),
    ...inline(inlinePages, 'page').map((p): MediaUsage => ({
      kind: 'page',
      id: p.id,
      title: p.title,
      edition: p.edition,
      status: p.status,
      ways: ['inline'],
    })),
    ...people.slice(0, limit).map((u): MediaUsage => ({
      kind: 'person',
      id: u.id,
      title: u.display_name,
      edition: null,
      status: null,
      ways: ['photo'],
    })),
    ...(isLogo
      ? [{ kind: 'site', id: 0, title: '', edition: null, status: null, ways: ['logo'] } satisfies MediaUsage]
      : []),
  ];
  return { items, hasMore, isComplete: pending.isComplete };
}

/** Whether the site settings show this image as the site's logo. */
async function isSiteLogo(db: Db, mediaId: number): Promise<boolean> {
  const site = await getSetting(db, SITE_SETTINGS_KEY);
  return !!site && typeof site === 'object' && (site as { logoMediaId?: unknown }).logoMediaId === mediaId;
}

/** The articles and pages named by events the consumer has not handled yet, as they stand now. */
async function pendingBodies(db: Db) {
  const cursor = await db
    .selectFrom('event_cursors')
    .select('last_id')
    .where('consumer', '=', USAGE_CONSUMER)
    .executeTakeFirst();
  const events = await db
    .selectFrom('outbox_events')
    .select('payload')
    .where('id', '>', Number(cursor?.last_id ?? 0))
    .where('type', 'in', USAGE_EVENTS)
    .orderBy('id')
    .limit(PENDING_MAX + 1)
    .execute();
  const articleIds = new Set<number>();
  const pageIds = new Set<number>();
  for (const e of events) {
    const payload = JSON.parse(e.payload) as { articleId?: unknown; pageId?: unknown };
    if (typeof payload.articleId === 'number') articleIds.add(payload.articleId);
    else if (typeof payload.pageId === 'number') pageIds.add(payload.pageId);
  }
  const withDetails = async (type: SubjectType, ids: readonly number[]) => {
    if (ids.length === 0) return [];
    return type === 'article'
      ? db
          .selectFrom('articles')
          .select(['id', 'title', 'edition', 'status', 'body_html'])
          .where('id', 'in', ids)
          .execute()
      : db
          .selectFrom('pages')
          .select(['id', 'title', 'edition', 'status', 'body_html'])
          .where('id', 'in', ids)
          .execute();
  };
  return {
    articles: await withDetails('article', [...articleIds].slice(0, PENDING_MAX)),
    pages: await withDetails('page', [...pageIds].slice(0, PENDING_MAX)),
    isComplete: events.length <= PENDING_MAX,
  };
}
