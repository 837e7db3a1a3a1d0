// The editors' picks: a program (or one of its episodes) highlighted on Program Highlight and the
// edition home for a period, and the edition's highlight section (the section whose stories are
// the Program Highlight posts). Every field is checked (all problems listed at once), references
// in the transaction; each command records 'pick.changed', which drops the edition's cached pages.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { InputError, parseInput } from '../../core/validation.ts';
import { getSetting, writeSetting } from '../../settings/index.ts';
import '../events.ts';

type Db = Kysely<Database>;

/** The longest a pick runs: picks are for a campaign or a season's special, not for ever. */
export const MAX_PICK_DAYS = 92;
export const MAX_NOTE_LENGTH = 300;
const DAY = 86_400_000;

/** The settings key holding an edition's highlight section (a category id). */
export function highlightSectionKey(edition: string): string {
  return `programs.highlightSection.${edition}`;
}

/** An edition's highlight section id, if one was chosen. */
export async function highlightSectionId(db: Db, edition: string): Promise<number | undefined> {
  const value = await getSetting(db, highlightSectionKey(edition));
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A time: zod refuses an Invalid Date (a form value that did not parse) with this message. */
const date = () => z.date({ error: 'is not a date and time' });

const pickInput = z
  .strictObject({
    edition: z.string().min(1, 'is required'),
    programId: z.number({ error: 'choose a program' }).int().positive('choose a program'),
    episodeId: z.number().int().positive().nullable().default(null),
    note: z.string().trim().max(MAX_NOTE_LENGTH, `is longer than ${MAX_NOTE_LENGTH} characters`).default(''),
    startsAt: date(),
    endsAt: date(),
  })
  .superRefine((p, ctx) => {
    const span = p.endsAt.getTime() - p.startsAt.getTime();
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
    else if (span > MAX_PICK_DAYS * DAY)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `a pick runs at most ${MAX_PICK_DAYS} days` });
  });

export type PickInput = z.input<typeof pickInput>;

/**
 * Adds a pick; returns its id. Besides the fields, `now` rules out a pick that has already
 * ended (it would never show).
 */
export async function addPick(w: WriteContext, raw: PickInput): Promise<number> {
  const parsed = pickInput.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
  if (parsed.success && parsed.data.endsAt.getTime() <= w.now().getTime())
    problems.push('endsAt: must be in the future');
  if (problems.length || !parsed.success) throw new InputError(problems);
  const input = parsed.data;
  return runCommand(w, async (trx, emit) => {
    const found: string[] = [];
    const program = await trx
      .selectFrom('programs')
      .select(['id', 'edition'])
      .where('id', '=', input.programId)
      .executeTakeFirst();
    if (program?.edition !== input.edition)
      found.push(`programId: there is no program number ${input.programId} in this edition`);
    if (input.episodeId !== null) {
      const episode = await trx
        .selectFrom('episodes')
        .select('program_id')
        .where('id', '=', input.episodeId)
        .executeTakeFirst();
      if (episode?.program_id !== input.programId)
        found.push(`episodeId: episode ${input.episodeId} is not an episode of this program`);
    }
    if (found.length) throw new InputError(found);
    const row = await trx
      .insertInto('broadcast_picks')
      .values({
        edition: input.edition,
        program_id: input.programId,
        episode_id: input.episodeId,
        note: input.note,
        starts_at: toDbTime(input.startsAt),
        ends_at: toDbTime(input.endsAt),
        created_at: toDbTime(w.now()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await emit('pick.changed', { edition: input.edition });
    return row.id;
  });
}

/** Takes a pick off (nothing happens for one already gone); returns whether there was one. */
export async function removePick(w: WriteContext, pickId: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const pick = await trx.selectFrom('broadcast_picks').select('edition').where('id', '=', pickId).executeTakeFirst();
    if (!pick) return false;
    await trx.deleteFrom('broadcast_picks').where('id', '=', pickId).execute();
    await emit('pick.changed', { edition: pick.edition });
    return true;
  });
}

const sectionInput = z.strictObject({
  edition: z.string().min(1, 'is required'),
  categoryId: z.number().int().positive().nullable(),
});

/** Chooses the edition's highlight section (null: none). */
export async function chooseHighlightSection(w: WriteContext, raw: z.input<typeof sectionInput>): Promise<void> {
  const input = parseInput(sectionInput, raw);
  await runCommand(w, async (trx, emit) => {
    if (input.categoryId !== null) {
      const category = await trx
        .selectFrom('categories')
        .select('edition')
        .where('id', '=', input.categoryId)
        .executeTakeFirst();
      if (category?.edition !== input.edition)
        throw new InputError([`categoryId: there is no section number ${input.categoryId} in this edition`]);
    }
    await writeSetting(trx, highlightSectionKey(input.edition), input.categoryId, w.now());
    await emit('pick.changed', { edition: input.edition });
  });
}

/** A pick as the newsroom lists it. */
export interface ListedPick {
  readonly id: number;
  readonly programTitle: string;
  readonly episodeTitle: string | null;
  readonly note: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** An edition's picks that have not ended, soonest first (current ones before upcoming ones). */
export async function listCurrentPicks(db: Db, edition: string, now: Date): Promise<ListedPick[]> {
  const rows = await db
    .selectFrom('broadcast_picks as k')
    .innerJoin('programs', 'programs.id', 'k.program_id')
    .leftJoin('episodes', 'episodes.id', 'k.episode_id')
    .select(['k.id', 'k.note', 'k.starts_at', 'k.ends_at', 'programs.title', 'episodes.title as episode_title'])
    .where('k.edition', '=', edition)
    .where('k.ends_at', '>', toDbTime(now))
    .orderBy('k.starts_at')
    .orderBy('k.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programTitle: r.title,
    episodeTitle: r.episode_title,
    note: r.note,
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
  }));
}
