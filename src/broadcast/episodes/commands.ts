// Writing episodes: every field checked (all problems listed at once, nothing saved on bad
// input), references checked in the transaction (the program, the artwork, the linked articles of
// the same edition), one 'episode.changed' per command. The podcast guid is made once, here.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { slugify } from '../../core/text/slug.ts';
import { describeIssues, InputError, parseInput } from '../../core/validation.ts';
import { AUDIO_FILE_NAME, AUDIO_TYPES, audioTypeOfUrl } from './audio.ts';
import '../events.ts';

type Db = Kysely<Database>;

/** How long each text may be; the form says the same. */
export const EPISODE_LIMITS = {
  title: 200,
  slug: 80,
  description: 4000,
  transcript: 200_000,
  articles: 10,
} as const;

/** PostgreSQL stores no NUL in text; a form field never needs one. */
const noNul = (value: string) => !value.includes('\u0000');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max.toLocaleString('en')} characters`)
    .refine(noNul, 'contains a NUL character');
const required = (max: number) => text(max).min(1, 'is required');

const httpsUrl = z
  .string()
  .trim()
  .max(2000, 'is longer than 2,000 characters')
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https:// address');

const audioInput = z.discriminatedUnion('kind', [
  // A file already in the media store, with what its bytes said (audio.ts).
  z.strictObject({
    kind: z.literal('file'),
    file: z.string().regex(AUDIO_FILE_NAME, 'is not a stored audio file name'),
    type: z.enum(AUDIO_TYPES),
    bytes: z.number().int().positive(),
    durationSeconds: z.number().int().positive(),
  }),
  // Audio elsewhere: its type from the form or its extension, length and duration as entered.
  z
    .strictObject({
      kind: z.literal('url'),
      url: httpsUrl,
      type: z.enum(AUDIO_TYPES).optional(),
      bytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
      durationSeconds: z
        .number()
        .int()
        .positive()
        .max(10 * 24 * 3600)
        .nullable()
        .default(null),
    })
    .refine((audio) => audio.type !== undefined || audioTypeOfUrl(audio.url) !== undefined, {
      message: 'say whether the address is MP3 or M4A (its name does not tell)',
      path: ['type'],
    }),
]);

/** What an episode says, as the newsroom sends it (audio optional on an edit: kept when absent). */
const contentFields = {
  title: required(EPISODE_LIMITS.title),
  slug: text(EPISODE_LIMITS.slug).optional(),
  description: text(EPISODE_LIMITS.description).default(''),
  transcript: text(EPISODE_LIMITS.transcript).default(''),
  artworkMediaId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
  articleIds: z
    .array(z.number().int().positive().max(2_147_483_647))
    .max(EPISODE_LIMITS.articles, `holds at most ${EPISODE_LIMITS.articles} articles`)
    .default([]),
  episodeNumber: z.number().int().min(1, 'starts at 1').max(100_000).nullable().default(null),
  isExplicit: z.boolean().default(false),
};

const createInput = z.strictObject({
  programId: z.number().int().positive().max(2_147_483_647),
  ...contentFields,
  audio: audioInput,
});

const updateInput = z.strictObject({ ...contentFields, audio: audioInput.optional() });

export type CreateEpisodeInput = z.input<typeof createInput>;
export type UpdateEpisodeInput = z.input<typeof updateInput>;
export type AudioInput = z.input<typeof audioInput>;

/** The content fields' problems alone (the newsroom checks them before it keeps an upload). */
export function contentProblems(raw: Omit<UpdateEpisodeInput, 'audio'>): string[] {
  const result = updateInput.omit({ audio: true }).safeParse(raw);
  return result.success ? [] : describeIssues(result.error);
}

/** The problems of audio input alone, as lines naming `audio.<field>`. */
export function audioProblems(raw: AudioInput): string[] {
  const result = audioInput.safeParse(raw);
  return result.success ? [] : describeIssues(result.error).map((line) => `audio.${line}`);
}

/** The audio columns of valid audio input. */
function audioColumns(audio: z.output<typeof audioInput>) {
  if (audio.kind === 'file')
    return {
      audio_file: audio.file,
      audio_url: null,
      audio_type: audio.type,
      audio_bytes: audio.bytes,
      duration_seconds: audio.durationSeconds,
    };
  // The schema made sure one of the two says it.
  const type = audio.type ?? audioTypeOfUrl(audio.url) ?? 'audio/mpeg';
  return {
    audio_file: null,
    audio_url: audio.url,
    audio_type: type,
    audio_bytes: audio.bytes,
    duration_seconds: audio.durationSeconds,
  };
}

type Content = z.output<typeof updateInput>;

/** The checks that need the database: the slug's place in its program, the artwork, the articles. */
async function checkReferences(
  trx: Db,
  input: Content,
  program: { id: number; edition: string },
  slug: string,
  episodeId: number | undefined,
): Promise<void> {
  const problems: string[] = [];
  const clash = await trx
    .selectFrom('episodes')
    .select('id')
    .where('program_id', '=', program.id)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (clash && clash.id !== episodeId) problems.push(`slug: "${slug}" is taken by another episode of this program`);
  if (input.artworkMediaId !== null) {
    const media = await trx.selectFrom('media').select('id').where('id', '=', input.artworkMediaId).executeTakeFirst();
    if (!media) problems.push(`artworkMediaId: there is no image number ${input.artworkMediaId}`);
  }
  const articleIds = [...new Set(input.articleIds)];
  if (articleIds.length) {
    const found = await trx.selectFrom('articles').select(['id', 'edition']).where('id', 'in', articleIds).execute();
    for (const id of articleIds) {
      const article = found.find((a) => a.id === id);
      if (!article) problems.push(`articleIds: there is no article number ${id}`);
      else if (article.edition !== program.edition)
        problems.push(`articleIds: article ${id} is in another edition (${article.edition})`);
    }
  }
  if (problems.length) throw new InputError(problems);
}

function contentColumns(input: Content, slug: string) {
  return {
    slug,
    title: input.title,
    description: input.description,
    // Paragraphs stay apart by one blank line, whatever line endings the form sent.
    transcript: input.transcript.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n'),
    artwork_media_id: input.artworkMediaId,
    episode_number: input.episodeNumber,
    is_explicit: input.isExplicit ? 1 : 0,
  };
}

async function replaceArticles(trx: Db, episodeId: number, articleIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('episode_articles').where('episode_id', '=', episodeId).execute();
  const ids = [...new Set(articleIds)];
  if (ids.length)
    await trx
      .insertInto('episode_articles')
      .values(ids.map((article_id, position) => ({ episode_id: episodeId, article_id, position })))
      .execute();
}

/** The slug asked for, else one made from the title (slugify always gives some text). */
function slugOf(input: Content): string {
  return slugify(input.slug || input.title, EPISODE_LIMITS.slug);
}

/** Adds a draft episode to a program; returns its id. */
export async function createEpisode(w: WriteContext, raw: CreateEpisodeInput): Promise<number> {
  const input = parseInput(createInput, raw);
  const slug = slugOf(input);
  const audio = audioColumns(input.audio);
  return runCommand(w, async (trx, emit) => {
    const program = await trx
      .selectFrom('programs')
      .select(['id', 'edition'])
      .where('id', '=', input.programId)
      .executeTakeFirst();
    if (!program) throw new InputError([`programId: there is no program number ${input.programId}`]);
    await checkReferences(trx, input, program, slug, undefined);
    const now = toDbTime(w.now());
    const row = await trx
      .insertInto('episodes')
      .values({
        ...contentColumns(input, slug),
        ...audio,
        program_id: program.id,
        edition: program.edition,
        status: 'draft',
        published_at: null,
        // Set once: a podcast app takes a new guid for a new episode.
        guid: `warta:episode:${randomUUID()}`,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceArticles(trx, row.id, input.articleIds);
    await emit('episode.changed', { episodeId: row.id, programId: program.id, edition: program.edition });
    return row.id;
  });
}

/** What an edit replaced: the audio file no longer used, for the caller to remove after the commit. */
export interface EpisodeChange {
  readonly replacedFile: string | null;
}

/** Changes an episode's text, links and (when given) audio; its guid and status stay. */
export async function updateEpisode(
  w: WriteContext,
  episodeId: number,
  raw: UpdateEpisodeInput,
): Promise<EpisodeChange> {
  const input = parseInput(updateInput, raw);
  const slug = slugOf(input);
  const audio = input.audio ? audioColumns(input.audio) : undefined;
  return runCommand(w, async (trx, emit) => {
    const current = await findForChange(trx, episodeId);
    await checkReferences(trx, input, { id: current.program_id, edition: current.edition }, slug, episodeId);
    await trx
      .updateTable('episodes')
      .set({ ...contentColumns(input, slug), ...(audio ?? {}), updated_at: toDbTime(w.now()) })
      .where('id', '=', episodeId)
      .execute();
    await replaceArticles(trx, episodeId, input.articleIds);
    await emit('episode.changed', { episodeId, programId: current.program_id, edition: current.edition });
    const replaced = audio && current.audio_file && current.audio_file !== audio.audio_file ? current.audio_file : null;
    return { replacedFile: replaced };
  });
}

async function findForChange(trx: Db, episodeId: number) {
  const row = await trx
    .selectFrom('episodes')
    .select(['id', 'program_id', 'edition', 'audio_file', 'status'])
    .where('id', '=', episodeId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This episode has been deleted.');
  return row;
}

const publishInput = z.strictObject({ at: z.date().optional() });

/** Publishes an episode now, or at `at` (a later time schedules it: it appears on that minute). */
export async function publishEpisode(
  w: WriteContext,
  episodeId: number,
  raw: z.input<typeof publishInput> = {},
): Promise<void> {
  const input = parseInput(publishInput, raw);
  if (input.at && Number.isNaN(input.at.getTime())) throw new InputError(['at: is not a time']);
  await runCommand(w, async (trx, emit) => {
    const current = await findForChange(trx, episodeId);
    const now = w.now();
    const at = input.at ?? now;
    await trx
      .updateTable('episodes')
      .set({ status: 'published', published_at: toDbTime(at), updated_at: toDbTime(now) })
      .where('id', '=', episodeId)
      .execute();
    await emit('episode.changed', { episodeId, programId: current.program_id, edition: current.edition });
    const fact = { episodeId, programId: current.program_id, edition: current.edition };
    await emit('episode.published', { ...fact, publishedAt: at.toISOString() });
  });
}

/** Takes an episode off the site and its feed (a draft again; its guid stays for a later return). */
export async function unpublishEpisode(w: WriteContext, episodeId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    const current = await findForChange(trx, episodeId);
    await trx
      .updateTable('episodes')
      .set({ status: 'draft', updated_at: toDbTime(w.now()) })
      .where('id', '=', episodeId)
      .execute();
    await emit('episode.changed', { episodeId, programId: current.program_id, edition: current.edition });
  });
}

/**
 * Deletes an episode with its links; returns its stored audio file's name (null for an external
 * address), for the caller to remove once the deletion has committed. An episode already gone is
 * no error (a second click).
 */
export async function deleteEpisode(w: WriteContext, episodeId: number): Promise<{ audioFile: string | null }> {
  return runCommand(w, async (trx, emit) => {
    const current = await trx
      .selectFrom('episodes')
      .select(['program_id', 'edition', 'audio_file'])
      .where('id', '=', episodeId)
      .executeTakeFirst();
    if (!current) return { audioFile: null };
    await trx.deleteFrom('episode_articles').where('episode_id', '=', episodeId).execute();
    await trx.deleteFrom('episodes').where('id', '=', episodeId).execute();
    await emit('episode.changed', { episodeId, programId: current.program_id, edition: current.edition });
    return { audioFile: current.audio_file };
  });
}
