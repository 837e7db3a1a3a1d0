// The channel form: posted text to saveChannel's input with every problem by its field, and the
// stream rows' buttons (add a row, move a stream up or down, remove one), which rearrange the
// form without saving so the page works the same with and without a script.
import { isTimeZone } from '../../core/config.ts';
import { newsroomText as t } from '../../newsroom/index.ts';
import { streamFormat } from '../commands.ts';
import type { NewsroomChannel } from './queries.ts';
import { addProblem, checked, field, type FieldProblems } from './form-fields.ts';

/** The most streams a channel holds (the command's limit). */
export const MAX_STREAMS = 5;
/** Rows read from one post at most (blank rows included). */
const POSTED_ROWS = MAX_STREAMS + 3;
export const NAME_MAX = 80;
export const SLUG_MAX = 80;
export const DESCRIPTION_MAX = 2000;
export const URL_MAX = 2000;
export const POSITION_MAX = 100_000;
export const STATUS_SOURCES = ['none', 'icecast', 'azuracast'] as const;
export const DEFAULT_ZONE = 'Asia/Jakarta';

/** The form as posted or as stored (shown again with problems). */
export interface ChannelValues {
  readonly edition: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly timeZone: string;
  readonly artworkMediaId: string;
  /** Stream addresses in order of preference ('' for a blank row). */
  readonly streams: readonly string[];
  readonly statusSource: string;
  readonly statusUrl: string;
  readonly position: string;
  readonly isActive: boolean;
}

/** What a button of the form asks for. */
export type ChannelAction =
  | { readonly kind: 'save' }
  | { readonly kind: 'add-stream' }
  | { readonly kind: 'up' | 'down' | 'remove'; readonly index: number };

/** saveChannel's input. */
export interface ChannelInput {
  readonly edition: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly timeZone: string;
  readonly artworkMediaId: number | null;
  readonly streams: { url: string }[];
  readonly statusSource: (typeof STATUS_SOURCES)[number];
  readonly statusUrl: string | null;
  readonly position: number;
  readonly isActive: boolean;
}

/** A blank new channel's form. */
export function blankChannel(edition: string): ChannelValues {
  return {
    edition,
    name: '',
    slug: '',
    description: '',
    timeZone: DEFAULT_ZONE,
    artworkMediaId: '',
    streams: [''],
    statusSource: 'none',
    statusUrl: '',
    position: '',
    isActive: true,
  };
}

/** A stored channel as form values. */
export function valuesOfChannel(c: NewsroomChannel): ChannelValues {
  return {
    edition: c.edition,
    name: c.name,
    slug: c.slug,
    description: c.description,
    timeZone: c.timeZone,
    artworkMediaId: c.artworkMediaId === null ? '' : String(c.artworkMediaId),
    streams: c.streams.map((s) => s.url),
    statusSource: c.statusSource,
    statusUrl: c.statusUrl ?? '',
    position: String(c.position),
    isActive: c.isActive,
  };
}

/** The posted form and the button pressed. */
export function readChannelForm(body: unknown): { values: ChannelValues; action: ChannelAction } {
  const countText = field(body, 'streamCount');
  const count = Math.min(POSTED_ROWS, /^\d{1,2}$/.test(countText) ? Number(countText) : 0);
  const streams: string[] = [];
  for (let i = 0; i < count; i++) streams.push(field(body, `stream-${i}`));
  const values: ChannelValues = {
    edition: field(body, 'edition').trim(),
    name: field(body, 'name'),
    slug: field(body, 'slug'),
    description: field(body, 'description'),
    timeZone: field(body, 'timeZone').trim(),
    // The library picker's field (its script fills this name).
    artworkMediaId: field(body, 'featuredMediaId').trim(),
    streams,
    statusSource: field(body, 'statusSource'),
    statusUrl: field(body, 'statusUrl'),
    position: field(body, 'position'),
    isActive: checked(body, 'isActive'),
  };
  const button = field(body, 'action');
  const match = /^(up|down|remove)-(\d{1,2})$/.exec(button);
  const action: ChannelAction = match
    ? { kind: match[1] as 'up' | 'down' | 'remove', index: Number(match[2]) }
    : button === 'add-stream'
      ? { kind: 'add-stream' }
      : { kind: 'save' };
  return { values, action };
}

/** The form after a row button: rows moved, removed or added; nothing is checked or saved. */
export function rearrangeStreams(
  values: ChannelValues,
  action: Exclude<ChannelAction, { kind: 'save' }>,
): ChannelValues {
  const streams = [...values.streams];
  if (action.kind === 'add-stream') {
    if (streams.length < MAX_STREAMS) streams.push('');
  } else if (action.index < streams.length) {
    const i = action.index;
    if (action.kind === 'remove') streams.splice(i, 1);
    else {
      const j = action.kind === 'up' ? i - 1 : i + 1;
      if (j >= 0 && j < streams.length) [streams[i], streams[j]] = [streams[j]!, streams[i]!];
    }
  }
  return { ...values, streams: streams.length ? streams : [''] };
}

