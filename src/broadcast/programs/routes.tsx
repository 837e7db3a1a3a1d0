// The programs pages of an edition: Program Highlight (/programs), the weekly schedule
// (/programs/schedule), a program's page (/programs/{slug}) and its calendar (/programs/{slug}.ics).
// Cookie-free and cacheable; none reads a query string, so none is declared (a URL with one is
// answered but never stored). Pages whose "on air now" mark or "upcoming" list moves by the clock
// are fresh only until the next start or end of an airing (their own Cache-Control, capped).
import type { FastifyReply } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
import { cachePublic, limitFreshness, PUBLIC_PAGE } from '../../core/http/cache.ts';
import { AppError } from '../../core/http/errors.ts';
import { editionParams, slugParams } from '../../core/http/route-schemas.ts';
import { absoluteUrl } from '../../core/views/site.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { categoryPath } from '../../articles/index.ts';
import { programCalendar, ICS_HORIZON_DAYS } from './ics.ts';
import { highlightSectionId } from './picks.ts';
import {
  findSection,
  listChannels,
  listPublishedEpisodes,
  listRelatedArticles,
  listRunningPicks,
  listSectionArticles,
  loadPrograms,
  loadSchedule,
} from './queries.ts';
import { listAirings, nextBoundary, startOfStationDay, weekOf } from './schedule-view.ts';
import { ProgramPage, ProgramsPage, SchedulePage, type HighlightPosts } from './views/pages.tsx';
import { programPath } from './views/parts.tsx';

/** Nothing here reads a query string. */
const noQuery = { cacheQuery: [] as string[] };
const DAY = 86_400_000;
const POSTS_SHOWN = 6;
const PICKS_SHOWN = 6;
const EPISODES_SHOWN = 20;
const RELATED_SHOWN = 6;
const UPCOMING_SHOWN = 12;
/** A program slug as the commands make them (slugify), bounded. */
const SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}-]{0,79}$/u;

/** Content-Disposition for a download: an ASCII name, and the real one (RFC 6266) for the rest. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Marks a page fresh until `until` at the latest (never longer than a public page is). */
function cacheUntil(reply: FastifyReply, now: Date, until: Date | undefined): FastifyReply {
  if (!until) return cachePublic(reply);
  const seconds = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 1000));
  return cachePublic(reply, limitFreshness(PUBLIC_PAGE, seconds));
}

/** The programs plugin. */
export const programRoutes: DomainRoutes = async (app, { ctx }) => {
  const db = ctx.db;
  const alternatesOf = (code: string, suffix: string) =>
    ctx.editions
      .all()
      .filter((e) => e.code !== code)
      .map((e) => ({ lang: e.code, path: `/${e.code}/programs${suffix}` }));

  app.get<{ Params: { edition: string } }>(
    '/:edition/programs',
    { config: noQuery, schema: { params: editionParams } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const code = edition.code;
      const now = ctx.now();
      const [picks, sectionId, programs] = await Promise.all([
        listRunningPicks(db, code, now, PICKS_SHOWN),
        highlightSectionId(db, code),
        loadPrograms(db, code),
      ]);
      const section = sectionId === undefined ? undefined : await findSection(db, code, sectionId);
      let posts: HighlightPosts | undefined;
      if (section) {
        const articles = await listSectionArticles(db, code, section.id, now, POSTS_SHOWN);
        posts = { section: { name: section.name, path: categoryPath(code, section.slug) }, articles };
      }
      const site = await siteFor(ctx, request, edition);
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <ProgramsPage site={site} picks={picks} posts={posts} programs={programs} alternates={alternatesOf(code, '')} />
      );
    },
  );

  app.get<{ Params: { edition: string } }>(
    '/:edition/programs/schedule',
    { config: noQuery, schema: { params: editionParams } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const code = edition.code;
      const now = ctx.now();
      const [channels, programs] = await Promise.all([listChannels(db, code), loadPrograms(db, code)]);
      const weeks = await Promise.all(
        channels.map(async (channel) => {
          const dayStart = startOfStationDay(now, channel.timeZone);
          // A day either side: a show across midnight, and the week's last night.
          const { schedule, notes } = await loadSchedule(
            db,
            channel,
            new Date(dayStart.getTime() - DAY),
            new Date(dayStart.getTime() + 9 * DAY),
          );
          const days = weekOf(schedule, notes, now);
          const tomorrow = days[1]!.start;
          const today = listAirings(schedule, notes, dayStart, tomorrow, now);
          return { channel, days, today };
        }),
      );
      const all = weeks.flatMap((w) => [...w.today, ...w.days.flatMap((d) => d.airings)]);
      const site = await siteFor(ctx, request, edition);
      cacheUntil(reply, now, nextBoundary(all, now)).type('text/html; charset=utf-8');
      return (
        <SchedulePage
          site={site}
          weeks={weeks}
          programs={new Map(programs.map((p) => [p.id, { slug: p.slug, title: p.title }]))}
          alternates={alternatesOf(code, '/schedule')}
        />
      );
    },
  );

  // A program's page, or its calendar: one route, as "{slug}.ics" shares the segment.
  app.get<{ Params: { edition: string; slug: string } }>(
    '/:edition/programs/:slug',
    { config: noQuery, schema: { params: slugParams } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const code = edition.code;
      const isCalendar = request.params.slug.endsWith('.ics');
      const slug = isCalendar ? request.params.slug.slice(0, -4) : request.params.slug;
      if (!SLUG.test(slug)) throw new AppError('not_found', 'There is no such program.');
      const [program] = await loadPrograms(db, code, slug);
      if (!program) throw new AppError('not_found', 'There is no such program.');
      const now = ctx.now();
      const site = await siteFor(ctx, request, edition);
      const url = absoluteUrl(site, programPath(code, program.slug));
      if (isCalendar) {
        const from = new Date(now.getTime() - 8 * DAY);
        const { schedule, notes } = await loadSchedule(
          db,
          program.channel,
          from,
          new Date(now.getTime() + (ICS_HORIZON_DAYS + 1) * DAY),
        );
        const body = programCalendar({
          program,
          schedule,
          notes,
          now,
          name: `${program.title} · ${site.t('site.name')}`,
          url,
          host: new URL(site.baseUrl).hostname,
          specialLabel: site.t('programs.special'),
        });
        return cachePublic(reply)
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', attachment(`${program.slug}.ics`))
          .send(body);
      }
      const weekEnd = new Date(now.getTime() + 7 * DAY);
      const [{ schedule, notes }, episodes, related] = await Promise.all([
        loadSchedule(db, program.channel, new Date(now.getTime() - DAY), new Date(weekEnd.getTime() + DAY)),
        listPublishedEpisodes(db, program.id, now, EPISODES_SHOWN),
        listRelatedArticles(db, program, now, RELATED_SHOWN),
      ]);
      // The next week's airings, at most UPCOMING_SHOWN (a bulletin airs five times a day).
      const upcoming = listAirings(schedule, notes, now, weekEnd, now)
        .filter((a) => a.programId === program.id)
        .slice(0, UPCOMING_SHOWN);
      cacheUntil(reply, now, nextBoundary(upcoming, now)).type('text/html; charset=utf-8');
      return <ProgramPage site={site} program={program} upcoming={upcoming} episodes={episodes} related={related} />;
    },
  );
};
