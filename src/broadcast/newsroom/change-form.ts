// The one-off change form of a channel's schedule page: a special broadcast (one of the channel's
// programs, or a broadcast of its own titled by the note) or a cancellation, from and to given
// as wall-clock times in the site's zone. Every problem by its field.
import { fromLocalInput, newsroomText as t } from '../../newsroom/index.ts';
import { addProblem, field, type FieldProblems } from './form-fields.ts';

export const NOTE_MAX = 500;
const WEEK_MS = 7 * 86_400_000;

/** The form as posted. */
export interface ChangeValues {
  readonly kind: string;
  readonly programId: string;
  readonly note: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** addScheduleChange's input (without the channel). */
export interface ChangeInput {
  readonly kind: 'special' | 'cancelled';
  readonly programId: number | null;
  readonly note: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const BLANK_CHANGE: ChangeValues = { kind: 'special', programId: '', note: '', startsAt: '', endsAt: '' };

/** The posted form. */
export function readChangeForm(body: unknown): ChangeValues {
  return {
    kind: field(body, 'kind'),
    programId: field(body, 'programId').trim(),
    note: field(body, 'note'),
    startsAt: field(body, 'startsAt').trim(),
    endsAt: field(body, 'endsAt').trim(),
  };
}

/** Checks the form against the channel's programs; the input, or every problem by field. */
export function checkChange(
  values: ChangeValues,
  programIds: readonly number[],
  timeZone: string,
): { input: ChangeInput; problems?: undefined } | { input?: undefined; problems: FieldProblems } {
  const problems: FieldProblems = new Map();
  const kind = values.kind === 'special' || values.kind === 'cancelled' ? values.kind : undefined;
  if (!kind) addProblem(problems, 'kind-special', t('radio.problem.changeKind'));
  let programId: number | null = null;
  if (values.programId !== '') {
    const id = Number(values.programId);
    if (/^[1-9]\d{0,9}$/.test(values.programId) && programIds.includes(id)) programId = id;
    else addProblem(problems, 'programId', t('radio.problem.changeProgram'));
  }
  const note = values.note.trim();
  if ([...note].length > NOTE_MAX) addProblem(problems, 'note', t('radio.problem.tooLong', { max: NOTE_MAX }));
  else if (kind === 'special' && programId === null && values.programId === '' && note === '')
    addProblem(problems, 'note', t('radio.problem.specialTitle'));
  const startsAt = fromLocalInput(values.startsAt, timeZone);
  const endsAt = fromLocalInput(values.endsAt, timeZone);
  if (!startsAt) addProblem(problems, 'startsAt', t('radio.problem.when'));
  if (!endsAt) addProblem(problems, 'endsAt', t('radio.problem.when'));
  else if (startsAt && endsAt.getTime() <= startsAt.getTime())
    addProblem(problems, 'endsAt', t('radio.problem.endBeforeStart'));
  else if (startsAt && endsAt.getTime() - startsAt.getTime() > WEEK_MS)
    addProblem(problems, 'endsAt', t('radio.problem.longerThanWeek'));
  if (problems.size > 0 || !kind || !startsAt || !endsAt) return { problems };
  return { input: { kind, programId, note, startsAt, endsAt } };
}

/** The field an addScheduleChange problem belongs to. */
export function changeFieldOf(path: string): string | undefined {
  if (path === 'programId') return 'programId';
  if (path === 'endsAt' || path === 'startsAt' || path === 'note') return path;
  return undefined;
}