/** Whether text is an http(s) address. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  return ['http:', 'https:'].includes(new URL(text).protocol);
}

/** A stream row's format as the channel would store it, or undefined for a blank or bad row. */
export function formatOfRow(url: string): 'mp3' | 'aac' | 'hls' | undefined {
  const text = url.trim();
  return text && isHttpUrl(text) ? streamFormat(text) : undefined;
}

/** The time zones offered (the runtime's IANA names), with the channel's own if it is older. */
export function zoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) || !isTimeZone(current) ? zones : [current, ...zones];
}

const length = (text: string) => [...text].length;

/** Checks the form; the command's input, or every problem by field. */
export function checkChannel(
  values: ChannelValues,
): { input: ChannelInput; problems?: undefined } | { input?: undefined; problems: FieldProblems } {
  const problems: FieldProblems = new Map();
  const name = values.name.trim();
  const slug = values.slug.trim();
  const description = values.description.trim();
  if (name === '') addProblem(problems, 'name', t('radio.problem.nameRequired'));
  else if (length(name) > NAME_MAX) addProblem(problems, 'name', t('radio.problem.tooLong', { max: NAME_MAX }));
  if (length(slug) > SLUG_MAX) addProblem(problems, 'slug', t('radio.problem.tooLong', { max: SLUG_MAX }));
  if (length(description) > DESCRIPTION_MAX)
    addProblem(problems, 'description', t('radio.problem.tooLong', { max: DESCRIPTION_MAX }));
  const zoneKnown = values.timeZone.length <= 64 && isTimeZone(values.timeZone) && values.timeZone !== '';
  if (!zoneKnown) addProblem(problems, 'timeZone', t('radio.problem.zone'));
  let artworkMediaId: number | null = null;
  if (values.artworkMediaId !== '') {
    if (/^[1-9]\d{0,9}$/.test(values.artworkMediaId) && Number(values.artworkMediaId) < 2 ** 31)
      artworkMediaId = Number(values.artworkMediaId);
    else addProblem(problems, 'featuredMediaId', t('radio.problem.imageNumber'));
  }
  const streams: { url: string }[] = [];
  values.streams.forEach((row, i) => {
    const url = row.trim();
    if (url === '') return;
    if (length(url) > URL_MAX) addProblem(problems, `stream-${i}`, t('radio.problem.tooLong', { max: URL_MAX }));
    else if (!isHttpUrl(url)) addProblem(problems, `stream-${i}`, t('radio.problem.streamUrl'));
    else streams.push({ url });
  });
  const filled = values.streams.filter((s) => s.trim() !== '').length;
  if (filled === 0) addProblem(problems, 'stream-0', t('radio.problem.noStream'));
  if (filled > MAX_STREAMS) addProblem(problems, 'stream-0', t('radio.problem.tooManyStreams', { max: MAX_STREAMS }));
  const statusSource = (STATUS_SOURCES as readonly string[]).includes(values.statusSource)
    ? (values.statusSource as ChannelInput['statusSource'])
    : undefined;
  if (!statusSource) addProblem(problems, 'statusSource', t('radio.problem.statusSource'));
  const statusUrl = values.statusUrl.trim();
  if (statusUrl !== '' && (length(statusUrl) > URL_MAX || !isHttpUrl(statusUrl)))
    addProblem(problems, 'statusUrl', t('radio.problem.statusUrl'));
  else if (statusSource === 'azuracast' && statusUrl === '')
    addProblem(problems, 'statusUrl', t('radio.problem.azuracastUrl'));
  const positionText = values.position.trim();
  const position = positionText === '' ? 0 : /^\d{1,6}$/.test(positionText) ? Number(positionText) : NaN;
  if (!(position >= 0 && position <= POSITION_MAX))
    addProblem(problems, 'position', t('radio.problem.position', { max: POSITION_MAX }));
  if (problems.size > 0 || !statusSource) return { problems };
  return {
    input: {
      edition: values.edition,
      name,
      slug,
      description,
      timeZone: values.timeZone,
      artworkMediaId,
      streams,
      statusSource,
      statusUrl: statusUrl || null,
      position,
      isActive: values.isActive,
    },
  };
}

/** The field a saveChannel problem belongs to. */
export function channelFieldOf(path: string): string | undefined {
  const stream = /^streams\.(\d+)/.exec(path);
  if (stream) return `stream-${stream[1]}`;
  if (path === 'streams') return 'stream-0';
  if (path === 'artworkMediaId') return 'featuredMediaId';
  return ['edition', 'name', 'slug', 'description', 'timeZone', 'statusSource', 'statusUrl', 'position'].includes(path)
    ? path
    : undefined;
}
