// Writing redirects: add, change and delete a row of the table by hand (the newsroom). Every problem of a form is listed at once, nothing is saved
// while there is one. Rules: the old address is a path of this site ('/…', its query reduced to
// the parameters matching reads), used by no other row; the new address is a path of this site
// or, typed by an administrator, an http(s) URL of another; it does not lead back to the old
// address nor into another redirect's old address (a chain a reader would follow twice).
import type { Kysely } from 'kysely';
import { toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { InputError } from '../core/validation.ts';
import { newsroomText as t } from '../newsroom/index.ts';
import { CONTROL, firstSegmentOf, fromPathOf, ignoredParams, MAX_FROM_LENGTH, parseOldAddress } from './paths.ts';
import './events.ts';

type Db = Kysely<Database>;

/** The longest new address kept. */
export const MAX_TO_LENGTH = 2000;

/** What the newsroom's form sends. */
export interface RedirectInput {
  readonly fromPath: string;
  readonly toPath: string;
}

/** Who saves, and what the site is: the rules that depend on them. */
export interface RedirectRules {
  /** The site's public base URL: a new address on it is kept as a path. */
  readonly baseUrl: string;
  /** Whether the new address may be another site's URL (administrators only). */
  readonly mayLinkOut: boolean;
  /** Whether a code names an edition (the row's edition comes from its paths). */
  readonly isEdition: (code: string) => boolean;
}

/** A checked row, ready to store. */
export interface CheckedRedirect {
  readonly fromPath: string;
  readonly toPath: string;
  readonly edition: string | null;
}

/** Paths of the site's own machinery: a redirect there would never be consulted. */
const RESERVED = /^\/(?:newsroom|api|assets|media)(?:[/?]|$)/;

/**
 * Checks a form against the rules and the table (duplicates, chains); throws an InputError with
 * every problem. `id` is the row being changed, if any.
 */
export async function checkRedirect(
  db: Db,
  input: RedirectInput,
  rules: RedirectRules,
  id?: number,
): Promise<CheckedRedirect> {
  const problems: string[] = [];
  const fromTyped = input.fromPath.trim();
  const toTyped = input.toPath.trim();

  let fromPath: string | undefined;
  if (fromTyped === '') problems.push(t('redirects.problem.fromEmpty'));
  else if (!fromTyped.startsWith('/') || fromTyped.startsWith('//')) problems.push(t('redirects.problem.fromSlash'));
  else if (fromTyped.length > MAX_FROM_LENGTH) problems.push(t('redirects.problem.fromLong', { max: MAX_FROM_LENGTH }));
  else {
    const address = parseOldAddress(fromTyped);
    if (!address || /\s/.test(fromTyped)) problems.push(t('redirects.problem.fromInvalid'));
    else {
      fromPath = fromPathOf(address);
      if (RESERVED.test(fromPath)) problems.push(t('redirects.problem.fromReserved'));
      const ignored = ignoredParams(fromTyped);
      if (ignored.length > 0) problems.push(t('redirects.problem.fromParams', { names: ignored.join(', ') }));
    }
  }

  const target = checkTarget(toTyped, rules, problems);
  if (fromPath !== undefined && target?.local !== undefined && target.local === fromPath) {
    problems.push(t('redirects.problem.loop'));
  }

  // One indexed read for both: another row from the same old address, and a row from the new one.
  const candidates = [fromPath, target?.local].filter((p): p is string => p !== undefined);
  if (candidates.length > 0) {
    const rows = await db
      .selectFrom('redirects')
      .select(['id', 'from_path', 'to_path'])
      .where('from_path', 'in', candidates)
      .execute();
    const same = rows.find((r) => r.from_path === fromPath && r.id !== id);
    if (same) problems.push(t('redirects.problem.duplicate', { path: same.from_path }));
    const next = rows.find((r) => r.from_path === target?.local && r.id !== id);
    if (next && target?.local !== fromPath) {
      problems.push(t('redirects.problem.chain', { path: next.from_path, to: next.to_path }));
    }
  }

  if (problems.length > 0 || fromPath === undefined || !target) throw new InputError(problems);
  const edition = [firstSegmentOf(fromPath), target.local === undefined ? '' : firstSegmentOf(target.local)].find(
    (code) => code !== '' && rules.isEdition(code),
  );
  return { fromPath, toPath: target.stored, edition: edition ?? null };
}

/** The new address as stored, and in the canonical form of an old one when it is on this site. */
function checkTarget(
  typed: string,
  rules: RedirectRules,
  problems: string[],
): { stored: string; local: string | undefined } | undefined {
  if (typed === '') {
    problems.push(t('redirects.problem.toEmpty'));
    return undefined;
  }
  if (typed.length > MAX_TO_LENGTH || /[\s\\]/.test(typed) || CONTROL.test(typed)) {
    problems.push(t('redirects.problem.toInvalid', { max: MAX_TO_LENGTH }));
    return undefined;
  }
  const site = new URL(rules.baseUrl);
  const isPath = typed.startsWith('/') && !typed.startsWith('//');
  let url: URL;
  try {
    url = new URL(typed, site);
  } catch {
    problems.push(t('redirects.problem.toInvalid', { max: MAX_TO_LENGTH }));
    return undefined;
  }
  if (!isPath && !/^https?:\/\//i.test(typed)) {
    problems.push(t('redirects.problem.toScheme'));
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    problems.push(t('redirects.problem.toCredentials'));
    return undefined;
  }
  if (url.origin === site.origin) {
    const stored = `${url.pathname}${url.search}${url.hash}`;
    const address = parseOldAddress(`${url.pathname}${url.search}`);
    return { stored, local: address ? fromPathOf(address) : url.pathname };
  }
  if (isPath) {
    problems.push(t('redirects.problem.toInvalid', { max: MAX_TO_LENGTH }));
    return undefined;
  }
  if (!rules.mayLinkOut) {
    problems.push(t('redirects.problem.toExternal'));
    return undefined;
  }
  return { stored: url.href, local: undefined };
}

/** Adds a redirect made by hand; returns its id. */
export async function createRedirect(w: WriteContext, row: CheckedRedirect): Promise<number> {
  const at = toDbTime(w.now());
  return runCommand(w, async (trx, emit) => {
    const { id } = await trx
      .insertInto('redirects')
      .values({
        from_path: row.fromPath,
        to_path: row.toPath,
        edition: row.edition,
        origin: 'manual',
        created_by: w.actorId ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await emit('redirect.created', { redirectId: id, fromPath: row.fromPath, edition: row.edition });
    return id;
  });
}

/** Changes a redirect (an imported one too: it keeps its origin); false when it is gone. */
export async function updateRedirect(w: WriteContext, id: number, row: CheckedRedirect): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const before = await trx.selectFrom('redirects').select(['from_path']).where('id', '=', id).executeTakeFirst();
    if (!before) return false;
    await trx
      .updateTable('redirects')
      .set({ from_path: row.fromPath, to_path: row.toPath, edition: row.edition, updated_at: toDbTime(w.now()) })
      .where('id', '=', id)
      .execute();
    await emit('redirect.changed', {
      redirectId: id,
      fromPath: row.fromPath,
      edition: row.edition,
      // The old path no longer redirects: its cached answers go too.
      ...(before.from_path !== row.fromPath ? { formerFromPath: before.from_path } : {}),
    });
    return true;
  });
}

/** Deletes a redirect; false when it was gone already. */
export async function deleteRedirect(w: WriteContext, id: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const row = await trx
      .selectFrom('redirects')
      .select(['from_path', 'edition'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('redirects').where('id', '=', id).execute();
    await emit('redirect.deleted', { redirectId: id, fromPath: row.from_path, edition: row.edition });
    return true;
  });
}
