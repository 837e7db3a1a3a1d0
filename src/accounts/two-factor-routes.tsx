// Two-step sign-in in the newsroom: the code step of sign-in (/newsroom/sign-in/code), the part
// of the account page, and /newsroom/account/two-factor (enrolment, new recovery codes, off).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../context.ts';
import { runCommand } from '../core/events/index.ts';
import { newsroomPage, newsroomText as t, seeOther, sendHtml, staffOf, type Staff } from '../newsroom/index.ts';
import { verifyPassword } from '../users/index.ts';
import { setSessionCookie } from './guard.ts';
import { field, safeNext, type AccountExtra } from './routes.tsx';
import { promoteSession } from './sessions.ts';
import { recordSignIn, writerAs } from './sign-in.ts';
import { ENROLMENT_PATH, loadTwoFactorRoles, twoFactorRoles } from './two-factor-policy.ts';
import {
  RecoveryCodesPage,
  SignInCodePage,
  TwoFactorPage,
  TwoFactorSection,
  type TwoFactorView,
} from './two-factor-views.tsx';
import {
  checkCode,
  confirmEnrolment,
  groupSecret,
  otpauthUri,
  qrCodeSvg,
  regenerateRecoveryCodes,
  startEnrolment,
  turnOffTwoFactor,
  twoFactorOf,
  type CodeCheck,
} from './two-factor.ts';

/** The account page's section on two-step sign-in. */
export const twoFactorAccountSection: AccountExtra = async (ctx, request) => {
  const staff = staffOf(request);
  const state = await twoFactorOf(ctx.db, staff.id);
  const done = (request.query as { done?: unknown } | undefined)?.done;
  const view: TwoFactorView = {
    isEnabled: state.isEnabled,
    unusedRecoveryCodes: state.unusedRecoveryCodes,
    isRequired: (await twoFactorRoles(ctx)).has(staff.role),
  };
  return (
    <TwoFactorSection
      staff={staff}
      view={view}
      notice={done === 'two-factor-off' ? t('twoFactor.turnedOff') : undefined}
    />
  );
};

/** A user's two-step state for the pages; the QR code only while enrolling. */
async function viewOf(ctx: AppContext, staff: Staff, siteName: string): Promise<TwoFactorView> {
  const state = await twoFactorOf(ctx.db, staff.id);
  // Read afresh: this page is where the requirement shows, and where turning off is refused.
  const isRequired = (await loadTwoFactorRoles(ctx.db)).has(staff.role);
  const view = { isEnabled: state.isEnabled, unusedRecoveryCodes: state.unusedRecoveryCodes, isRequired };
  if (state.isEnabled || !state.secret) return view;
  const uri = otpauthUri(state.secret, siteName, state.email);
  return {
    ...view,
    enrolment: {
      safeQrSvg: await qrCodeSvg(uri, t('twoFactor.qrLabel', { site: siteName })),
      groupedKey: groupSecret(state.secret),
    },
  };
}

/** The problem to show for a failed code check (and Retry-After when limited), with its status. */
function codeProblem(
  reply: FastifyReply,
  check: Exclude<CodeCheck, { ok: true }>,
  failed: string,
  failedStatus = 400,
): [string, number] {
  if (check.reason === 'failed') return [failed, failedStatus];
  reply.header('retry-after', String(Math.ceil(check.waitMs / 1000)));
  return [t('twoFactor.limited', { minutes: Math.max(1, Math.ceil(check.waitMs / 60_000)) }), 429];
}

/** The enrolment page's route inside the newsroom subtree. */
const ROUTE = ENROLMENT_PATH.slice('/newsroom'.length);

