// Who a request to /api is, when it carries a key: `Authorization: Bearer wk_…`. Without the
// header a request is the public's (published content only, cacheable). With it, the key must be
// one that exists, is not revoked and belongs to an active user, or the answer is 401: a client
// that meant to use a key must learn at once that it did not work, not get the public's answer.
// Each keyed request counts against the key's requests per minute, in the database, so every app
// process shares one limit. A keyed request is never answered from or stored in the page cache
// (page-cache.ts skips any request with an Authorization header).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { editionsOfUser } from '../../accounts/index.ts';
import type { AppContext } from '../../context.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Staff } from '../../newsroom/index.ts';
import { REQUESTS_PER_MINUTE, hashApiKey, isScope, looksLikeApiKey, type Scope } from './model.ts';

/** A request's key: the user it acts as (with their role and editions) and its scopes. */
export interface ApiPrincipal {
  readonly keyId: number;
  readonly staff: Staff;
  readonly scopes: ReadonlySet<Scope>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request carried (null: none, the public). */
    apiKey: ApiPrincipal | null;
  }
}

function unauthorized(message: string): AppError {
  return new AppError('unauthorized', message);
}

/** The principal of an Authorization header's bearer key, counted against its limit; a 401 or 429 otherwise. */
export async function authenticate(ctx: AppContext, header: string, now: Date): Promise<ApiPrincipal> {
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match || !looksLikeApiKey(match[1]!)) {
    throw unauthorized('The Authorization header must be "Bearer" followed by an API key.');
  }
  const row = await ctx.db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.scopes', 'u.id as user_id', 'u.email', 'u.display_name', 'u.role', 'u.totp_enabled_at'])
    .where('k.key_hash', '=', hashApiKey(match[1]!))
    .where('k.revoked_at', 'is', null)
    .where('u.is_active', '=', 1)
    .executeTakeFirst();
  if (!row) throw unauthorized('This API key is not valid: it may have been revoked.');
  await countRequest(ctx, row.id, now);
  const user = { id: row.user_id, role: row.role };
  return {
    keyId: row.id,
    scopes: new Set(row.scopes.split(' ').filter(isScope)),
    staff: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      editions: await editionsOfUser(ctx, user),
      // A key's requests carry no form: the header is the proof, and no browser sends it by itself.
      csrfToken: '',
      twoFactorEnabled: row.totp_enabled_at !== null,
    },
  };
}

/** Counts a request in the key's current minute; a 429 past the limit. */
async function countRequest(ctx: AppContext, keyId: number, now: Date): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const windowStart = minute.toISOString();
  const { count } = await ctx.db
    .insertInto('api_key_windows')
    .values({ key_id: keyId, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key_id', 'window_start']).doUpdateSet({ count: sql`api_key_windows.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (count === 1) {
    // A new minute: the old ones are done with, and "last used" moves (once a minute, not per request).
    await ctx.db
      .deleteFrom('api_key_windows')
      .where('key_id', '=', keyId)
      .where('window_start', '<', windowStart)
      .execute();
    await ctx.db
      .updateTable('api_keys')
      .set({ last_used_at: toDbTime(now) })
      .where('id', '=', keyId)
      .execute();
  }
  if (count > REQUESTS_PER_MINUTE) {
    const error = new AppError('too_many_requests', `This key may make ${REQUESTS_PER_MINUTE} requests a minute.`);
    throw Object.assign(error, { retryAfterSeconds: Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000) });
  }
}

/** Reads the key of every /api request that carries one into `request.apiKey`. */
export function installKeyAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const header = request.headers.authorization;
    if (header === undefined || !isApiPath(request.url)) return;
    try {
      request.apiKey = await authenticate(ctx, header, ctx.now());
    } catch (error) {
      const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry !== undefined) void reply.header('retry-after', String(retry));
      if (error instanceof AppError && error.code === 'unauthorized') {
        void reply.header('www-authenticate', 'Bearer realm="warta-api"');
      }
      throw error;
    }
  });
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** The request's key if it has `scope`, else a 401 (no key) or 403 (a key without it). */
export function requireScope(request: FastifyRequest, scope: Scope): ApiPrincipal {
  const key = request.apiKey;
  if (!key) throw unauthorized('This endpoint needs an API key (Authorization: Bearer …).');
  if (!key.scopes.has(scope)) throw new AppError('forbidden', `This API key lacks the "${scope}" scope.`);
  return key;
}
