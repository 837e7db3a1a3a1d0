// The program form: posted text to saveProgram's input with every problem by its field (each
// weekly slot's days, start and length by row), and the row buttons (add a slot, remove one,
// more host rows), which rearrange the form without saving, with or without a script.
import { newsroomText as t } from '../../newsroom/index.ts';
import { isValidSlot, type Weekday } from '../schedule.ts';
import { addProblem, checked, field, fields, type FieldProblems } from './form-fields.ts';
import { isPodcastCategory } from './podcast-categories.ts';
import type { NewsroomProgram } from './queries.ts';
import type { SlotShape } from './week.ts';

export const TITLE_MAX = 200;
export const SLUG_MAX = 80;
export const DESCRIPTION_MAX = 5000;
export const AUTHOR_MAX = 200;
/** The command's limits. */
export const MAX_HOSTS = 10;
export const MAX_SLOTS = 50;
/** Blank host rows a form offers below the chosen hosts. */
const SPARE_HOSTS = 2;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A weekly slot's row as posted. */
export interface SlotValues {
  readonly days: readonly string[];
  readonly start: string;
  readonly minutes: string;
}

/** The form as posted or as stored. */
export interface ProgramValues {
  readonly channelId: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly artworkMediaId: string;
  /** Host rows in order: a person's id, or '' for a blank row. */
  readonly hosts: readonly string[];
  readonly slots: readonly SlotValues[];
  readonly podcastCategory: string;
  readonly podcastAuthor: string;
  readonly isExplicit: boolean;
  readonly isActive: boolean;
}

/** What a button asks for. */
export type ProgramAction =
  | { readonly kind: 'save' }
  | { readonly kind: 'add-slot' }
  | { readonly kind: 'add-host' }
  | { readonly kind: 'remove-slot'; readonly index: number };

/** saveProgram's input. */
export interface ProgramInput {
  readonly channelId: number;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly artworkMediaId: number | null;
  readonly hostIds: number[];
  readonly slots: { days: Weekday[]; start: string; minutes: number }[];
  readonly podcastCategory: string;
  readonly podcastAuthor: string;
  readonly isExplicit: boolean;
  readonly isActive: boolean;
}

const BLANK_SLOT: SlotValues = { days: [], start: '', minutes: '' };

function withSpareRows(values: ProgramValues): ProgramValues {
  const hosts = values.hosts.filter((h) => h !== '');
  const spare = Math.max(0, Math.min(SPARE_HOSTS, MAX_HOSTS - hosts.length));
  const slots =
    values.slots.some(isBlankSlot) || values.slots.length >= MAX_SLOTS ? values.slots : [...values.slots, BLANK_SLOT];
  return { ...values, hosts: [...hosts, ...Array<string>(spare).fill('')], slots };
}

/** A blank new program's form (on `channelId` when one was asked for). */
export function blankProgram(channelId: string): ProgramValues {
  return withSpareRows({
    channelId,
    title: '',
    slug: '',
    description: '',
    artworkMediaId: '',
    hosts: [],
    slots: [],
    podcastCategory: '',
    podcastAuthor: '',
    isExplicit: false,
    isActive: true,
  });
}

/** A stored program as form values, with a blank slot row and spare host rows. */
export function valuesOfProgram(p: NewsroomProgram): ProgramValues {
  return withSpareRows({
    channelId: String(p.channelId),
    title: p.title,
    slug: p.slug,
    description: p.description,
    artworkMediaId: p.artworkMediaId === null ? '' : String(p.artworkMediaId),
    hosts: p.hosts.map((h) => String(h.id)),
    slots: p.slots.map((s) => ({ days: s.days.map(String), start: s.start, minutes: String(s.minutes) })),
    podcastCategory: p.podcastCategory,
    podcastAuthor: p.podcastAuthor,
    isExplicit: p.isExplicit,
    isActive: p.isActive,
  });
}

function countOf(body: unknown, name: string, max: number): number {
  const text = field(body, name);
  return Math.min(max, /^\d{1,3}$/.test(text) ? Number(text) : 0);
}

