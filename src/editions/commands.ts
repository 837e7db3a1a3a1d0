// Writing editions: adding one (a code the app's own paths use is refused), changing its name,
// locale, direction, time zone and place, and switching it on or off. Each records edition.changed, which
// reloads the editions of every process and purges their cached pages. A code never changes:
// it is the first segment of every address of the edition.
import { z } from 'zod';
import { lockKey, toBool } from '../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { isTimeZone } from '../core/config.ts';
import { AppError } from '../core/http/errors.ts';
import { parseInput } from '../core/validation.ts';
import { editionCodeProblem } from './codes.ts';
import { canonicalLocale, directionOf, localeProblem } from './locale.ts';
import './events.ts';

/** The highest position number (editions are listed by position, then code). */
export const POSITION_MAX = 1000;
/** The longest edition name. */
export const NAME_MAX = 80;

const settings = {
  name: z.string().trim().min(1, 'is required').max(NAME_MAX, `is longer than ${NAME_MAX} characters`),
  locale: z
    .string()
    .trim()
    .min(2, 'is required')
    .max(35, 'is longer than 35 characters')
    .superRefine((locale, check) => {
      const problem = localeProblem(locale);
      if (problem) check.addIssue({ code: 'custom', message: problem });
    })
    // Stored as Intl spells it (en-gb → en-GB), the form `lang` attributes and formats expect.
    .transform((locale) => canonicalLocale(locale) ?? locale),
  /** Left out: the locale's own direction (rtl for ar, he, fa, ur …). */
  direction: z.enum(['ltr', 'rtl'], { message: 'must be ltr or rtl' }).optional(),
  /** An IANA zone for the edition's dates; left out or empty: the site's zone. */
  timeZone: z
    .string()
    .trim()
    .max(64, 'is not a time zone this server knows (e.g. Europe/Paris)')
    .refine((zone) => zone === '' || isTimeZone(zone), 'is not a time zone this server knows (e.g. Europe/Paris)')
    .optional(),
};
const position = z
  .number({ message: `must be a whole number from 0 to ${POSITION_MAX}` })
  .int(`must be a whole number from 0 to ${POSITION_MAX}`)
  .min(0, `must be a whole number from 0 to ${POSITION_MAX}`)
  .max(POSITION_MAX, `must be a whole number from 0 to ${POSITION_MAX}`);

const addInput = z.strictObject({
  code: z.string().superRefine((code, check) => {
    const problem = editionCodeProblem(code);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  }),
  ...settings,
  /** Left out: after the last edition. */
  position: position.optional(),
  /** Left out: open to readers at once. Off: prepared in the newsroom, switched on when ready. */
  isActive: z.boolean().optional(),
});

const updateInput = z.strictObject({ ...settings, position });

/** A new edition's fields. */
export type AddEditionInput = z.input<typeof addInput>;
/** An edition's changeable fields (everything but its code). */
export type UpdateEditionInput = z.input<typeof updateInput>;

/** A refused change of an edition's active flag (`rule` says which rule; a 409). */
export class EditionRuleError extends AppError {
  constructor(readonly rule: 'last_active' | 'default_edition') {
    super(
      'conflict',
      rule === 'last_active'
        ? 'The last active edition cannot be deactivated.'
        : "The site's default edition cannot be deactivated.",
    );
    this.name = 'EditionRuleError';
  }
}

/** Adds an active edition; returns false when one with that code exists already (nothing changes). */
export async function addEdition(w: WriteContext, raw: AddEditionInput): Promise<boolean> {
  const e = parseInput(addInput, raw);
  return runCommand(w, async (trx, emit) => {
    const existing = await trx.selectFrom('editions').select('code').where('code', '=', e.code).executeTakeFirst();
    if (existing) return false;
    const last = await trx
      .selectFrom('editions')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    await trx
      .insertInto('editions')
      .values({
        code: e.code,
        name: e.name,
        locale: e.locale,
        direction: e.direction ?? directionOf(e.locale),
        position: e.position ?? Math.min(POSITION_MAX, Number(last?.position ?? -1) + 1),
        is_active: e.isActive === false ? 0 : 1,
        // Only when there is one: the seed adds editions in migration tests, before 0026.
        ...(e.timeZone ? { time_zone: e.timeZone } : {}),
      })
      .execute();
    await emit('edition.changed', { code: e.code });
    return true;
  });
}

/**
 * Changes an edition's name, locale, direction and position; returns false when they were so
 * already (no event). An edition that does not exist is a 404.
 */
export async function updateEdition(w: WriteContext, code: string, raw: UpdateEditionInput): Promise<boolean> {
  const e = parseInput(updateInput, raw);
  return runCommand(w, async (trx, emit) => {
    const row = await trx.selectFrom('editions').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new AppError('edition_not_found', `There is no edition "${code}".`);
    const next = {
      name: e.name,
      locale: e.locale,
      direction: e.direction ?? directionOf(e.locale),
      position: e.position,
      time_zone: e.timeZone || null,
    };
    if (
      row.name === next.name &&
      row.locale === next.locale &&
      row.direction === next.direction &&
      row.position === next.position &&
      row.time_zone === next.time_zone
    )
      return false;
    await trx.updateTable('editions').set(next).where('code', '=', code).execute();
    await emit('edition.changed', { code });
    return true;
  });
}

/**
 * Switches an edition on or off for readers; returns false when it was so already (no event).
 * Refused (EditionRuleError, nothing changes) for the site's default edition and for the last
 * active one: the site would have no home page.
 */
export async function setEditionActive(
  w: WriteContext,
  code: string,
  isActive: boolean,
  rules: { readonly defaultEdition: string },
): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    // Two admins switching off the last two editions at once must not leave none (PostgreSQL).
    await lockKey(trx, 'warta:editions');
    const row = await trx.selectFrom('editions').select('is_active').where('code', '=', code).executeTakeFirst();
    if (!row) throw new AppError('edition_not_found', `There is no edition "${code}".`);
    if (toBool(row.is_active) === isActive) return false;
    if (!isActive) {
      if (code === rules.defaultEdition) throw new EditionRuleError('default_edition');
      // Only editions the registry would serve count (a row with a reserved code never is).
      const others = await trx
        .selectFrom('editions')
        .select('code')
        .where('is_active', '=', 1)
        .where('code', '!=', code)
        .execute();
      if (!others.some((o) => editionCodeProblem(o.code) === undefined)) throw new EditionRuleError('last_active');
    }
    await trx
      .updateTable('editions')
      .set({ is_active: isActive ? 1 : 0 })
      .where('code', '=', code)
      .execute();
    await emit('edition.changed', { code });
    return true;
  });
}
