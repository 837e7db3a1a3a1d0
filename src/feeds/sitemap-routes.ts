// /sitemap.xml (an index of each edition's sitemaps), the sitemaps themselves, and /robots.txt.
// Per edition: stories in files of 10,000 (sitemap-en-articles-1.xml …), sections, pages
// (with the edition's home), and a Google News sitemap of the last 48 hours.
import type { FastifyInstance } from 'fastify';
import {
  ARTICLE_EVENTS,
  articlePath,
  categoryPath,
  findNextScheduledTime,
  keptSectionsOf,
  withDescendants,
} from '../articles/index.ts';
import type { AppContext } from '../context.ts';
import { DerivedCache } from '../core/db/derived-cache.ts';
import { cachePublic } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import type { Edition } from '../editions/index.ts';
import { pagePath } from '../pages/index.ts';
import { largestJpeg } from '../seo/index.ts';
import { renderRobots } from './robots.ts';
import { DISCOVERY_CACHE } from './routes.ts';
import { newsLanguage, renderNewsSitemap, renderSitemapIndex, renderUrlSet } from './sitemap.ts';
import {
  listNewestPerCategory,
  listNewsSitemapArticles,
  listSitemapArticles,
  listSitemapChunks,
  listSitemapPages,
} from './sitemap-queries.ts';

/** Stories per sitemap file (the protocol allows 50,000; smaller files are quicker to make and fetch). */
export const SITEMAP_PAGE_SIZE = 10_000;
/** Google News reads stories of the last two days. */
const NEWS_WINDOW_MS = 48 * 3600_000;
const XML = 'application/xml; charset=utf-8';

/** The path of each sitemap file. */
export const sitemapPaths = {
  index: '/sitemap.xml',
  articles: (edition: string, page: number) => `/sitemap-${edition}-articles-${page}.xml`,
  categories: (edition: string) => `/sitemap-${edition}-categories.xml`,
  pages: (edition: string) => `/sitemap-${edition}-pages.xml`,
  news: (edition: string) => `/sitemap-${edition}-news.xml`,
};

const fileParams = {
  type: 'object',
  properties: { name: { type: 'string', maxLength: 100 } },
  required: ['name'],
} as const;

