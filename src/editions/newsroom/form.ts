// Reading the edition forms: the fields as posted (shown again when something is wrong), and the
// command's input made of them. The command checks every field; only a direction outside the
// form's own choices (a hand-made post) is refused here.
import { newsroomText as t } from '../../newsroom/index.ts';
import type { UpdateEditionInput } from '../commands.ts';
import type { ManagedEdition } from './queries.ts';
import { TEMPLATE_SECTIONS, type TemplateChoice } from './template.ts';

/** The direction field's value that lets the locale decide. */
export const DIRECTION_AUTO = 'auto';

/** The fields of the add and edit forms, as text. */
export interface EditionFormValues {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  /** 'ltr', 'rtl' or DIRECTION_AUTO. */
  readonly direction: string;
  readonly position: string;
  /** An IANA zone, or '' for the site's. */
  readonly timeZone: string;
}

/** What the add form alone asks: what the edition starts with, and whether readers see it at once. */
export interface StartValues {
  /** The ticked keys of TEMPLATE_SECTIONS (others are ignored). */
  readonly sections: readonly string[];
  readonly companyProfile: boolean;
  readonly openNow: boolean;
}

/** An empty add form: every section and the Company Profile ticked, prepared before it opens. */
export const NEW_EDITION: EditionFormValues & StartValues = {
  code: '',
  name: '',
  locale: '',
  direction: DIRECTION_AUTO,
  position: '',
  timeZone: '',
  sections: TEMPLATE_SECTIONS,
  companyProfile: true,
  openNow: false,
};

function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The posted form. */
export function readEditionForm(body: unknown): EditionFormValues {
  return {
    code: text(body, 'code').trim(),
    name: text(body, 'name'),
    locale: text(body, 'locale'),
    direction: text(body, 'direction') || DIRECTION_AUTO,
    position: text(body, 'position').trim(),
    timeZone: text(body, 'timeZone').trim(),
  };
}

/** The add form's start choices as posted (a checkbox left unticked is not sent at all). */
export function readStartForm(body: unknown): StartValues {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).sections : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return {
    sections: list.filter((v): v is string => typeof v === 'string'),
    companyProfile: text(body, 'companyProfile') === 'on',
    openNow: text(body, 'openNow') === 'on',
  };
}

/** The template's choice from the posted start values: only known sections, in their own order. */
export function templateChoiceOf(values: StartValues): TemplateChoice {
  return {
    sections: TEMPLATE_SECTIONS.filter((key) => values.sections.includes(key)),
    companyProfile: values.companyProfile,
  };
}

/** A stored edition as the edit form's values. */
export function valuesOf(edition: ManagedEdition): EditionFormValues {
  return {
    code: edition.code,
    name: edition.name,
    locale: edition.locale,
    direction: edition.direction,
    position: String(edition.position),
    timeZone: edition.timeZone ?? '',
  };
}

/** The settings a form asks for, or the problems only the form can see. */
export type ReadSettings =
  | { readonly input: Omit<UpdateEditionInput, 'position'> & { position: number | undefined }; readonly problems: [] }
  | { readonly input: undefined; readonly problems: string[] };

/**
 * The command's input: an empty position is left out (the add command puts the edition last, the
 * update command refuses it), anything else not a whole number becomes NaN, which it refuses.
 */
export function settingsOf(values: EditionFormValues): ReadSettings {
  const { direction } = values;
  if (direction !== DIRECTION_AUTO && direction !== 'ltr' && direction !== 'rtl')
    return { input: undefined, problems: [t('editions.problemDirection')] };
  const position =
    values.position === '' ? undefined : /^\d{1,4}$/.test(values.position) ? Number(values.position) : Number.NaN;
  return {
    input: {
      name: values.name,
      locale: values.locale,
      direction: direction === DIRECTION_AUTO ? undefined : direction,
      position,
      timeZone: values.timeZone,
    },
    problems: [],
  };
}
