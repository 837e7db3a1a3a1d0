// /newsroom/settings (administrators): shows and saves the site settings. Problems come back on
// the form with what was typed; a saved change reaches every page at once (settings domain).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { InputError } from '../../core/validation.ts';
import { writerAs } from '../../accounts/index.ts';
import { createTranslator } from '../../i18n/index.ts';
import { newsroomPage, newsroomText as t, requirePermission, seeOther, sendHtml } from '../../newsroom/index.ts';
import { saveSiteSettings, type SiteSettingsInput } from '../commands.ts';
import { SITE_SETTINGS_PATH } from '../../newsroom/index.ts';
import { SiteSettingsPage, type EditionChoice, type SiteSettingsForm } from './views.tsx';

const route = SITE_SETTINGS_PATH.slice('/newsroom'.length);

/** Every zone Intl knows, and UTC (which Node lists only under Etc/). */
const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

export const siteSettingsRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get<{ Querystring: { done?: unknown } }>(route, async (request, reply) => {
    requirePermission(request, 'settings.manage');
    const notice = request.query.done === 'saved' ? t('settings.saved') : undefined;
    return render(ctx, request, reply, { form: savedForm(ctx), problems: [], notice });
  });

  app.post(route, async (request, reply) => {
    const staff = requirePermission(request, 'settings.manage');
    const form = formOf(request.body, ctx);
    const parsed = inputOf(form);
    if ('problems' in parsed) return render(ctx, request, reply, { form, problems: parsed.problems }, 400);
    try {
      await saveSiteSettings(
        writerAs(ctx, staff.id),
        parsed.input,
        ctx.editions.all().map((e) => e.code),
      );
    } catch (error) {
      if (error instanceof InputError) return render(ctx, request, reply, { form, problems: error.problems }, 400);
      throw error;
    }
    // The command's event has reloaded the settings here before it returned (settings/domain.ts).
    return seeOther(reply, `${SITE_SETTINGS_PATH}?done=saved`);
  });
};

async function render(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  state: { form: SiteSettingsForm; problems: readonly string[]; notice?: string },
  status = 200,
): Promise<FastifyReply> {
  const editions: EditionChoice[] = ctx.editions.all().map((e) => ({
    code: e.code,
    name: e.name,
    locale: e.locale,
    direction: e.direction,
    catalogSiteName: createTranslator(e.code, e.locale)('site.name'),
  }));
  return sendHtml(
    reply,
    <SiteSettingsPage
      page={await newsroomPage(ctx, request)}
      editions={editions}
      timeZones={TIME_ZONES}
      form={state.form}
      logo={ctx.settings.logo}
      problems={state.problems}
      notice={state.notice}
    />,
    status,
  );
}

/** The saved settings as the form shows them. */
function savedForm(ctx: AppContext): SiteSettingsForm {
  const v = ctx.settings.values;
  return {
    siteNames: v.siteNames,
    logoMediaId: v.logoMediaId === null ? '' : String(v.logoMediaId),
    timezone: v.timezone,
    defaultEdition: v.defaultEdition,
  };
}

/** The posted fields as text; anything that is not a string reads as empty. */
function formOf(body: unknown, ctx: AppContext): SiteSettingsForm {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof b[name] === 'string' ? (b[name] as string) : '');
  const siteNames: Record<string, string> = {};
  for (const e of ctx.editions.all()) siteNames[e.code] = text(`siteName.${e.code}`);
  return {
    siteNames,
    logoMediaId: text('logoMediaId').trim(),
    timezone: text('timezone'),
    defaultEdition: text('defaultEdition'),
  };
}

/** The command's input, or the problems a form field has before the command sees it. */
function inputOf(form: SiteSettingsForm): { input: SiteSettingsInput } | { problems: string[] } {
  let logoMediaId: number | null = null;
  if (form.logoMediaId !== '') {
    if (!/^[1-9][0-9]{0,15}$/.test(form.logoMediaId)) {
      return { problems: ['logoMediaId: give the image’s number from the library, or leave it empty'] };
    }
    logoMediaId = Number(form.logoMediaId);
  }
  return {
    input: { siteNames: form.siteNames, logoMediaId, timezone: form.timezone, defaultEdition: form.defaultEdition },
  };
}
