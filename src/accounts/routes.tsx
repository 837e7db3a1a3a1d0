// /newsroom/setup, /newsroom/sign-in, /newsroom/sign-out and /newsroom/account.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { InputError } from '../core/validation.ts';
import { newsroomPage, newsroomText as t, seeOther, sendHtml, staffOf } from '../newsroom/index.ts';
import { verifyPassword } from '../users/index.ts';
import { clearSessionCookie, issueFormToken, setSessionCookie } from './guard.ts';
import { changePassword } from './password-change.ts';
import { endSession } from './sessions.ts';
import { hasStaffAccounts, setUpFirstAdmin, signIn, writerAs } from './sign-in.ts';
import { AccountPage, SetupPage, SignInPage } from './views.tsx';
import { runCommand } from '../core/events/index.ts';

type Form = Record<string, unknown>;

/** A text field of a posted form ('' when missing or not text). */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Form)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Where to go after sign-in: a newsroom path of this site only (never another site). */
export function safeNext(next: string): string {
  return /^\/newsroom(?:[/?#]|$)/.test(next) && !next.includes('\\') && !next.startsWith('//') ? next : '/newsroom';
}

/** Extra parts of the account page, added by other modules of this domain (two-factor sign-in). */
export type AccountExtra = (ctx: AppContext, request: FastifyRequest) => Promise<JSX.Element>;

export function accountRoutes(extras: readonly AccountExtra[] = []): DomainRoutes {
  return async (app, { ctx }) => {
    const renderAccount = async (
      request: FastifyRequest,
      reply: FastifyReply,
      props: { notice?: string; problems?: readonly string[] },
      status = 200,
    ) => {
      // Each part is a rendered view of this domain (escaped there).
      const safeExtra = (await Promise.all(extras.map((e) => e(ctx, request)))).join('');
      return sendHtml(
        reply,
        <AccountPage page={await newsroomPage(ctx, request)} {...props} safeExtra={safeExtra} />,
        status,
      );
    };

    app.get('/setup', { config: { staffAccess: 'public' } }, async (request, reply) => {
      if (await hasStaffAccounts(ctx.db)) return seeOther(reply, '/newsroom/sign-in');
      const formToken = issueFormToken(ctx, request, reply);
      return sendHtml(reply, <SetupPage page={await newsroomPage(ctx, request)} formToken={formToken} />);
    });

    app.post('/setup', { config: { staffAccess: 'public' } }, async (request, reply) => {
      const values = { name: field(request.body, 'name'), email: field(request.body, 'email') };
      const password = field(request.body, 'password');
      const formToken = issueFormToken(ctx, request, reply);
      const page = await newsroomPage(ctx, request);
      if (password !== field(request.body, 'password2')) {
        return sendHtml(
          reply,
          <SetupPage page={page} formToken={formToken} values={values} problems={[t('setup.mismatch')]} />,
          400,
        );
      }
      try {
        await setUpFirstAdmin(ctx, { name: values.name, email: values.email, password });
      } catch (error) {
        if (error instanceof InputError) {
          return sendHtml(
            reply,
            <SetupPage page={page} formToken={formToken} values={values} problems={error.problems} />,
            400,
          );
        }
        if (error instanceof AppError && error.code === 'conflict') return seeOther(reply, '/newsroom/sign-in');
        throw error;
      }
      // Signs the new administrator in at once.
      const result = await signIn(ctx, { email: values.email, password, address: request.ip });
      if (result.ok) setSessionCookie(ctx, reply, result.token);
      return seeOther(reply, '/newsroom');
    });

    app.get<{ Querystring: { next?: string; done?: string } }>(
      '/sign-in',
      { config: { staffAccess: 'public' } },
      async (request, reply) => {
        if (request.staff) return seeOther(reply, safeNext(request.query.next ?? ''));
        if (!(await hasStaffAccounts(ctx.db))) return seeOther(reply, '/newsroom/setup');
        const formToken = issueFormToken(ctx, request, reply);
        const next = typeof request.query.next === 'string' ? safeNext(request.query.next) : undefined;
        const notice =
          request.query.done === 'signed-out'
            ? t('signIn.signedOut')
            : request.query.done === 'password-reset'
              ? t('reset.done')
              : next
                ? t('signIn.expired')
                : undefined;
        return sendHtml(
          reply,
          <SignInPage page={await newsroomPage(ctx, request)} formToken={formToken} next={next} notice={notice} />,
        );
      },
    );

    app.post('/sign-in', { config: { staffAccess: 'public' } }, async (request, reply) => {
      const email = field(request.body, 'email').trim();
      const next = safeNext(field(request.body, 'next'));
      const result = await signIn(ctx, { email, password: field(request.body, 'password'), address: request.ip });
      if (result.ok) {
        // A new session id at every sign-in; the old session (if any) ends.
        if (request.staffSession) await endSession(ctx.db, request.staffSession.idHash);
        setSessionCookie(ctx, reply, result.token);
        const to = result.stage === 'second_factor' ? `/newsroom/sign-in/code?next=${encodeURIComponent(next)}` : next;
        return seeOther(reply, to);
      }
      const formToken = issueFormToken(ctx, request, reply);
      const error =
        result.reason === 'limited'
          ? t('signIn.limited', { minutes: Math.max(1, Math.ceil(result.waitMs / 60_000)) })
          : t('signIn.failed');
      if (result.reason === 'limited') reply.header('retry-after', String(Math.ceil(result.waitMs / 1000)));
      return sendHtml(
        reply,
        <SignInPage
          page={await newsroomPage(ctx, request)}
          formToken={formToken}
          email={email}
          next={next}
          error={error}
        />,
        result.reason === 'limited' ? 429 : 401,
      );
    });

    app.post('/sign-out', { config: { staffAccess: 'public' } }, async (request, reply) => {
      const session = request.staffSession;
      if (session) {
        await endSession(ctx.db, session.idHash);
        await runCommand(writerAs(ctx, session.user.id), (_trx, emit) =>
          emit('staff.signed_out', { userId: session.user.id }),
        );
      }
      clearSessionCookie(ctx, reply);
      return seeOther(reply, '/newsroom/sign-in?done=signed-out');
    });

    app.get<{ Querystring: { done?: string } }>('/account', async (request, reply) => {
      const notice = request.query.done === 'password' ? t('account.passwordChanged') : undefined;
      return renderAccount(request, reply, { notice });
    });

    app.post('/account/password', async (request, reply) => {
      const staff = staffOf(request);
      const user = await ctx.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', staff.id)
        .executeTakeFirst();
      if (!(await verifyPassword(user?.password_hash, field(request.body, 'current')))) {
        return renderAccount(request, reply, { problems: [t('account.wrongPassword')] }, 400);
      }
      try {
        await changePassword(ctx, staff.id, field(request.body, 'password'), request.staffSession!.idHash);
      } catch (error) {
        if (error instanceof InputError) return renderAccount(request, reply, { problems: error.problems }, 400);
        throw error;
      }
      return seeOther(reply, '/newsroom/account?done=password');
    });
  };
}
