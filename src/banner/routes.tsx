// /newsroom/banner: raise a breaking-news banner for an edition, end one, see the recent ones.
// Editors in their editions and admins (the `banner.manage` action, checked for the edition
// itself on every write); bad input shows the form again with every problem, saving nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainRoutes } from '../context.ts';
import { writerAs } from '../accounts/index.ts';
import { AppError } from '../core/http/errors.ts';
import { InputError } from '../core/validation.ts';
import {
  can,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  toLocalInput,
  type Staff,
} from '../newsroom/index.ts';
import { endBanner, MAX_DAYS, raiseBanner } from './commands.ts';
import { findBanner, findLiveBanners, listRecentBanners } from './queries.ts';
import { zoneLabel } from './time.ts';
import { BannerPage, type BannerFormValues } from './views/banner-page.tsx';

/** How many past banners the page lists. */
const RECENT_COUNT = 20;

/** A text field of a posted form ('' when missing or not text). */
function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function query(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const bannerRoutes: DomainRoutes = async (app, { ctx }) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    extra: { values?: BannerFormValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const now = ctx.now();
    const timeZone = ctx.settings.timezone;
    const editions = ctx.editions.all().filter((e) => can(staff, 'banner.manage', { edition: e.code }));
    const codes = editions.map((e) => e.code);
    const [live, recent] = await Promise.all([
      findLiveBanners(ctx.db, codes, now),
      listRecentBanners(ctx.db, codes, RECENT_COUNT),
    ]);
    const page = (
      <BannerPage
        page={await newsroomPage(ctx, request)}
        editions={editions.map((e) => ({ code: e.code, name: e.name, live: live.find((b) => b.edition === e.code) }))}
        recent={recent}
        now={now}
        timeZone={timeZone}
        zone={zoneLabel(timeZone, now)}
        untilRange={{
          min: toLocalInput(new Date(now.getTime() + 60_000), timeZone),
          max: toLocalInput(new Date(now.getTime() + MAX_DAYS * 86_400_000), timeZone),
        }}
        {...extra}
      />
    );
    return sendHtml(reply, page, status);
  };

  app.get<{ Querystring: { done?: unknown; edition?: unknown } }>('/banner', async (request, reply) => {
    const staff = requirePermission(request, 'banner.manage');
    const done = query(request.query.done);
    const edition = ctx.editions.get(query(request.query.edition));
    const notice =
      done === 'raised' && edition
        ? t('banner.raised', { edition: edition.name })
        : done === 'ended'
          ? t('banner.ended')
          : done === 'over'
            ? t('banner.wasOver')
            : undefined;
    return render(request, reply, staff, { notice });
  });

  app.post('/banner', async (request, reply) => {
    let staff = requirePermission(request, 'banner.manage');
    const values = {
      edition: field(request.body, 'edition').trim(),
      text: field(request.body, 'text'),
      link: field(request.body, 'link'),
      expires: field(request.body, 'expires'),
      until: field(request.body, 'until'),
    };
    // Another edition's editor is refused outright; an unknown edition is a problem of the form.
    if (values.edition !== '') staff = requirePermission(request, 'banner.manage', { edition: values.edition });
    try {
      await raiseBanner(writerAs(ctx, staff.id), values, { timezone: ctx.settings.timezone });
    } catch (error) {
      if (error instanceof InputError) return render(request, reply, staff, { values, problems: error.problems }, 400);
      throw error;
    }
    return seeOther(reply, `/newsroom/banner?done=raised&edition=${encodeURIComponent(values.edition)}`);
  });

  app.post<{ Params: { id: string } }>('/banner/:id/end', async (request, reply) => {
    requirePermission(request, 'banner.manage');
    const id = Number(request.params.id);
    const banner = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await findBanner(ctx.db, id) : undefined;
    if (!banner) throw new AppError('not_found', 'There is no such banner.');
    const staff = requirePermission(request, 'banner.manage', { edition: banner.edition });
    const ended = await endBanner(writerAs(ctx, staff.id), banner.id);
    return seeOther(reply, `/newsroom/banner?done=${ended ? 'ended' : 'over'}`);
  });
};
