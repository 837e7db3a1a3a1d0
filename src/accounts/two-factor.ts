// Two-step sign-in: TOTP codes from an authenticator app (SHA-1, 6 digits, 30 s, ±1 step of clock
// drift) and ten single-use recovery codes. A code is accepted once: the accepted step is kept in
// users.totp_last_step and a step at or before it is refused; a recovery code is spent by one
// conditional UPDATE, so two requests sending it at once cannot both pass. Recovery codes are
// stored as SHA-256 hashes only. Wrong codes count in the sign-in limiter.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { HOTP, Secret, TOTP } from 'otpauth';
import { escapeHtml } from '@kitajs/html';
import type { AppContext } from '../context.ts';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { ensureCookieSecret } from '../core/secret.ts';
import { clearAccount, limitKeys, recordFailure, waitFor, type LimitKeys } from './limiter.ts';
import './events.ts';

type Db = Kysely<Database>;

const PERIOD_MS = 30_000;
const DIGITS = 6;
/** Steps either side of now that are still accepted (a phone's clock a little off). */
const DRIFT_STEPS = 1;
/** How many recovery codes a user holds. */
export const RECOVERY_CODE_COUNT = 10;
/** 32 letters and digits without l, o, 0 and 1 (easily confused): 5 bits a character. */
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** 10 characters: 50 random bits a code. */
const RECOVERY_LENGTH = 10;

/** A new TOTP secret (160 random bits, base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, issuer: string, email: string): string {
  return new TOTP({
    issuer,
    label: email,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_MS / 1000,
  }).toString();
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code of `text` as inline SVG (no style attribute: the CSP forbids inline styles). */
export async function qrCodeSvg(text: string, label: string): Promise<string> {
  // Loaded when someone enrols, not at every start.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, width: 200, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" `);
}

/** The TOTP step (30-second period number) of a time. */
export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / PERIOD_MS);
}

/** The code an app shows for `secret` at a step. */
export function codeAt(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: DIGITS, counter: step });
}

/** The latest step within the drift window whose code is `code` and which comes after `lastStep`. */
export function matchingStep(secret: string, code: string, now: Date, lastStep: number | null): number | undefined {
  const current = stepAt(now);
  for (let step = current + DRIFT_STEPS; step >= current - DRIFT_STEPS; step--) {
    if (lastStep !== null && step <= lastStep) break;
    if (sameText(codeAt(secret, step), code)) return step;
  }
  return undefined;
}

/** What a typed code is: six digits from the app, or a recovery code (spaces and dashes ignored). */
export function readCode(input: string): { kind: 'totp' | 'recovery'; code: string } | undefined {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(code)) return { kind: 'totp', code };
  if (code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c))) {
    return { kind: 'recovery', code };
  }
  return undefined;
}

/** Ten new recovery codes, shown as `abcde-fghij`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 256 is a multiple of 32, so `byte % 32` picks every character alike.
    const chars = [...randomBytes(RECOVERY_LENGTH)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** The stored form of a recovery code. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(readCode(code)?.code ?? code)
    .digest('hex');
}

/** A user's two-step state. */
export async function twoFactorOf(db: Db, userId: number) {
  const row = await db
    .selectFrom('users')
    .select(['email', 'role', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const unused = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    email: row.email,
    role: row.role,
    isEnabled: row.totp_enabled_at !== null,
    /** The secret being enrolled (shown as a QR code), or in use. */
    secret: row.totp_secret,
    unusedRecoveryCodes: Number(unused.n),
  };
}

/** Starts (or starts again) enrolment: a new secret, not in use until a first code confirms it. */
export async function startEnrolment(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: newTotpSecret(), totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .execute();
}

/**
 * Turns two-step sign-in on when `code` is right for the secret being enrolled; returns the new
 * recovery codes (to show once), or undefined for a wrong code.
 */
export async function confirmEnrolment(w: WriteContext, userId: number, code: string): Promise<string[] | undefined> {
  const now = w.now();
  const row = await w.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const typed = readCode(code);
  if (!row?.totp_secret || row.totp_enabled_at !== null || typed?.kind !== 'totp') return undefined;
  const secret = row.totp_secret;
  const step = matchingStep(secret, typed.code, now, null);
  if (step === undefined) return undefined;
  return runCommand(w, async (trx, emit) => {
    // Only the secret the code was checked against (another tab may have started again).
    const done = await trx
      .updateTable('users')
      .set({ totp_enabled_at: toDbTime(now), totp_last_step: step })
      .where('id', '=', userId)
      .where('totp_secret', '=', secret)
      .where('totp_enabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return undefined;
    const codes = await replaceRecoveryCodes(trx, userId);
    await emit('staff.two_factor_enabled', { userId });
    return codes;
  });
}

/** Ten new recovery codes in place of the old ones (to show once). */
export async function regenerateRecoveryCodes(w: WriteContext, userId: number): Promise<string[]> {
  return runCommand(w, async (trx, emit) => {
    const codes = await replaceRecoveryCodes(trx, userId);
    await emit('staff.recovery_codes_regenerated', { userId });
    return codes;
  });
}

/** Turns two-step sign-in off: the secret and the recovery codes are deleted. */
export async function turnOffTwoFactor(w: WriteContext, userId: number): Promise<void> {
  await runCommand(w, async (trx, emit) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await emit('staff.two_factor_disabled', { userId });
  });
}

async function replaceRecoveryCodes(trx: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), used_at: null })))
    .execute();
  return codes;
}

/**
 * Spends a code of a user with two-step sign-in on: a TOTP code of a step after the last one
 * accepted, or an unused recovery code. Each is taken by one conditional UPDATE, so of two
 * requests with the same code only one passes.
 */
export async function spendCode(db: Db, userId: number, input: string, now: Date): Promise<boolean> {
  const typed = readCode(input);
  if (!typed) return false;
  if (typed.kind === 'recovery') {
    const spent = await db
      .updateTable('recovery_codes')
      .set({ used_at: toDbTime(now) })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(typed.code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(spent.numUpdatedRows) === 1;
  }
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_secret || row.totp_enabled_at === null) return false;
  const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
  const step = matchingStep(row.totp_secret, typed.code, now, lastStep);
  if (step === undefined) return false;
  const taken = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export type CodeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'failed' }
  | { readonly ok: false; readonly reason: 'limited'; readonly waitMs: number };

/**
 * Checks and spends a code under the sign-in limiter: per account (a key of its own, which a
 * right password does not clear) and per address (the same key as for passwords).
 */
export async function checkCode(ctx: AppContext, userId: number, code: string, address: string): Promise<CodeCheck> {
  const now = ctx.now();
  const keys = codeLimitKeys(ctx, userId, address);
  const waitMs = await waitFor(ctx.db, keys, now);
  if (waitMs > 0) return { ok: false, reason: 'limited', waitMs };
  if (await spendCode(ctx.db, userId, code, now)) {
    await clearAccount(ctx.db, keys);
    return { ok: true };
  }
  await recordFailure(ctx.db, keys, now);
  return { ok: false, reason: 'failed' };
}

function codeLimitKeys(ctx: AppContext, userId: number, address: string): LimitKeys {
  const secret = ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir);
  return { account: `second-factor:${userId}`, address: limitKeys(secret, '', address).address };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