/** The posted form and the button pressed. */
export function readProgramForm(body: unknown): { values: ProgramValues; action: ProgramAction } {
  const hosts: string[] = [];
  for (let i = 0; i < countOf(body, 'hostCount', MAX_HOSTS + SPARE_HOSTS + 2); i++)
    hosts.push(field(body, `host-${i}`).trim());
  const slots: SlotValues[] = [];
  for (let i = 0; i < countOf(body, 'slotCount', MAX_SLOTS + 5); i++)
    slots.push({
      days: fields(body, `slot-${i}-day`).slice(0, 14),
      start: field(body, `slot-${i}-start`).trim(),
      minutes: field(body, `slot-${i}-minutes`).trim(),
    });
  const values: ProgramValues = {
    channelId: field(body, 'channelId').trim(),
    title: field(body, 'title'),
    slug: field(body, 'slug'),
    description: field(body, 'description'),
    artworkMediaId: field(body, 'featuredMediaId').trim(),
    hosts,
    slots,
    podcastCategory: field(body, 'podcastCategory'),
    podcastAuthor: field(body, 'podcastAuthor'),
    isExplicit: checked(body, 'isExplicit'),
    isActive: checked(body, 'isActive'),
  };
  const button = field(body, 'action');
  const match = /^remove-slot-(\d{1,2})$/.exec(button);
  const action: ProgramAction = match
    ? { kind: 'remove-slot', index: Number(match[1]) }
    : button === 'add-slot' || button === 'add-host'
      ? { kind: button }
      : { kind: 'save' };
  return { values, action };
}

/** The form after a row button: a slot row added or removed, host rows added; nothing saved. */
export function rearrangeProgram(
  values: ProgramValues,
  action: Exclude<ProgramAction, { kind: 'save' }>,
): ProgramValues {
  if (action.kind === 'add-slot')
    return values.slots.length < MAX_SLOTS ? { ...values, slots: [...values.slots, BLANK_SLOT] } : values;
  if (action.kind === 'add-host')
    return values.hosts.length < MAX_HOSTS ? { ...values, hosts: [...values.hosts, ''] } : values;
  const slots = values.slots.filter((_, i) => i !== action.index);
  return { ...values, slots: slots.length ? slots : [BLANK_SLOT] };
}

/** Whether a slot row is untouched (left out on save). */
export function isBlankSlot(slot: SlotValues): boolean {
  return slot.days.length === 0 && slot.start === '' && slot.minutes === '';
}

/** A time field's value as "HH:MM" ("06:00:00" from a browser's time field counts). */
function clockOf(text: string): string {
  return /^\d{2}:\d{2}:00$/.test(text) ? text.slice(0, 5) : text;
}

/** Whether text is a clock time a time field holds ("06:00", or "06:00:00" as browsers send it). */
export function isClock(text: string): boolean {
  return HH_MM.test(clockOf(text));
}

/** A row as a slot, when it is a whole valid one (to compare for overlaps); else undefined. */
export function slotOfRow(row: SlotValues): SlotShape | undefined {
  const days = [...new Set(row.days)].filter((d) => /^[1-7]$/.test(d)).map(Number) as Weekday[];
  const start = clockOf(row.start);
  const minutes = /^\d{1,4}$/.test(row.minutes) ? Number(row.minutes) : NaN;
  if (days.length === 0 || days.length !== new Set(row.days).size || !isValidSlot({ start, minutes })) return undefined;
  return { days: days.sort(), start, minutes };
}

const length = (text: string) => [...text].length;

/**
 * Checks the form against the channels and hosts this user may choose; the command's input, or
 * every problem by field (slot rows by number).
 */
