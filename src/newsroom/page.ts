// What every newsroom page needs from its request: the signed-in user, the site's name, the
// newsroom's assets. Also the request's `staff` property, which the session guard fills in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { createTranslator } from '../i18n/index.ts';
import type { NewsroomPage } from './layout.tsx';
import { newsroomText, type NewsroomKey } from './messages.ts';
import { can, type Action, type Resource, type Staff } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom user (null before sign-in, and outside /newsroom). */
    staff: Staff | null;
  }
  interface FastifyContextConfig {
    /**
     * Who may open a newsroom route: 'public' (sign-in, setup, password reset), 'second_factor'
     * (the code page between password and session); by default, a signed-in user.
     */
    staffAccess?: 'public' | 'second_factor';
  }
}

/** The layout's props for a request. */
export async function newsroomPage(ctx: AppContext, request: FastifyRequest): Promise<NewsroomPage> {
  const edition = ctx.editions.get(ctx.settings.defaultEdition) ?? ctx.editions.all()[0];
  // The edition's translator answers the name saved in the settings, when there is one.
  const siteName = (edition?.t ?? createTranslator('en', 'en'))('site.name');
  return {
    siteName,
    assets: await ctx.assets.newsroom(),
    staff: request.staff,
    path: request.url.split('?', 1)[0]!,
  };
}

/** The signed-in user, or a 401 (the guard already sent anyone else to sign in). */
export function staffOf(request: FastifyRequest): Staff {
  if (!request.staff) throw new AppError('unauthorized');
  return request.staff;
}

/** The signed-in user if their role allows `action` (on `resource`), else a 403. */
export function requirePermission(request: FastifyRequest, action: Action, resource?: Resource): Staff {
  const staff = staffOf(request);
  if (!can(staff, action, resource)) throw new AppError('forbidden', 'Your role does not allow this.');
  return staff;
}

/** Sends a full HTML page. */
export function sendHtml(reply: FastifyReply, html: string | Promise<string>, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}

/** A redirect after a successful form post (303: the browser follows with a GET). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}

/**
 * The entry of `table` a `?done=` value names, or undefined: only the table's own keys count
 * (`?done=constructor` must not reach Object.prototype).
 */
export function doneKey<V>(table: Readonly<Record<string, V>>, done: unknown): V | undefined {
  return typeof done === 'string' && Object.hasOwn(table, done) ? table[done] : undefined;
}

/** The notice a `?done=` value names in `table` (after a form post), in the newsroom's words. */
export function doneNotice(table: Readonly<Record<string, NewsroomKey>>, done: unknown): string | undefined {
  const key = doneKey(table, done);
  return key ? newsroomText(key) : undefined;
}
