// Which roles must use two-step sign-in (the admin setting `security.twoFactorRoles`), and the
// guard's check that sends a user of such a role who has not enrolled to enrolment. The guard
// asks on every newsroom request, so each process keeps the setting for a few seconds; a change
// also drops that copy at once here and, through 'settings.changed', in every other process.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database, Role } from '../core/db/schema.ts';
import { AppError } from '../core/http/errors.ts';
import { getSetting } from '../settings/index.ts';

/** The setting's key: a JSON array of roles. */
export const TWO_FACTOR_ROLES_KEY = 'security.twoFactorRoles';
/** Every role, in the order the settings page lists them. */
export const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];
/** How long a process trusts its copy of the setting. */
const CACHE_MS = 5_000;
/** The user's own account pages (and enrolment there) stay open to a user who must enrol. */
export const ENROLMENT_PATH = '/newsroom/account/two-factor';

interface Cached {
  readonly roles: ReadonlySet<Role>;
  readonly until: number;
}

const cache = new WeakMap<AppContext, Cached>();

/** The roles that must use two-step sign-in, read from the database (no cache). */
export async function loadTwoFactorRoles(db: Kysely<Database>): Promise<ReadonlySet<Role>> {
  const value = await getSetting(db, TWO_FACTOR_ROLES_KEY);
  return new Set(Array.isArray(value) ? ROLES.filter((r) => value.includes(r)) : []);
}

/** The roles that must use two-step sign-in, as this process last read them (at most CACHE_MS ago). */
export async function twoFactorRoles(ctx: AppContext): Promise<ReadonlySet<Role>> {
  const hit = cache.get(ctx);
  // Wall-clock time, not ctx.now(): tests move the app's clock, which must not freeze the cache.
  if (hit && hit.until > performance.now()) return hit.roles;
  const roles = await loadTwoFactorRoles(ctx.db);
  cache.set(ctx, { roles, until: performance.now() + CACHE_MS });
  return roles;
}

/** Drops this process's copy when the setting changes (here or, through the event, elsewhere). */
export function watchTwoFactorRoles(ctx: AppContext): void {
  ctx.events.on('settings.changed', (event) => {
    if (event.payload.key === TWO_FACTOR_ROLES_KEY) cache.delete(ctx);
  });
}

/** Forgets this process's copy now (after this process changed the setting). */
export function forgetTwoFactorRoles(ctx: AppContext): void {
  cache.delete(ctx);
}

/**
 * The guard's check, for a signed-in user on a route that needs one: a user whose role requires
 * two-step sign-in and who has not turned it on is sent to enrolment (GET) or refused (403),
 * except on their own account pages.
 */
export async function requireEnrolment(request: FastifyRequest, reply: FastifyReply, ctx: AppContext) {
  const staff = request.staff;
  if (!staff || staff.twoFactorEnabled) return undefined;
  const path = request.url.split('?', 1)[0]!;
  if (path === '/newsroom/account' || path.startsWith('/newsroom/account/')) return undefined;
  if (!(await twoFactorRoles(ctx)).has(staff.role)) return undefined;
  if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(ENROLMENT_PATH, 303);
  throw new AppError('forbidden', 'Your role requires two-step sign-in: turn it on in your account first.');
}
