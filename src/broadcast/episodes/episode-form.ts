// The newsroom's episode form as data: the posted fields read into values (what the form shows
// again after a refusal), the values turned into the commands' input, and the commands' problems
// put beside the fields they belong to.
import { addProblem, commandProblems, field, type FieldProblems } from '../newsroom/form-fields.ts';
import type { AudioInput, UpdateEpisodeInput } from './commands.ts';
import type { Episode } from './queries.ts';

/** Where the audio comes from: a new upload, an address elsewhere, or (editing) what it has. */
export type AudioSource = 'upload' | 'url' | 'keep';

/** What the form holds, as text. */
export interface EpisodeValues {
  readonly programId: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly transcript: string;
  readonly episodeNumber: string;
  readonly isExplicit: boolean;
  readonly audioSource: AudioSource;
  readonly audioUrl: string;
  readonly audioType: string;
  readonly audioBytes: string;
  readonly audioDuration: string;
  readonly featuredMediaId: string;
  readonly articleIds: string;
}

/** An empty form for a new episode of `programId`. */
export function emptyValues(programId = ''): EpisodeValues {
  return {
    programId,
    title: '',
    slug: '',
    description: '',
    transcript: '',
    episodeNumber: '',
    isExplicit: false,
    audioSource: 'upload',
    audioUrl: '',
    audioType: '',
    audioBytes: '',
    audioDuration: '',
    featuredMediaId: '',
    articleIds: '',
  };
}

/** "h:mm:ss", "m:ss" or seconds, for the form. */
export function durationInput(seconds: number | null): string {
  if (seconds === null) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The form of a stored episode. */
export function valuesOf(episode: Episode & { articleIds: readonly number[] }): EpisodeValues {
  const isExternal = episode.audioFile === null;
  return {
    programId: String(episode.programId),
    title: episode.title,
    slug: episode.slug,
    description: episode.description,
    transcript: episode.transcript,
    episodeNumber: episode.episodeNumber === null ? '' : String(episode.episodeNumber),
    isExplicit: episode.isExplicit,
    audioSource: 'keep',
    audioUrl: isExternal ? (episode.audioUrl ?? '') : '',
    audioType: isExternal ? episode.audioType : '',
    audioBytes: isExternal && episode.audioBytes !== null ? String(episode.audioBytes) : '',
    audioDuration: isExternal ? durationInput(episode.durationSeconds) : '',
    featuredMediaId: episode.artwork ? String(episode.artwork.id) : '',
    articleIds: episode.articleIds.join(', '),
  };
}

/** The values of a posted form (missing fields empty). */
export function readValues(body: unknown, isNew: boolean): EpisodeValues {
  const source = field(body, 'audioSource');
  return {
    programId: field(body, 'programId').trim(),
    title: field(body, 'title'),
    slug: field(body, 'slug'),
    description: field(body, 'description'),
    transcript: field(body, 'transcript'),
    episodeNumber: field(body, 'episodeNumber').trim(),
    isExplicit: field(body, 'isExplicit') !== '',
    audioSource: source === 'url' || source === 'upload' ? source : isNew ? 'upload' : 'keep',
    audioUrl: field(body, 'audioUrl').trim(),
    audioType: field(body, 'audioType').trim(),
    audioBytes: field(body, 'audioBytes').trim(),
    audioDuration: field(body, 'audioDuration').trim(),
    featuredMediaId: field(body, 'featuredMediaId').trim(),
    articleIds: field(body, 'articleIds').trim(),
  };
}

/** Seconds from "h:mm:ss", "m:ss" or a number of seconds; null for ''; undefined when not one. */
export function parseDuration(text: string): number | null | undefined {
  if (text === '') return null;
  if (/^\d{1,7}$/.test(text)) return Number(text);
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s] = match;
  if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return undefined;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/** A whole number from the form: null for '', NaN when it is not one (the command says so). */
function numberOrNull(text: string): number | null {
  if (text === '') return null;
  return /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The command's content input, and the problems only the form can see (a list of article
 * numbers that is not one, a duration that is not a time).
 */
export function contentInput(values: EpisodeValues): {
  input: Omit<UpdateEpisodeInput, 'audio'>;
  problems: FieldProblems;
} {
  const problems: FieldProblems = new Map();
  const parts = values.articleIds === '' ? [] : values.articleIds.split(/[\s,]+/).filter(Boolean);
  const articleIds: number[] = [];
  for (const part of parts) {
    if (/^[1-9]\d{0,9}$/.test(part)) articleIds.push(Number(part));
    else addProblem(problems, 'articleIds', `“${part.slice(0, 20)}” is not an article number.`);
  }
  const mediaId = numberOrNull(values.featuredMediaId);
  return {
    input: {
      title: values.title,
      slug: values.slug.trim() || undefined,
      description: values.description,
      transcript: values.transcript,
      episodeNumber: numberOrNull(values.episodeNumber),
      isExplicit: values.isExplicit,
      artworkMediaId: mediaId,
      articleIds,
    },
    problems,
  };
}

/** The external audio input of the form, or its problems. */
export function urlAudioInput(values: EpisodeValues, problems: FieldProblems): AudioInput {
  const duration = parseDuration(values.audioDuration);
  if (duration === undefined) addProblem(problems, 'audioDuration', 'Give the length as h:mm:ss, m:ss or seconds.');
  const type = values.audioType === 'audio/mpeg' || values.audioType === 'audio/mp4' ? values.audioType : undefined;
  return {
    kind: 'url',
    url: values.audioUrl,
    type,
    bytes: numberOrNull(values.audioBytes),
    durationSeconds: duration ?? null,
  };
}

/** The field a command problem's path belongs to. */
export function fieldOf(path: string): string | undefined {
  if (path.startsWith('articleIds')) return 'articleIds';
  const fields: Record<string, string> = {
    title: 'title',
    slug: 'slug',
    description: 'description',
    transcript: 'transcript',
    episodeNumber: 'episodeNumber',
    isExplicit: 'isExplicit',
    artworkMediaId: 'featuredMediaId',
    programId: 'programId',
    'audio.url': 'audioUrl',
    'audio.type': 'audioType',
    'audio.bytes': 'audioBytes',
    'audio.durationSeconds': 'audioDuration',
    audio: 'audio',
    'audio.file': 'audio',
  };
  return fields[path];
}

/** The command's problem lines, by field, added to `into`. */
export function mergeCommandProblems(into: FieldProblems, lines: readonly string[]): FieldProblems {
  for (const [fieldId, texts] of commandProblems(lines, fieldOf))
    for (const text of texts) addProblem(into, fieldId, text);
  return into;
}
