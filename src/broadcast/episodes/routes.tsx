// Public episode routes, cookie-free and cacheable: the episode page, its plain-text transcript,
// the program's podcast feed and the square artwork the feed points to. Only published episodes
// whose time has come are shown; anything else is a 404, as an unknown address is.
import type { FastifyReply } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
import { ARCHIVE, cachePublic, DISCOVERY } from '../../core/http/cache.ts';
import { AppError } from '../../core/http/errors.ts';
import { absoluteUrl } from '../../core/views/site.ts';
import { ASIDE_SLOT } from '../../core/views/slots.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { mediaStorage } from '../../media/index.ts';
import { artworkVersion, generatedSquare, squareFromImage } from './artwork.ts';
import { EpisodePage, podcastPath, transcriptParagraphs, transcriptPath } from './episode-page.tsx';
import { renderPodcastFeed } from './podcast-feed.ts';
import {
  audioSrc,
  episodePath,
  findPodcastProgram,
  findPublishedEpisode,
  listLinkedArticles,
  listPublishedEpisodes,
  programPath,
  type Artwork,
  type Episode,
  type PodcastProgram,
} from './queries.ts';

/** The newest episodes a feed lists (apps keep what they downloaded before). */
const FEED_EPISODES = 300;

const slugPattern = { type: 'string', minLength: 1, maxLength: 200 } as const;
const programParams = {
  type: 'object',
  properties: { edition: { type: 'string', maxLength: 16 }, programSlug: slugPattern },
  required: ['edition', 'programSlug'],
} as const;
const episodeParams = {
  type: 'object',
  properties: { edition: { type: 'string', maxLength: 16 }, programSlug: slugPattern, episodeSlug: slugPattern },
  required: ['edition', 'programSlug', 'episodeSlug'],
} as const;

type ProgramParams = { edition: string; programSlug: string };
type EpisodeParams = ProgramParams & { episodeSlug: string };

/** The square artwork's path; `version` names the picture, so a new one gets a new address. */
export function programArtworkPath(program: Pick<PodcastProgram, 'edition' | 'slug' | 'title' | 'artwork'>): string {
  return `${programPath(program.edition, program.slug)}/podcast-artwork.jpg?v=${artworkVersion(program.artwork, program.title)}`;
}

function episodeArtworkPath(programSlug: string, episode: Episode & { artwork: Artwork }): string {
  return `${episodePath(episode.edition, programSlug, episode.slug)}/artwork.jpg?v=${artworkVersion(episode.artwork, '')}`;
}

