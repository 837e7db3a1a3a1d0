// Reading episodes: a program's published ones (the episode page, the podcast feed), the
// articles each links to, the episodes linking to an article, and the newsroom's lists. "Published"
// is always `status = 'published' AND published_at <= now`, so a scheduled episode appears on its minute.
import type { Kysely, Selectable } from 'kysely';
import { toBool, toDate, toDateOrNull, toDbTime } from '../../core/db/dialect.ts';
import type { Database, EpisodesTable } from '../../core/db/schema.ts';
import { toImage, type Image } from '../../media/index.ts';
import type { AudioType } from './audio.ts';

type Db = Kysely<Database>;

/** A stored image with its description, as an episode or program shows it. */
export interface Artwork {
  readonly id: number;
  readonly image: Image;
  readonly alt: string;
}

/** A program as its podcast and episode pages need it. */
export interface PodcastProgram {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly artwork: Artwork | null;
  /** Apple's category name; '' when none was chosen. */
  readonly category: string;
  /** The feed's author; '' when none was given. */
  readonly author: string;
  readonly isExplicit: boolean;
}

/** An episode as pages and the feed show it. */
export interface Episode {
  readonly id: number;
  readonly programId: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly transcript: string;
  readonly status: 'draft' | 'published';
  readonly publishedAt: Date | null;
  /** The stored file's name, or null when the audio is at `audioUrl`. */
  readonly audioFile: string | null;
  readonly audioUrl: string | null;
  readonly audioType: AudioType;
  readonly audioBytes: number | null;
  readonly durationSeconds: number | null;
  readonly artwork: Artwork | null;
  readonly episodeNumber: number | null;
  readonly isExplicit: boolean;
  readonly guid: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An article an episode links to. */
export interface LinkedArticle {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly title: string;
}

/** The public path of an episode's page. */
export function episodePath(edition: string, programSlug: string, episodeSlug: string): string {
  return `/${edition}/programs/${encodeURIComponent(programSlug)}/episodes/${encodeURIComponent(episodeSlug)}`;
}

/** The public path of a program's page (the programs part of the site draws it). */
export function programPath(edition: string, programSlug: string): string {
  return `/${edition}/programs/${encodeURIComponent(programSlug)}`;
}

/** Where an episode's audio is: the media store's address, or the external one. */
export function audioSrc(episode: Pick<Episode, 'audioFile' | 'audioUrl'>): string {
  return episode.audioFile ? `/media/${episode.audioFile}` : (episode.audioUrl ?? '');
}

/** The artwork's columns of a row that left-joined `media as art` (all null when it has none). */
interface ArtworkRow {
  art_id?: number | null;
  art_storage_key?: string | null;
  art_width?: number | null;
  art_height?: number | null;
  art_variants?: string | null;
  art_formats?: string | null;
  art_alt?: string | null;
}

function toArtwork(row: ArtworkRow): Artwork | null {
  if (row.art_id === null || row.art_id === undefined) return null;
  return {
    id: row.art_id as number,
    image: toImage({
      storage_key: row.art_storage_key as string,
      width: row.art_width as number,
      height: row.art_height as number,
      variants: row.art_variants as string,
      formats: row.art_formats as string | null,
    }),
    alt: (row.art_alt as string) ?? '',
  };
}

const ARTWORK_COLUMNS = [
  'art.id as art_id',
  'art.storage_key as art_storage_key',
  'art.width as art_width',
  'art.height as art_height',
  'art.variants as art_variants',
  'art.formats as art_formats',
  'art.alt as art_alt',
] as const;

/** A program of an edition by its slug, with its artwork. */
export async function findPodcastProgram(db: Db, edition: string, slug: string): Promise<PodcastProgram | undefined> {
  const row = await db
    .selectFrom('programs as p')
    .leftJoin('media as art', 'art.id', 'p.artwork_media_id')
    .select([
      'p.id',
      'p.edition',
      'p.slug',
      'p.title',
      'p.description',
      'p.podcast_category',
      'p.podcast_author',
      'p.is_explicit',
      ...ARTWORK_COLUMNS,
    ])
    .where('p.edition', '=', edition)
    .where('p.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    edition: row.edition,
    slug: row.slug,
    title: row.title,
    description: row.description,
    artwork: toArtwork(row),
    category: row.podcast_category,
    author: row.podcast_author,
    isExplicit: toBool(row.is_explicit),
  };
}

function episodeQuery(db: Db) {
  return db
    .selectFrom('episodes as e')
    .leftJoin('media as art', 'art.id', 'e.artwork_media_id')
    .selectAll('e')
    .select(ARTWORK_COLUMNS);
}

function toEpisode(row: Selectable<EpisodesTable> & ArtworkRow): Episode {
  return {
    id: row.id,
    programId: row.program_id,
    edition: row.edition,
    slug: row.slug,
    title: row.title,
    description: row.description,
    transcript: row.transcript,
    status: row.status,
    publishedAt: toDateOrNull(row.published_at),
    audioFile: row.audio_file,
    audioUrl: row.audio_url,
    audioType: row.audio_type,
    audioBytes: row.audio_bytes === null ? null : Number(row.audio_bytes),
    durationSeconds: row.duration_seconds,
    artwork: toArtwork(row),
    episodeNumber: row.episode_number,
    isExplicit: toBool(row.is_explicit),
    guid: row.guid,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A published episode of a program by its slug (undefined for a draft or one still to come). */
export async function findPublishedEpisode(
  db: Db,
  programId: number,
  slug: string,
  now: Date,
): Promise<Episode | undefined> {
  const row = await episodeQuery(db)
    .where('e.program_id', '=', programId)
    .where('e.slug', '=', slug)
    .where('e.status', '=', 'published')
    .where('e.published_at', '<=', toDbTime(now))
    .executeTakeFirst();
  return row ? toEpisode(row) : undefined;
}

/** A program's published episodes, newest first (one range of `episodes_program_published`). */
export async function listPublishedEpisodes(db: Db, programId: number, now: Date, limit: number): Promise<Episode[]> {
  const rows = await episodeQuery(db)
    .where('e.program_id', '=', programId)
    .where('e.status', '=', 'published')
    .where('e.published_at', '<=', toDbTime(now))
    .orderBy('e.published_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEpisode);
}

/** The published articles an episode links to, in the episode's order. */
export async function listLinkedArticles(db: Db, episodeId: number, now: Date): Promise<LinkedArticle[]> {
  return db
    .selectFrom('episode_articles as ea')
    .innerJoin('articles as a', 'a.id', 'ea.article_id')
    .select(['a.id', 'a.edition', 'a.slug', 'a.title'])
    .where('ea.episode_id', '=', episodeId)
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', toDbTime(now))
    .orderBy('ea.position')
    .execute();
}

/** A published episode linking to an article, with its program's slug. */
export interface ListenLink {
  readonly edition: string;
  readonly programSlug: string;
  readonly slug: string;
  readonly title: string;
}

/** An episode by id, any status (the newsroom), with its linked articles' ids in order. */
export async function findEpisode(
  db: Db,
  episodeId: number,
): Promise<(Episode & { articleIds: number[] }) | undefined> {
  const row = await episodeQuery(db).where('e.id', '=', episodeId).executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom('episode_articles')
    .select('article_id')
    .where('episode_id', '=', episodeId)
    .orderBy('position')
    .execute();
  return { ...toEpisode(row), articleIds: links.map((l) => l.article_id) };
}

/** One line of the newsroom's list. */
export interface EpisodeListItem {
  readonly id: number;
  readonly title: string;
  readonly programTitle: string;
  readonly programSlug: string;
  readonly slug: string;
  readonly status: 'draft' | 'published';
  readonly publishedAt: Date | null;
  readonly durationSeconds: number | null;
  readonly updatedAt: Date;
}

/** An edition's episodes for the newsroom, newest change first, filtered by program and status. */
export async function listNewsroomEpisodes(
  db: Db,
  edition: string,
  filter: { programId?: number; status?: 'draft' | 'published' | 'scheduled' },
  now: Date,
  limit: number,
): Promise<EpisodeListItem[]> {
  let query = db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .select([
      'e.id',
      'e.title',
      'e.slug',
      'e.status',
      'e.published_at',
      'e.duration_seconds',
      'e.updated_at',
      'p.title as program_title',
      'p.slug as program_slug',
    ])
    .where('e.edition', '=', edition);
  if (filter.programId !== undefined) query = query.where('e.program_id', '=', filter.programId);
  if (filter.status === 'draft') query = query.where('e.status', '=', 'draft');
  if (filter.status === 'published')
    query = query.where('e.status', '=', 'published').where('e.published_at', '<=', toDbTime(now));
  if (filter.status === 'scheduled')
    query = query.where('e.status', '=', 'published').where('e.published_at', '>', toDbTime(now));
  const rows = await query.orderBy('e.updated_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    programTitle: r.program_title,
    programSlug: r.program_slug,
    status: r.status,
    publishedAt: toDateOrNull(r.published_at),
    durationSeconds: r.duration_seconds,
    updatedAt: toDate(r.updated_at),
  }));
}

/** An edition's programs, for the newsroom's choices. */
export async function listProgramsOfEdition(
  db: Db,
  edition: string,
): Promise<{ id: number; title: string; slug: string }[]> {
  return db
    .selectFrom('programs')
    .select(['id', 'title', 'slug'])
    .where('edition', '=', edition)
    .orderBy('title')
    .limit(500)
    .execute();
}

/** Titles of articles by id (the form's list of linked articles), any status. */
export async function findArticleTitles(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; title: string; edition: string; status: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('articles').select(['id', 'title', 'edition', 'status']).where('id', 'in', ids).execute();
}
