// Writing banners: raising one (which ends the edition's live banner, so one is live at a time)
// and ending one before it expires. Input is checked with zod, every problem listed at once.
import { z } from 'zod';
import { lockKey, toDbTime } from '../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { InputError } from '../core/validation.ts';
import { fromLocalInput, newsroomText as t, toLocalInput } from '../newsroom/index.ts';
import { MAX_TEXT_LENGTH, toBanner, type Banner } from './model.ts';
import { ceilToMinute, zoneLabel } from './time.ts';
import './events.ts';

/** The form's durations, in minutes. */
export const DURATIONS = { '30m': 30, '1h': 60, '3h': 180, '6h': 360, '12h': 720, '24h': 1440 } as const;
/** How a banner's expiry is chosen: a duration from now, or 'at' a minute in the site time zone. */
export const EXPIRY_CHOICES = [...(Object.keys(DURATIONS) as (keyof typeof DURATIONS)[]), 'at'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

/** The longest a banner may stay up, when given a time. */
export const MAX_DAYS = 7;
const MAX_LINK_LENGTH = 2000;
/** A path of this site: one leading slash (never "//host" or "/\host"), URL characters only. */
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;

/** What raising a banner takes, as the newsroom's form sends it. */
export interface RaiseBannerInput {
  readonly edition: string;
  readonly text: string;
  /** '' or absent: no link. */
  readonly link?: string;
  readonly expires: string;
  /** 'YYYY-MM-DDTHH:MM' in the site time zone, when `expires` is 'at'. */
  readonly until?: string;
}

/** Checked input, ready to store. */
interface BannerValues {
  readonly edition: string;
  readonly text: string;
  readonly link: string | null;
  readonly expiresAt: Date;
}

const textSchema = z
  .string()
  // One line: runs of spaces, tabs and line breaks become one space.
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .superRefine((text, ctx) => {
    const length = [...text].length;
    if (length === 0) ctx.addIssue({ code: 'custom', message: t('banner.problemTextEmpty') });
    if (length > MAX_TEXT_LENGTH) {
      ctx.addIssue({ code: 'custom', message: t('banner.problemTextLong', { max: MAX_TEXT_LENGTH, count: length }) });
    }
  });

const linkSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const link = safeLink(value);
    if (link === undefined) ctx.addIssue({ code: 'custom', message: t('banner.problemLink') });
    return link ?? null;
  });

const expiresSchema = z.enum(EXPIRY_CHOICES, { error: () => t('banner.problemExpires') });

/**
 * A link a banner may carry, normalised, or undefined: a path of this site, or an https URL
 * without credentials. Anything else (javascript:, data:, http:, "//host") is refused.
 */
export function safeLink(value: string): string | undefined {
  if (value.length > MAX_LINK_LENGTH) return undefined;
  if (value.startsWith('/')) return SITE_PATH.test(value) ? value : undefined;
  if (!/^https:\/\/[^/\\]/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/** When a banner raised at `now` expires, or the problem with the choice. */
function expiryOf(choice: ExpiryChoice, until: string, now: Date, timezone: string): Date | string {
  if (choice !== 'at') return ceilToMinute(new Date(now.getTime() + DURATIONS[choice] * 60_000));
  const zone = zoneLabel(timezone, now);
  if (until === '') return t('banner.problemUntilMissing');
  const at = fromLocalInput(until, timezone);
  // A 31 February, or a minute a daylight-saving change skips, reads back as another minute.
  if (!at || toLocalInput(at, timezone) !== until) return t('banner.problemUntilInvalid', { zone });
  if (at.getTime() <= now.getTime()) return t('banner.problemUntilPast');
  if (at.getTime() > now.getTime() + MAX_DAYS * 86_400_000) return t('banner.problemUntilFar', { days: MAX_DAYS });
  return at;
}

/** Checks the input against the rules and the known editions; throws an InputError listing every problem. */
async function checkInput(w: WriteContext, raw: RaiseBannerInput, timezone: string): Promise<BannerValues> {
  const problems: string[] = [];
  const edition = raw.edition.trim();
  const known =
    edition !== '' &&
    (await w.db
      .selectFrom('editions')
      .select('code')
      .where('code', '=', edition)
      .where('is_active', '=', 1)
      .executeTakeFirst()) !== undefined;
  if (!known) problems.push(t('banner.problemEdition'));
  const text = textSchema.safeParse(raw.text);
  if (!text.success) problems.push(...text.error.issues.map((i) => i.message));
  const link = linkSchema.safeParse(raw.link ?? '');
  if (!link.success) problems.push(...link.error.issues.map((i) => i.message));
  const choice = expiresSchema.safeParse(raw.expires);
  let expiresAt: Date | undefined;
  if (!choice.success) problems.push(...choice.error.issues.map((i) => i.message));
  else {
    const expiry = expiryOf(choice.data, (raw.until ?? '').trim(), w.now(), timezone);
    if (typeof expiry === 'string') problems.push(expiry);
    else expiresAt = expiry;
  }
  if (problems.length > 0 || !text.success || !link.success || !expiresAt) throw new InputError(problems);
  return { edition, text: text.data, link: link.data, expiresAt };
}

/**
 * Raises a banner on every page of its edition from now until its expiry, ending the banner
 * live there (banner.ended, then banner.raised). `timezone` reads a chosen expiry time.
 */
export async function raiseBanner(
  w: WriteContext,
  raw: RaiseBannerInput,
  options: { timezone: string; createdBy?: number | null },
): Promise<Banner> {
  const values = await checkInput(w, raw, options.timezone);
  return runCommand(w, async (trx, emit) => {
    // Two editors raising at once: one after the other, so the second ends the first.
    await lockKey(trx, `banner:${values.edition}`);
    const now = toDbTime(w.now());
    const ended = await trx
      .updateTable('breaking_banners')
      .set({ ended_at: now })
      .where('edition', '=', values.edition)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('id')
      .execute();
    for (const { id } of ended) await emit('banner.ended', { bannerId: id, edition: values.edition });
    const row = await trx
      .insertInto('breaking_banners')
      .values({
        edition: values.edition,
        text: values.text,
        link: values.link,
        starts_at: now,
        expires_at: toDbTime(values.expiresAt),
        created_by: options.createdBy ?? w.actorId ?? null,
        created_at: now,
        ended_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('banner.raised', { bannerId: row.id, edition: row.edition });
    return toBanner(row);
  });
}

/** Takes a banner down now; false when it had already ended or expired (nothing changes). */
export async function endBanner(w: WriteContext, bannerId: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const now = toDbTime(w.now());
    const row = await trx
      .updateTable('breaking_banners')
      .set({ ended_at: now })
      .where('id', '=', bannerId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['id', 'edition'])
      .executeTakeFirst();
    if (!row) return false;
    await emit('banner.ended', { bannerId: row.id, edition: row.edition });
    return true;
  });
}
