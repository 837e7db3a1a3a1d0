// /newsroom/settings/security (administrators): which roles must use two-step sign-in.
import type { DomainRoutes } from '../context.ts';
import type { Role } from '../core/db/schema.ts';
import { newsroomPage, newsroomText as t, requirePermission, seeOther, sendHtml } from '../newsroom/index.ts';
import { setSetting } from '../settings/index.ts';
import { writerAs } from './sign-in.ts';
import { forgetTwoFactorRoles, loadTwoFactorRoles, ROLES, TWO_FACTOR_ROLES_KEY } from './two-factor-policy.ts';
import { SecuritySettingsPage } from './two-factor-views.tsx';

/** The security settings page's address (its link in the newsroom's bar). */
export const SECURITY_SETTINGS_PATH = '/newsroom/settings/security';

/** The roles ticked in the form (one field per ticked box; unknown values are ignored). */
function rolesOf(body: unknown): Role[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).twoFactorRoles : undefined;
  const sent = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return ROLES.filter((r) => sent.includes(r));
}

export const securitySettingsRoutes: DomainRoutes = async (app, { ctx }) => {
  const route = SECURITY_SETTINGS_PATH.slice('/newsroom'.length);

  app.get<{ Querystring: { done?: unknown } }>(route, async (request, reply) => {
    requirePermission(request, 'settings.manage');
    const notice = request.query.done === 'saved' ? t('security.saved') : undefined;
    const roles = await loadTwoFactorRoles(ctx.db);
    return sendHtml(
      reply,
      <SecuritySettingsPage page={await newsroomPage(ctx, request)} roles={roles} notice={notice} />,
    );
  });

  app.post(route, async (request, reply) => {
    const staff = requirePermission(request, 'settings.manage');
    await setSetting(writerAs(ctx, staff.id), TWO_FACTOR_ROLES_KEY, rolesOf(request.body));
    forgetTwoFactorRoles(ctx);
    return seeOther(reply, `${SECURITY_SETTINGS_PATH}?done=saved`);
  });
};