export const episodeRoutes: DomainRoutes = async (app, { ctx }) => {
  const storage = mediaStorage(ctx.config.dataDir);

  const loadProgram = async (params: ProgramParams) => {
    const edition = requireEdition(ctx, params.edition);
    const program = await findPodcastProgram(ctx.db, edition.code, params.programSlug);
    if (!program) throw new AppError('not_found', 'There is no such program.');
    return { edition, program };
  };

  const loadEpisode = async (params: EpisodeParams) => {
    const { edition, program } = await loadProgram(params);
    const now = ctx.now();
    const episode = await findPublishedEpisode(ctx.db, program.id, params.episodeSlug, now);
    if (!episode?.publishedAt) throw new AppError('not_found', 'There is no such episode.');
    return { edition, program, episode: { ...episode, publishedAt: episode.publishedAt }, now };
  };

  app.get<{ Params: EpisodeParams }>(
    '/:edition/programs/:programSlug/episodes/:episodeSlug',
    { schema: { params: episodeParams } },
    async (request, reply) => {
      const { edition, program, episode, now } = await loadEpisode(request.params);
      const [site, articles] = await Promise.all([
        siteFor(ctx, request, edition),
        listLinkedArticles(ctx.db, episode.id, now),
      ]);
      const safeAside = await ctx.slots.render(ASIDE_SLOT, { site, page: 'page' });
      cachePublic(reply).type('text/html; charset=utf-8');
      return <EpisodePage site={site} program={program} episode={episode} articles={articles} safeAside={safeAside} />;
    },
  );

  app.get<{ Params: EpisodeParams }>(
    '/:edition/programs/:programSlug/episodes/:episodeSlug/transcript.txt',
    { schema: { params: episodeParams } },
    async (request, reply) => {
      const { episode } = await loadEpisode(request.params);
      const paragraphs = transcriptParagraphs(episode.transcript);
      if (paragraphs.length === 0) throw new AppError('not_found', 'This episode has no transcript yet.');
      cachePublic(reply, DISCOVERY).type('text/plain; charset=utf-8');
      return `${episode.title}\n\n${paragraphs.join('\n\n')}\n`;
    },
  );

  app.get<{ Params: ProgramParams }>(
    '/:edition/programs/:programSlug/podcast.xml',
    { schema: { params: programParams } },
    async (request, reply) => {
      const { edition, program } = await loadProgram(request.params);
      const now = ctx.now();
      const episodes = await listPublishedEpisodes(ctx.db, program.id, now, FEED_EPISODES);
      const abs = (path: string) => absoluteUrl({ baseUrl: ctx.config.baseUrl }, path);
      const xml = renderPodcastFeed(program, episodes, {
        language: edition.locale,
        feedUrl: abs(podcastPath(edition.code, program.slug)),
        programUrl: abs(programPath(edition.code, program.slug)),
        imageUrl: abs(programArtworkPath(program)),
        fallbackAuthor: edition.t('site.name'),
        copyright: edition.t('footer.rights', { year: String(now.getUTCFullYear()) }),
        now,
        episodeUrls: (e) => ({
          page: abs(episodePath(edition.code, program.slug, e.slug)),
          audio: abs(audioSrc(e)),
          transcript: e.transcript.trim() ? abs(transcriptPath(edition.code, program.slug, e.slug)) : undefined,
          image: e.artwork ? abs(episodeArtworkPath(program.slug, { ...e, artwork: e.artwork })) : undefined,
        }),
      });
      return cachePublic(reply, DISCOVERY).type('application/rss+xml; charset=utf-8').send(xml);
    },
  );

  const sendJpeg = (reply: FastifyReply, jpeg: Buffer) => cachePublic(reply, ARCHIVE).type('image/jpeg').send(jpeg);

  app.get<{ Params: ProgramParams; Querystring: { v?: string } }>(
    '/:edition/programs/:programSlug/podcast-artwork.jpg',
    { schema: { params: programParams }, config: { cacheQuery: ['v'] } },
    async (request, reply) => {
      const { edition, program } = await loadProgram(request.params);
      // Only the current version is an answer: made-up versions must not fill caches.
      if (request.query.v !== artworkVersion(program.artwork, program.title))
        throw new AppError('not_found', 'There is no such picture.');
      const fromImage = program.artwork ? await squareFromImage(storage, program.artwork) : undefined;
      const jpeg =
        fromImage ?? (await generatedSquare(program.title, edition.t('site.name'), edition.direction === 'rtl'));
      return sendJpeg(reply, jpeg);
    },
  );

  app.get<{ Params: EpisodeParams; Querystring: { v?: string } }>(
    '/:edition/programs/:programSlug/episodes/:episodeSlug/artwork.jpg',
    { schema: { params: episodeParams }, config: { cacheQuery: ['v'] } },
    async (request, reply) => {
      const { episode } = await loadEpisode(request.params);
      if (!episode.artwork || request.query.v !== artworkVersion(episode.artwork, ''))
        throw new AppError('not_found', 'There is no such picture.');
      const jpeg = await squareFromImage(storage, episode.artwork);
      if (!jpeg) throw new AppError('not_found', 'There is no such picture.');
      return sendJpeg(reply, jpeg);
    },
  );
};