export const twoFactorRoutes: DomainRoutes = async (app, { ctx }) => {
  const renderPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problems: readonly string[] = [],
    status = 200,
  ) => {
    const page = await newsroomPage(ctx, request);
    const view = await viewOf(ctx, staffOf(request), page.siteName);
    return sendHtml(reply, <TwoFactorPage page={page} view={view} problems={problems} />, status);
  };

  app.get<{ Querystring: { next?: unknown } }>(
    '/sign-in/code',
    { config: { staffAccess: 'second_factor' } },
    async (request, reply) => {
      const next = safeNext(typeof request.query.next === 'string' ? request.query.next : '');
      const page = await newsroomPage(ctx, request);
      return sendHtml(reply, <SignInCodePage page={page} csrfToken={request.staffSession!.csrfToken} next={next} />);
    },
  );

  app.post('/sign-in/code', { config: { staffAccess: 'second_factor' } }, async (request, reply) => {
    const session = request.staffSession!;
    const userId = session.user.id;
    const next = safeNext(field(request.body, 'next'));
    const check = await checkCode(ctx, userId, field(request.body, 'code'), request.ip);
    if (check.ok) {
      // A new session id now that the session is trusted.
      setSessionCookie(ctx, reply, await promoteSession(ctx.db, session.idHash, ctx.now()));
      await recordSignIn(ctx, userId);
      return seeOther(reply, next);
    }
    if (check.reason === 'failed') {
      await runCommand(writerAs(ctx, null), (_trx, emit) => emit('staff.sign_in_failed', { userId }));
    }
    const [error, status] = codeProblem(reply, check, t('signInCode.failed'), 401);
    const page = await newsroomPage(ctx, request);
    return sendHtml(
      reply,
      <SignInCodePage page={page} csrfToken={session.csrfToken} next={next} error={error} />,
      status,
    );
  });

  app.get(ROUTE, async (request, reply) => renderPage(request, reply));

  app.post(`${ROUTE}/start`, async (request, reply) => {
    await startEnrolment(ctx.db, staffOf(request).id);
    return seeOther(reply, ENROLMENT_PATH);
  });

  app.post(`${ROUTE}/confirm`, async (request, reply) => {
    const staff = staffOf(request);
    if (staff.twoFactorEnabled) return seeOther(reply, ENROLMENT_PATH);
    const codes = await confirmEnrolment(writerAs(ctx, staff.id), staff.id, field(request.body, 'code'));
    if (!codes) return renderPage(request, reply, [t('twoFactor.wrongCode')], 400);
    const page = await newsroomPage(ctx, request);
    return sendHtml(reply, <RecoveryCodesPage page={page} codes={codes} notice={t('twoFactor.enabled')} />);
  });

  app.post(`${ROUTE}/recovery-codes`, async (request, reply) => {
    const staff = staffOf(request);
    if (!staff.twoFactorEnabled) return seeOther(reply, ENROLMENT_PATH);
    const check = await checkCode(ctx, staff.id, field(request.body, 'code'), request.ip);
    if (!check.ok) return renderPage(request, reply, ...problemOf(reply, check));
    const codes = await regenerateRecoveryCodes(writerAs(ctx, staff.id), staff.id);
    return sendHtml(reply, <RecoveryCodesPage page={await newsroomPage(ctx, request)} codes={codes} />);
  });

  app.post(`${ROUTE}/off`, async (request, reply) => {
    const staff = staffOf(request);
    if (!staff.twoFactorEnabled) return seeOther(reply, '/newsroom/account');
    if ((await loadTwoFactorRoles(ctx.db)).has(staff.role)) {
      return renderPage(request, reply, [t('twoFactor.cannotTurnOff')], 403);
    }
    const user = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', staff.id).executeTakeFirst();
    if (!(await verifyPassword(user?.password_hash, field(request.body, 'password')))) {
      return renderPage(request, reply, [t('account.wrongPassword')], 400);
    }
    const check = await checkCode(ctx, staff.id, field(request.body, 'code'), request.ip);
    if (!check.ok) return renderPage(request, reply, ...problemOf(reply, check));
    await turnOffTwoFactor(writerAs(ctx, staff.id), staff.id);
    return seeOther(reply, '/newsroom/account?done=two-factor-off');
  });
};

function problemOf(reply: FastifyReply, check: Exclude<CodeCheck, { ok: true }>): [string[], number] {
  const [problem, status] = codeProblem(reply, check, t('twoFactor.wrongCode'));
  return [[problem], status];
}
