// The newsroom's gate, installed on the /newsroom subtree: every request's session is looked up
// (a cookie holding a random token), a route that needs a signed-in user sends anyone else to
// sign in (GET) or refuses (401), and every state-changing request must carry the form token of
// its session, or, before sign-in, the signed double-submit token of the form it came from.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { FORM_TOKEN_COOKIE, SESSION_COOKIE, hostCookieName, isSecureSite } from '../core/http/cookies.ts';
import { AppError } from '../core/http/errors.ts';
import type { Role } from '../core/db/schema.ts';
import type { Staff } from '../newsroom/index.ts';
import { loadSession, newToken, type LoadedSession } from './sessions.ts';
import { requireEnrolment } from './two-factor-policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session of the request's cookie, whatever its stage (null without one). */
    staffSession: LoadedSession | null;
  }
}

/** Methods that change nothing; every other one must carry a form token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie's name on this site. */
export function sessionCookieName(ctx: AppContext): string {
  return hostCookieName(SESSION_COOKIE, isSecureSite(ctx.config.baseUrl));
}

function formCookieName(ctx: AppContext): string {
  return hostCookieName(FORM_TOKEN_COOKIE, isSecureSite(ctx.config.baseUrl));
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure and __Host- on https, path /. */
export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureSite(ctx.config.baseUrl),
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx), { path: '/', secure: isSecureSite(ctx.config.baseUrl) });
}

/**
 * The form token for a page shown before sign-in: the same random value in a signed cookie and
 * in the form (double submit); a form from another site cannot read or set the cookie.
 */
export function issueFormToken(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[formCookieName(ctx)];
  const unsigned = existing ? request.unsignCookie(existing) : undefined;
  const token = unsigned?.valid && unsigned.value ? unsigned.value : newToken();
  reply.setCookie(formCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureSite(ctx.config.baseUrl),
    signed: true,
  });
  return token;
}

/** Installs the session lookup, the sign-in requirement and the form-token check. */
export function installStaffGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSession', null);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[sessionCookieName(ctx)];
    const session = token ? await loadSession(ctx.db, token, ctx.now()) : undefined;
    if (token && !session) clearSessionCookie(ctx, reply);
    request.staffSession = session ?? null;
    if (session?.stage === 'active') request.staff = await toStaff(ctx, session);
    const access = request.routeOptions.config.staffAccess;
    if (access === 'public') return;
    if (access === 'second_factor') {
      // Already past it (the back button): on to the newsroom, not round and round sign-in.
      if (request.staff && SAFE_METHODS.has(request.method)) return reply.redirect('/newsroom', 303);
      if (session?.stage !== 'second_factor') return refuse(request, reply);
      return;
    }
    if (!request.staff) return refuse(request, reply);
    // A role that must use two-step sign-in: to enrolment first (two-factor-policy.ts).
    return requireEnrolment(request, reply, ctx);
  });

  // After the body is parsed: the form token of the session (or of the pre-sign-in form).
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const sent = sentToken(request);
    const session = request.staffSession;
    let expected: string | undefined;
    if (session) expected = session.csrfToken;
    else {
      const cookie = request.cookies[formCookieName(ctx)];
      const unsigned = cookie ? request.unsignCookie(cookie) : undefined;
      expected = unsigned?.valid ? (unsigned.value ?? undefined) : undefined;
    }
    if (!sent || !expected || !sameText(sent, expected)) {
      throw new AppError(
        'csrf_token_invalid',
        'This form has expired or did not come from the newsroom. Reload the page and try again.',
      );
    }
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') {
    const next = request.url.startsWith('/newsroom') ? `?next=${encodeURIComponent(request.url)}` : '';
    return reply.redirect(`/newsroom/sign-in${next}`, 303);
  }
  throw new AppError('unauthorized', 'Please sign in to the newsroom.');
}

function sentToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  return typeof field === 'string' ? field : undefined;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The editions a user works in: every edition for an admin, else their own (API keys act with these too). */
export async function editionsOfUser(ctx: AppContext, user: { id: number; role: Role }): Promise<string[]> {
  if (user.role === 'admin') return ctx.editions.all().map((e) => e.code);
  const rows = await ctx.db.selectFrom('user_editions').select('edition').where('user_id', '=', user.id).execute();
  return rows.map((r) => r.edition);
}

async function toStaff(ctx: AppContext, session: LoadedSession): Promise<Staff> {
  const { user } = session;
  const editions = await editionsOfUser(ctx, user);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    editions,
    csrfToken: session.csrfToken,
    twoFactorEnabled: user.twoFactorEnabled,
  };
}