export function checkProgram(
  values: ProgramValues,
  choices: { channelIds: readonly number[]; hostIds: readonly number[] },
): { input: ProgramInput; problems?: undefined } | { input?: undefined; problems: FieldProblems } {
  const problems: FieldProblems = new Map();
  const channelId = /^[1-9]\d{0,9}$/.test(values.channelId) ? Number(values.channelId) : NaN;
  if (!choices.channelIds.includes(channelId)) addProblem(problems, 'channelId', t('radio.problem.channel'));
  const title = values.title.trim();
  const slug = values.slug.trim();
  const description = values.description.trim();
  const podcastAuthor = values.podcastAuthor.trim();
  if (title === '') addProblem(problems, 'title', t('radio.problem.titleRequired'));
  else if (length(title) > TITLE_MAX) addProblem(problems, 'title', t('radio.problem.tooLong', { max: TITLE_MAX }));
  if (length(slug) > SLUG_MAX) addProblem(problems, 'slug', t('radio.problem.tooLong', { max: SLUG_MAX }));
  if (length(description) > DESCRIPTION_MAX)
    addProblem(problems, 'description', t('radio.problem.tooLong', { max: DESCRIPTION_MAX }));
  let artworkMediaId: number | null = null;
  if (values.artworkMediaId !== '') {
    if (/^[1-9]\d{0,9}$/.test(values.artworkMediaId) && Number(values.artworkMediaId) < 2 ** 31)
      artworkMediaId = Number(values.artworkMediaId);
    else addProblem(problems, 'featuredMediaId', t('radio.problem.imageNumber'));
  }
  const hostIds: number[] = [];
  values.hosts.forEach((host, i) => {
    if (host === '') return;
    const id = Number(host);
    if (!/^[1-9]\d{0,9}$/.test(host) || !choices.hostIds.includes(id))
      addProblem(problems, `host-${i}`, t('radio.problem.host'));
    else if (hostIds.includes(id)) addProblem(problems, `host-${i}`, t('radio.problem.hostTwice'));
    else hostIds.push(id);
  });
  if (hostIds.length > MAX_HOSTS) addProblem(problems, 'host-0', t('radio.problem.tooManyHosts', { max: MAX_HOSTS }));
  const slots: ProgramInput['slots'] = [];
  values.slots.forEach((row, i) => {
    if (isBlankSlot(row)) return;
    const days = [...new Set(row.days)];
    if (days.length === 0) addProblem(problems, `slot-${i}-days`, t('radio.problem.slotDays'));
    else if (!days.every((d) => /^[1-7]$/.test(d)))
      addProblem(problems, `slot-${i}-days`, t('radio.problem.slotDayBad'));
    const start = clockOf(row.start);
    if (!HH_MM.test(start)) addProblem(problems, `slot-${i}-start`, t('radio.problem.slotStart'));
    const minutes = /^\d{1,4}$/.test(row.minutes) ? Number(row.minutes) : NaN;
    if (!(minutes >= 1 && minutes <= 1440)) addProblem(problems, `slot-${i}-minutes`, t('radio.problem.slotMinutes'));
    const slot = slotOfRow(row);
    if (slot) slots.push({ days: [...slot.days], start: slot.start, minutes: slot.minutes });
  });
  if (slots.length > MAX_SLOTS)
    addProblem(problems, 'slot-0-days', t('radio.problem.tooManySlots', { max: MAX_SLOTS }));
  if (values.podcastCategory !== '' && !isPodcastCategory(values.podcastCategory))
    addProblem(problems, 'podcastCategory', t('radio.problem.podcastCategory'));
  if (length(podcastAuthor) > AUTHOR_MAX)
    addProblem(problems, 'podcastAuthor', t('radio.problem.tooLong', { max: AUTHOR_MAX }));
  if (problems.size > 0) return { problems };
  return {
    input: {
      channelId,
      title,
      slug,
      description,
      artworkMediaId,
      hostIds,
      slots,
      podcastCategory: values.podcastCategory,
      podcastAuthor,
      isExplicit: values.isExplicit,
      isActive: values.isActive,
    },
  };
}

/** The field a saveProgram problem belongs to. */
export function programFieldOf(path: string): string | undefined {
  if (path === 'artworkMediaId') return 'featuredMediaId';
  if (path === 'hostIds') return 'host-0';
  return ['channelId', 'title', 'slug', 'description', 'podcastCategory', 'podcastAuthor'].includes(path)
    ? path
    : undefined;
}
