// RSS, Atom and JSON Feed for each edition (/en/feed.xml) and each section
// (/en/category/politics/feed.xml): the newest published stories, full text.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { editionParams, slugParams } from '../core/http/route-schemas.ts';
import { categoryPath, keptSectionsOf, withDescendants } from '../articles/index.ts';
import type { AppContext } from '../context.ts';
import { cachePublic, DISCOVERY } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import { requireEdition, type Edition } from '../editions/index.ts';
import { mediaDir } from '../media/index.ts';
import { FEED_FORMATS, PUBLISHER_LOGO, feedPath, type FeedFormat } from '../seo/index.ts';
import { renderAtom } from './atom.ts';
import type { FeedChannel } from './channel.ts';
import { toFeedEntries } from './entries.ts';
import { createFileSizes } from './file-sizes.ts';
import { renderJsonFeed } from './json-feed.ts';
import { listFeedArticles } from './queries.ts';
import { renderRss } from './rss.ts';

/** Stories per feed. */
const FEED_SIZE = 30;
/** Feeds and sitemaps: a few minutes; the page cache caps it at the next scheduled story's minute. */
export const DISCOVERY_CACHE = DISCOVERY;

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The feeds plugin. */
export async function feedRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const fileSize = createFileSizes(mediaDir(ctx.config.dataDir));

  for (const { format, file } of FEED_FORMATS) {
    app.get<{ Params: { edition: string } }>(
      `/:edition/${file}`,
      { schema: { params: editionParams } },
      async (request, reply) => {
        const edition = requireEdition(ctx, request.params.edition);
        const name = edition.t('site.name');
        const channel = channelFor(edition, `/${edition.code}`, name, edition.t('site.description'));
        return send(reply, format, edition, channel, { edition: edition.code, now: ctx.now() });
      },
    );

    app.get<{ Params: { edition: string; slug: string } }>(
      `/:edition/category/:slug/${file}`,
      { schema: { params: slugParams } },
      async (request, reply) => {
        const edition = requireEdition(ctx, request.params.edition);
        const categories = await keptSectionsOf(ctx, edition.code);
        const category = categories.find((c) => c.slug === request.params.slug);
        if (!category) throw new AppError('category_not_found');
        // The same title the section page gives its feed links.
        const title = `${category.name} · ${edition.t('site.name')}`;
        const description = category.description || edition.t('site.description');
        const channel = channelFor(edition, categoryPath(edition.code, category.slug), title, description);
        // A section's feed holds its subsections' stories too, as its page does.
        const categoryIds = withDescendants(categories, category.id);
        return send(reply, format, edition, channel, { edition: edition.code, now: ctx.now(), categoryIds });
      },
    );
  }

  function channelFor(edition: Edition, pagePath: string, title: string, description: string): FeedChannel {
    const base = ctx.config.baseUrl;
    const abs = (path: string) => base + path;
    return {
      title,
      description,
      homeUrl: abs(pagePath),
      language: edition.locale,
      feedUrls: {
        rss: abs(feedPath(pagePath, 'rss')),
        atom: abs(feedPath(pagePath, 'atom')),
        json: abs(feedPath(pagePath, 'json')),
      },
      publisher: { name: edition.t('site.name'), url: abs(`/${edition.code}`) },
      logo: ctx.settings.logo
        ? {
            url: abs(ctx.settings.logo.raster.url),
            width: ctx.settings.logo.raster.width,
            height: ctx.settings.logo.raster.height,
          }
        : { url: abs(PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
      copyright: edition.t('footer.rights', { year: String(ctx.now().getUTCFullYear()) }),
      ttlMinutes: 5,
    };
  }

  async function send(
    reply: FastifyReply,
    format: FeedFormat,
    edition: Edition,
    channel: FeedChannel,
    filter: Parameters<typeof listFeedArticles>[1],
  ) {
    const articles = await listFeedArticles(ctx.db, filter, FEED_SIZE);
    const entries = await toFeedEntries(articles, {
      baseUrl: ctx.config.baseUrl,
      photoCredit: (credit) => edition.t('article.photoCredit', { credit }),
      fileSize,
    });
    const body =
      format === 'rss'
        ? renderRss(channel, entries, filter.now)
        : format === 'atom'
          ? renderAtom(channel, entries, filter.now)
          : renderJsonFeed(channel, entries);
    return cachePublic(reply, DISCOVERY_CACHE).type(CONTENT_TYPES[format]).send(body);
  }
}
