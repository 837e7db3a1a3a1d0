// What a delivery says. The body is written once, when the event is queued, and sent as it is on
// every attempt (the signature covers these exact bytes). It tells only what a reader could see
// on the site: the story's title and address, never a draft's text or who wrote it.
//
// As sent (each `path` stored in the queue has become an absolute `url`):
//   { "id": "evt_812", "type": "article.published", "occurredAt": "2026-12-02T06:05:00.000Z",
//     "data": { "article": { "id": 42, "edition": "en", "title": "…", "url": "https://…",
//                            "publishedAt": "…", "updatedAt": "…" } } }
import type { Kysely } from 'kysely';
import { articlePath } from '../articles/index.ts';
import { findBanner } from '../banner/index.ts';
import { episodePath } from '../broadcast/index.ts';
import { toDate, toDateOrNull } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { EventOf } from '../core/events/index.ts';
import type { HookEvent } from './model.ts';

type Db = Kysely<Database>;

/**
 * What the queue stores for an event: the body, and when it may first be sent. The stored body
 * names pages by `path`; the sender writes them as absolute `url`s of the site's configured
 * address (`absoluteBody`), so a command run from the CLI queues the same body as the app.
 */
export interface QueuedBody {
  readonly body: string;
  readonly notBefore: Date;
}

function envelope(event: EventOf<HookEvent>, data: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_${event.id}`,
    type: event.type,
    occurredAt: event.createdAt.toISOString(),
    data,
  });
}

/**
 * The body of a delivery for this event, or undefined when there is nothing public to tell:
 * an update of a story that is not on the site, a story whose publication is still to come (the
 * scheduled-story announcer records article.published again on its minute), a deleted thing.
 */
export async function bodyFor(db: Db, event: EventOf<HookEvent>): Promise<QueuedBody | undefined> {
  const now = event.createdAt;
  switch (event.type) {
    case 'article.published':
    case 'article.updated':
    case 'article.unpublished': {
      const row = await db
        .selectFrom('articles')
        .select(['id', 'edition', 'slug', 'title', 'status', 'published_at', 'updated_at'])
        .where('id', '=', event.payload.articleId)
        .executeTakeFirst();
      if (!row) return undefined;
      const publishedAt = toDateOrNull(row.published_at);
      const visible = row.status === 'published' && publishedAt !== null && publishedAt <= now;
      if (event.type !== 'article.unpublished' && !visible) return undefined;
      const article = {
        id: row.id,
        edition: row.edition,
        title: row.title,
        path: articlePath(row),
        publishedAt: publishedAt?.toISOString() ?? null,
        updatedAt: toDate(row.updated_at).toISOString(),
      };
      return { body: envelope(event, { article }), notBefore: now };
    }
    case 'episode.published': {
      const row = await db
        .selectFrom('episodes')
        .innerJoin('programs', 'programs.id', 'episodes.program_id')
        .select([
          'episodes.id',
          'episodes.edition',
          'episodes.slug',
          'episodes.title',
          'programs.slug as program_slug',
          'programs.title as program_title',
        ])
        .where('episodes.id', '=', event.payload.episodeId)
        .executeTakeFirst();
      if (!row) return undefined;
      const episode = {
        id: row.id,
        edition: row.edition,
        title: row.title,
        program: { id: event.payload.programId, title: row.program_title },
        path: episodePath(row.edition, row.program_slug, row.slug),
        publishedAt: event.payload.publishedAt,
      };
      // A scheduled episode is told of on its minute (the sender checks it is still due then).
      const at = new Date(event.payload.publishedAt);
      return { body: envelope(event, { episode }), notBefore: at > now ? at : now };
    }
    case 'banner.raised': {
      const banner = await findBanner(db, event.payload.bannerId);
      if (!banner) return undefined;
      return {
        body: envelope(event, {
          banner: {
            id: banner.id,
            edition: banner.edition,
            text: banner.text,
            // A path of this site becomes an address when sent; an https link stays as it is.
            ...(banner.link?.startsWith('/') ? { path: banner.link } : { link: banner.link }),
            expiresAt: banner.expiresAt.toISOString(),
          },
        }),
        notBefore: now,
      };
    }
  }
}

/**
 * Whether a delivery queued for later (a scheduled episode) still tells the truth when its time
 * comes: the episode is still published, at that time. Everything else is always still true.
 */
export async function stillDue(db: Db, eventType: string, body: string, now: Date): Promise<boolean> {
  if (eventType !== 'episode.published') return true;
  const { data } = JSON.parse(body) as { data: { episode: { id: number; publishedAt: string } } };
  const row = await db
    .selectFrom('episodes')
    .select(['status', 'published_at'])
    .where('id', '=', data.episode.id)
    .executeTakeFirst();
  const at = row ? toDateOrNull(row.published_at) : null;
  return (
    row?.status === 'published' && at !== null && at <= now && at.getTime() === Date.parse(data.episode.publishedAt)
  );
}

/** The body as sent: every `path` in its data becomes `url`, an address under `baseUrl`. */
export function absoluteBody(stored: string, baseUrl: string): string {
  const parsed = JSON.parse(stored) as { data: Record<string, Record<string, unknown>> };
  for (const [name, thing] of Object.entries(parsed.data)) {
    if (typeof thing.path !== 'string') continue;
    // `url` takes the place of `path`, keeping the order of the other fields.
    parsed.data[name] = Object.fromEntries(
      Object.entries(thing).map(([key, value]) => (key === 'path' ? ['url', baseUrl + String(value)] : [key, value])),
    );
  }
  return JSON.stringify(parsed);
}