/** The sitemaps and robots.txt plugin. */
export async function sitemapRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const db = ctx.db;
  const abs = (path: string) => ctx.config.baseUrl + path;
  // How the stories fall into files takes a pass over an edition's stories: once per change
  // (a story event, the next scheduled story's minute, or a minute for other processes' edits).
  const derived = new DerivedCache({ now: ctx.now, ttlMs: 60_000 });
  ctx.events.on([...ARTICLE_EVENTS], (event) => derived.invalidate(event.payload.edition));
  const chunksOf = (code: string, now: Date) =>
    derived
      .get(
        code,
        'chunks',
        async () => ({
          chunks: await listSitemapChunks(db, code, now, SITEMAP_PAGE_SIZE),
          until: await findNextScheduledTime(db, code, now),
        }),
        (v) => v.until,
      )
      .then((v) => v.chunks);

  app.get('/robots.txt', async (_request, reply) => {
    const sitemaps = [sitemapPaths.index, ...ctx.editions.all().map((e) => sitemapPaths.news(e.code))];
    return cachePublic(reply, DISCOVERY_CACHE)
      .type('text/plain; charset=utf-8')
      .send(renderRobots(sitemaps.map(abs)));
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const now = ctx.now();
    const entries = [];
    for (const edition of ctx.editions.all()) entries.push(...(await indexEntries(edition, now)));
    return cachePublic(reply, DISCOVERY_CACHE).type(XML).send(renderSitemapIndex(entries));
  });

  app.get<{ Params: { name: string } }>(
    '/sitemap-:name',
    { schema: { params: fileParams } },
    async (request, reply) => {
      const match = /^(.+)-(?:articles-([1-9][0-9]{0,6})|(categories|pages|news))\.xml$/.exec(request.params.name);
      const edition = match ? ctx.editions.get(match[1]!) : undefined;
      if (!match || !edition) throw new AppError('not_found', 'There is no such sitemap.');
      const now = ctx.now();
      const kind = match[3] ?? 'articles';
      const body =
        kind === 'articles'
          ? await articlesSitemap(edition, now, Number(match[2]))
          : kind === 'categories'
            ? await categoriesSitemap(edition, now)
            : kind === 'pages'
              ? await pagesSitemap(edition, now)
              : await newsSitemap(edition, now);
      return cachePublic(reply, DISCOVERY_CACHE).type(XML).send(body);
    },
  );

  /** An edition's sitemaps as the index lists them, each with its last change. */
  async function indexEntries(edition: Edition, now: Date) {
    const code = edition.code;
    const [chunks, newestPerCategory, staticPages, news] = await Promise.all([
      chunksOf(code, now),
      listNewestPerCategory(db, code, now),
      listSitemapPages(db, code),
      listNewsSitemapArticles(db, code, now, new Date(now.getTime() - NEWS_WINDOW_MS), 1),
    ]);
    const newestStory = latest([...newestPerCategory.values()]);
    return [
      ...chunks.map((chunk, i) => ({ loc: abs(sitemapPaths.articles(code, i + 1)), lastmod: chunk.lastmod })),
      { loc: abs(sitemapPaths.categories(code)), lastmod: newestStory },
      { loc: abs(sitemapPaths.pages(code)), lastmod: latest([newestStory, ...staticPages.map((p) => p.updatedAt)]) },
      { loc: abs(sitemapPaths.news(code)), lastmod: news[0]?.publishedAt ?? null },
    ];
  }

  async function articlesSitemap(edition: Edition, now: Date, page: number): Promise<string> {
    const chunks = await chunksOf(edition.code, now);
    // Page 1 always exists (empty for a new edition); pages past the end do not.
    if (page > Math.max(1, chunks.length)) {
      throw new AppError('not_found', 'There is no such sitemap.');
    }
    const chunk = chunks[page - 1];
    const articles = chunk ? await listSitemapArticles(db, edition.code, now, chunk.firstId, SITEMAP_PAGE_SIZE) : [];
    return renderUrlSet(
      articles.map((a) => ({
        loc: abs(articlePath(a)),
        lastmod: a.lastmod,
        images: a.image ? [abs(largestJpeg(a.image).path)] : [],
      })),
    );
  }

  async function categoriesSitemap(edition: Edition, now: Date): Promise<string> {
    const [categories, newest] = await Promise.all([
      keptSectionsOf(ctx, edition.code),
      listNewestPerCategory(db, edition.code, now),
    ]);
    return renderUrlSet(
      categories.map((c) => ({
        loc: abs(categoryPath(edition.code, c.slug)),
        // A section page lists its subsections' stories too.
        lastmod: latest(withDescendants(categories, c.id).map((id) => newest.get(id) ?? null)),
      })),
    );
  }

  async function pagesSitemap(edition: Edition, now: Date): Promise<string> {
    const [pages, newest] = await Promise.all([
      listSitemapPages(db, edition.code),
      listNewestPerCategory(db, edition.code, now),
    ]);
    return renderUrlSet([
      { loc: abs(`/${edition.code}`), lastmod: latest([...newest.values()]) },
      ...pages.map((p) => ({ loc: abs(pagePath(edition.code, p.path)), lastmod: p.updatedAt })),
    ]);
  }

  async function newsSitemap(edition: Edition, now: Date): Promise<string> {
    const stories = await listNewsSitemapArticles(db, edition.code, now, new Date(now.getTime() - NEWS_WINDOW_MS));
    return renderNewsSitemap(
      { name: edition.t('site.name'), language: newsLanguage(edition.locale) },
      stories.map((s) => ({ loc: abs(articlePath(s)), title: s.title, published: s.publishedAt })),
    );
  }
}

/** The latest of some times, or null when there are none. */
function latest(dates: readonly (Date | null)[]): Date | null {
  let out: Date | null = null;
  for (const d of dates) if (d && (!out || d > out)) out = d;
  return out;
}
