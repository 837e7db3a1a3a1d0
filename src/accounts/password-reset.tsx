// /newsroom/password-reset: ask for a link by e-mail, and /newsroom/password-reset/:token: the
// link's page, where the new password is set. The request's answer never says whether an account
// exists: it is decided (form check, limiter) before the account is looked up, and the lookup and
// the e-mail run after it has been sent.
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppContext, DomainRoutes } from '../context.ts';
import { createMailer } from '../core/mail.ts';
import { ensureCookieSecret } from '../core/secret.ts';
import { InputError } from '../core/validation.ts';
import { newsroomPage, newsroomText as t, seeOther, sendHtml } from '../newsroom/index.ts';
import { issueFormToken } from './guard.ts';
import { recordResetRequest, resetLimitKeys, waitFor } from './limiter.ts';
import {
  findResetAccount,
  resetPassword,
  runInBackground,
  sendResetLink,
  settleResetRequests,
} from './password-reset-tokens.ts';
import { InvalidResetLinkPage, NewPasswordPage, RequestResetPage } from './password-reset-views.tsx';
import { field } from './routes.tsx';

const PUBLIC = { config: { staffAccess: 'public' } } as const;

/**
 * The link's pages have a secret in their path: no request line is logged for them (it would
 * name the path), and no Referer carries the address anywhere, not even to our own pages.
 */
const SECRET_PATH: RouteShorthandOptions = {
  config: { staffAccess: 'public', logRequests: false },
  onSend: async (_request, reply, payload) => {
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  },
};

type TokenRoute = { Params: { token: string } };

/** The reset pages (public: they are for people who cannot sign in). */
export const passwordResetRoutes: DomainRoutes = async (app, { ctx }) => {
  const mailer = createMailer(ctx.config);
  app.addHook('onClose', async () => {
    await settleResetRequests();
    mailer?.close();
  });

  // A signed-in visitor's forms carry their session's token (the guard expects that one).
  const formToken = (request: FastifyRequest, reply: FastifyReply) =>
    request.staffSession?.csrfToken ?? issueFormToken(ctx, request, reply);

  const renderRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    props: { email?: string; notice?: string; error?: string; problems?: readonly string[] },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <RequestResetPage
        page={await newsroomPage(ctx, request)}
        formToken={formToken(request, reply)}
        canSendMail={mailer !== undefined}
        {...props}
      />,
      status,
    );

  app.get<{ Querystring: { done?: string } }>('/password-reset', PUBLIC, async (request, reply) => {
    const notice = request.query.done === 'sent' && mailer ? t('reset.sent') : undefined;
    return renderRequest(request, reply, { notice });
  });

  app.post('/password-reset', PUBLIC, async (request, reply) => {
    if (!mailer) return renderRequest(request, reply, {});
    const email = field(request.body, 'email').trim();
    if (!email || email.length > 320) {
      return renderRequest(request, reply, { email, problems: [t('reset.emailRequired')] }, 400);
    }
    const keys = resetLimitKeys(secretOf(ctx), email, request.ip);
    const now = ctx.now();
    const waitMs = await waitFor(ctx.db, keys, now);
    if (waitMs > 0) {
      reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      return renderRequest(request, reply, { email, error: t('reset.limited', { minutes }) }, 429);
    }
    await recordResetRequest(ctx.db, keys, now);
    const { siteName } = await newsroomPage(ctx, request);
    // The answer is decided: whether the account exists is found out once it has been sent.
    reply.raw.once('close', () =>
      runInBackground(() => sendResetLink(ctx, mailer, { email, siteName }, request.log), request.log),
    );
    return seeOther(reply, '/newsroom/password-reset?done=sent');
  });

  app.get<TokenRoute>('/password-reset/:token', SECRET_PATH, async (request, reply) => {
    const account = await findResetAccount(ctx.db, request.params.token, ctx.now());
    if (!account) return invalidLink(ctx, request, reply);
    return sendHtml(
      reply,
      <NewPasswordPage
        page={await newsroomPage(ctx, request)}
        formToken={formToken(request, reply)}
        action={linkPath(request.params.token)}
        email={account.email}
      />,
    );
  });

  app.post<TokenRoute>('/password-reset/:token', SECRET_PATH, async (request, reply) => {
    const { token } = request.params;
    const account = await findResetAccount(ctx.db, token, ctx.now());
    if (!account) return invalidLink(ctx, request, reply);
    const password = field(request.body, 'password');
    const again = async (problems: readonly string[]) =>
      sendHtml(
        reply,
        <NewPasswordPage
          page={await newsroomPage(ctx, request)}
          formToken={formToken(request, reply)}
          action={linkPath(token)}
          email={account.email}
          problems={problems}
        />,
        400,
      );
    if (password !== field(request.body, 'password2')) return again([t('setup.mismatch')]);
    let userId: number | undefined;
    try {
      userId = await resetPassword(ctx, token, password);
    } catch (error) {
      if (error instanceof InputError) return again(error.problems);
      throw error;
    }
    if (userId === undefined) return invalidLink(ctx, request, reply);
    return seeOther(reply, '/newsroom/sign-in?done=password-reset');
  });
};

function linkPath(token: string): string {
  return `/newsroom/password-reset/${encodeURIComponent(token)}`;
}

async function invalidLink(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  return sendHtml(reply, <InvalidResetLinkPage page={await newsroomPage(ctx, request)} />, 410);
}

function secretOf(ctx: AppContext): string {
  return ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir);
}
