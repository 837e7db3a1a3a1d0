// /api/v1 radio: an edition's channels (with their streams), programs, a channel's coming airings
// and the episodes, newest first.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import {
  airingsBetween,
  episodePath,
  findActiveChannel,
  listChannelsForApi,
  listEpisodesForApi,
  livePath,
  loadPrograms,
  programPath,
  scheduleOfChannel,
} from '../../broadcast/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { authorPath } from '../../users/index.ts';
import { decodeCursor } from '../cursor.ts';
import { absolute, presentImage, presenterOf, timeText } from '../present.ts';
import { readRoute } from '../read-route.ts';
import { cursorParam, editionParam, limitParam, listOf } from '../schemas.ts';
import { setReadCaching, visibilityOf } from '../visibility.ts';
import { editionOf, nextPage } from './news.ts';

const HOUR = 3600_000;

/** The radio endpoints. */
export async function radioRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  readRoute(
    app,
    {
      url: '/v1/channels',
      operationId: 'listChannels',
      tag: 'Radio',
      summary: 'The radio channels of an edition, with their streams',
      query: { edition: editionParam },
      required: ['edition'],
      response: listOf('channels', 'Channel', 'Every active channel, in the station’s order.'),
    },
    async (request, reply) => {
      const edition = editionOf(ctx, (request.query as { edition: string }).edition);
      const p = presenterOf(ctx);
      const channels = await listChannelsForApi(ctx.db, edition.code);
      setReadCaching(reply, visibilityOf(request));
      return {
        channels: channels.map((c) => ({
          id: c.id,
          slug: c.slug,
          name: c.name,
          description: c.description,
          time_zone: c.timeZone,
          url: absolute(p, livePath(edition.code)),
          streams: c.streams,
        })),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/programs',
      operationId: 'listPrograms',
      tag: 'Radio',
      summary: 'The programs of an edition, with hosts and weekly slots',
      query: { edition: editionParam },
      required: ['edition'],
      response: listOf('programs', 'Program', 'Every active program, by title.'),
    },
    async (request, reply) => {
      const edition = editionOf(ctx, (request.query as { edition: string }).edition);
      const p = presenterOf(ctx);
      const programs = await loadPrograms(ctx.db, edition.code);
      setReadCaching(reply, visibilityOf(request));
      return {
        programs: programs.map((program) => ({
          id: program.id,
          slug: program.slug,
          title: program.title,
          description: program.description,
          url: absolute(p, programPath(edition.code, program.slug)),
          channel_id: program.channel.id,
          image: program.artwork ? presentImage(p, program.artwork, program.title) : null,
          hosts: program.hosts.map((h) => ({ name: h.name, url: absolute(p, authorPath(edition.code, h.slug)) })),
          slots: program.slots.map((s) => ({ days: [...s.days], start: s.start, minutes: s.minutes })),
        })),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/schedule',
      operationId: 'listAirings',
      tag: 'Radio',
      summary: 'What a channel airs from now on',
      description:
        'The airings that are on now or start within `hours`, in order: the weekly grid with one-off ' +
        'specials and cancellations applied.',
      query: {
        channel: { type: 'integer', minimum: 1, maximum: 2_147_483_647, description: 'The channel’s id.' },
        hours: {
          type: 'integer',
          minimum: 1,
          maximum: 168,
          default: 24,
          description: 'How far ahead, 1 to 168 hours (default 24).',
        },
      },
      required: ['channel'],
      response: listOf('airings', 'Airing', 'The coming airings.'),
    },
    async (request, reply) => {
      const q = request.query as { channel: number; hours: number };
      const channel = await findActiveChannel(ctx.db, q.channel);
      if (!channel) throw new AppError('not_found', `There is no channel ${q.channel}.`);
      const now = ctx.now();
      const until = new Date(now.getTime() + q.hours * HOUR);
      const [schedule, programs] = await Promise.all([
        scheduleOfChannel(ctx.db, channel.id, now, until),
        loadPrograms(ctx.db, channel.edition),
      ]);
      const byId = new Map(programs.map((program) => [program.id, program]));
      const p = presenterOf(ctx);
      setReadCaching(reply, visibilityOf(request));
      return {
        airings: (schedule ? airingsBetween(schedule, now, until) : []).map((a) => {
          const program = a.programId === null ? undefined : byId.get(a.programId);
          return {
            start: timeText(p, a.start),
            end: timeText(p, a.end),
            title: a.title ?? program?.title ?? '',
            is_special: a.isSpecial,
            program: program
              ? { id: program.id, name: program.title, url: absolute(p, programPath(channel.edition, program.slug)) }
              : null,
          };
        }),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/episodes',
      operationId: 'listEpisodes',
      tag: 'Radio',
      summary: 'Published episodes of an edition or one program, newest first',
      query: {
        edition: editionParam,
        program: { type: 'integer', minimum: 1, maximum: 2_147_483_647, description: 'Only this program’s episodes.' },
        limit: limitParam,
        cursor: cursorParam,
      },
      required: ['edition'],
      response: listOf('episodes', 'Episode', 'A page of episodes.', { paged: true }),
    },
    async (request, reply) => {
      const q = request.query as { edition: string; program?: number; limit: number; cursor?: string };
      const edition = editionOf(ctx, q.edition);
      const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'published');
      const visibility = visibilityOf(request, 'episode.manage');
      const page = await listEpisodesForApi(
        ctx.db,
        { edition: edition.code, programId: q.program, now: ctx.now() },
        { after: cursor && { at: cursor.t, id: cursor.i }, limit: q.limit },
        visibility,
      );
      const p = presenterOf(ctx);
      setReadCaching(reply, visibility);
      return {
        episodes: page.items.map((e) => ({
          id: e.id,
          status: e.status,
          title: e.title,
          slug: e.slug,
          description: e.description,
          url: absolute(p, episodePath(e.edition, e.programSlug, e.slug)),
          program: { id: e.programId, name: e.programTitle, url: absolute(p, programPath(e.edition, e.programSlug)) },
          published_at: e.publishedAt ? timeText(p, e.publishedAt) : null,
          duration_seconds: e.durationSeconds,
          episode_number: e.episodeNumber,
          audio: {
            url: e.audioFile ? absolute(p, `/media/${e.audioFile}`) : (e.audioUrl ?? ''),
            type: e.audioType,
            bytes: e.audioBytes,
          },
        })),
        ...nextPage(ctx, request, page.next && { o: 'published', t: page.next.at, i: page.next.id }),
      };
    },
  );
}
