// Public news pages: edition home, article, section, tag and author lists.
import type { FastifyInstance } from 'fastify';
import { editionParams, slugParams } from '../core/http/route-schemas.ts';
import type { AppContext } from '../context.ts';
import type { CategoryRow } from '../core/db/schema.ts';
import { DerivedCache } from '../core/db/derived-cache.ts';
import { cachePublic } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import { requireEdition, siteFor } from '../editions/index.ts';
import { findBodyImages } from '../media/index.ts';
import { findAuthorBySlug, authorPath } from '../users/index.ts';
import { ASIDE_SLOT, type PageKind } from '../core/views/slots.ts';
import type { Site } from '../core/views/site.ts';
import {
  countPublishedArticles,
  findFeaturedStory,
  findArticlePage,
  findNextScheduledTime,
  listNewestPerCategory,
  listPublishedArticles,
  type ArticleFilter,
} from './queries.ts';
import { ARTICLE_FOOTER_SLOT, ARTICLE_META_SLOT } from './slots.ts';
import { ARTICLE_EVENTS, TAXONOMY_EVENTS } from './events.ts';
import { articlePath, type Article } from './model.ts';
import { candidateListsOf, rankRelatedArticles, type CandidateLists } from './related.ts';
import { ancestry, categoryPath, findTagById, findTagBySlug, tagPath, withDescendants } from './sections.ts';
import { keptSectionsOf } from './kept-sections.ts';
import { findOldSlug } from './slug-redirects.ts';
import { ArticlePage } from './views/article-page.tsx';
import { HomePage } from './views/home-page.tsx';
import { ListPage } from './views/list-page.tsx';

const PAGE_SIZE = 12;
/** Related stories under an article. */
const RELATED_COUNT = 4;

const pageQuery = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 100000 } },
} as const;
/** List pages read `?page=` and nothing else (the page cache keys on declared parameters only). */
const listRoute = { config: { cacheQuery: ['page'] } } as const;
/** Stories per section block on the home page. */
const SECTION_BLOCK_SIZE = 4;
/** Longest a derived value (sections, section blocks, list sizes) is kept without an event. */
const DERIVED_TTL_MS = 60_000;
/** Each kept value's TTL is 45 to 60 s, so the lists filled after a start do not expire at once. */
const DERIVED_TTL_SPREAD = 0.25;
/** Derived values kept: an edition's shared parts and each tag's newest stories. */
const DERIVED_ENTRIES = 5_000;
/** Cards of related stories kept (under a kilobyte each): the candidates lists name the same few. */
const CARDS_KEPT = 5_000;
/** Articles whose related stories' ranking is kept (four ids each, about 200 bytes with the key). */
const RANKINGS_KEPT = 10_000;

/** The news plugin. */
export async function articleRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const db = ctx.db;
  // Sections, the home page's section blocks and list sizes change only with an edition's
  // stories, sections and tags: computed once per change, not per request.
  const kept = { now: ctx.now, ttlMs: DERIVED_TTL_MS, ttlSpread: DERIVED_TTL_SPREAD };
  const derived = new DerivedCache({ maxEntries: DERIVED_ENTRIES, ...kept });
  const cards = new DerivedCache({ maxEntries: CARDS_KEPT, ...kept });
  const rankings = new DerivedCache({ maxEntries: RANKINGS_KEPT, ...kept });
  ctx.events.on([...ARTICLE_EVENTS, ...TAXONOMY_EVENTS], (event) => {
    derived.invalidate(event.payload.edition);
    cards.invalidate(event.payload.edition);
    rankings.invalidate(event.payload.edition);
  });
  const categoriesOf = (code: string) => keptSectionsOf(ctx, code);
  /** When the edition's next scheduled story appears: itself kept until then (or a change). */
  const nextStoryOf = (code: string, now: Date) =>
    derived.get(
      code,
      'next-scheduled',
      () => findNextScheduledTime(db, code, now),
      (until) => until,
    );
  /** A value that counts "published by now": it also ends when the next scheduled story appears. */
  const untilNextStory = <T,>(code: string, key: string, now: Date, compute: () => Promise<T>) =>
    derived
      .get(
        code,
        key,
        async () => {
          const [value, until] = await Promise.all([compute(), nextStoryOf(code, now)]);
          return { value, until };
        },
        (v) => v.until,
      )
      .then((v) => v.value);
  // Related stories are ranked from each tag's and section's newest stories, the same lists for
  // every article of the edition until it changes.
  const fresh = candidateListsOf(db);
  const candidateLists: CandidateLists = {
    newestWithTags: (code, tagIds, now, limit) =>
      derived
        .getMany(
          code,
          tagIds.map((tagId) => `tag-newest:${tagId}:${limit}`),
          async (missing) => {
            const [lists, until] = await Promise.all([
              fresh.newestWithTags(
                code,
                missing.map((i) => tagIds[i]!),
                now,
                limit,
              ),
              nextStoryOf(code, now),
            ]);
            return lists.map((value) => ({ value, until }));
          },
          (v) => v.until,
        )
        .then((lists) => lists.map((v) => v.value)),
    newestInSection: (code, categoryId, now, limit) =>
      untilNextStory(code, `section-newest:${categoryId}:${limit}`, now, () =>
        fresh.newestInSection(code, categoryId, now, limit),
      ),
    // Only stories of the kept lists are asked for (published when the lists were made), and
    // their cards change only with an event of their edition.
    cardsOf: (code, articleIds, now) =>
      cards.getMany(
        code,
        articleIds.map((id) => `card:${id}`),
        (missing) =>
          fresh.cardsOf(
            code,
            missing.map((i) => articleIds[i]!),
            now,
          ),
      ),
  };

  /**
   * An article's related stories. Their ranking comes from the edition's candidate lists alone
   * (and the story's own tags and section, which change only with an event of its edition), so
   * it is kept as long as those lists are: a page then costs one lookup, not one per tag.
   */
  const relatedOf = async (article: Article, tags: readonly { id: number }[], now: Date) => {
    const code = article.edition;
    const { ids } = await rankings.get(
      code,
      String(article.id),
      async () => {
        const tagIds = tags.map((tag) => tag.id);
        const [ranked, until] = await Promise.all([
          rankRelatedArticles(article, tagIds, now, RELATED_COUNT, candidateLists),
          nextStoryOf(code, now),
        ]);
        return { ids: ranked, until };
      },
      (v) => v.until,
    );
    const shown = await candidateLists.cardsOf(code, ids, now);
    return shown.filter((card) => card !== undefined);
  };

  app.get<{ Params: { edition: string } }>(
    '/:edition',
    { schema: { params: editionParams } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const now = ctx.now();
      const code = edition.code;
      // The stories on top change only with the edition's stories: kept until then.
      const [[featured, newestNine], categories] = await Promise.all([
        untilNextStory(code, 'home-top', now, () =>
          Promise.all([findFeaturedStory(db, code, now), listPublishedArticles(db, { edition: code, now }, 9)]),
        ),
        categoriesOf(code),
      ]);
      // The featured story leads, else the newest; two sit under it, the next six are "latest".
      const top = featured ?? newestNine[0];
      const newest = newestNine.filter((a) => a.id !== top?.id).slice(0, 8);
      const secondary = newest.slice(0, 2);
      const latest = newest.slice(2);
      const shown = new Set([...(top ? [top.id] : []), ...newest.map((a) => a.id)]);
      const sections = await sectionBlocks(code, now, categories, [...shown]);
      const site = await siteFor(ctx, request, edition);
      const alternates = ctx.editions
        .all()
        .filter((e) => e.code !== code)
        .map((e) => ({ lang: e.code, path: `/${e.code}` }));
      const aside = await renderAside(site, 'home');
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <HomePage
          site={site}
          top={top}
          secondary={secondary}
          latest={latest}
          sections={sections}
          safeAside={aside}
          alternates={alternates}
        />
      );
    },
  );

  // An article URL without its slug, or with an old one, redirects to the canonical URL.
  app.get<{ Params: { edition: string; id: string; slug?: string } }>('/:edition/news/:id', articleHandler);
  app.get<{ Params: { edition: string; id: string; slug?: string } }>('/:edition/news/:id/:slug', articleHandler);

  async function articleHandler(
    this: FastifyInstance,
    request: import('fastify').FastifyRequest<{ Params: { edition: string; id: string; slug?: string } }>,
    reply: import('fastify').FastifyReply,
  ) {
    const edition = requireEdition(ctx, request.params.edition);
    const { id, slug } = request.params;
    if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2 ** 31 - 1) throw new AppError('article_not_found');
    const now = ctx.now();
    const found = await findArticlePage(db, Number(id), now);
    if (!found || found.article.edition !== edition.code) throw new AppError('article_not_found');
    const { article, tags, translations } = found;
    if (slug !== article.slug) {
      return cachePublic(reply).redirect(articlePath(article), 301);
    }
    const related = await relatedOf(article, tags, now);
    const site = await siteFor(ctx, request, edition);
    const [meta, footer, aside, bodyImages] = await Promise.all([
      ctx.slots.render(ARTICLE_META_SLOT, { site, article }),
      ctx.slots.render(ARTICLE_FOOTER_SLOT, { site, article }),
      renderAside(site, 'article'),
      // No query unless the body has an inline image.
      findBodyImages(db, article.bodyHtml),
    ]);
    const alternates = translations
      .filter((tr) => ctx.editions.get(tr.edition))
      .map((tr) => ({ lang: tr.edition, path: articlePath(tr), name: ctx.editions.get(tr.edition)!.name }));
    cachePublic(reply).type('text/html; charset=utf-8');
    return (
      <ArticlePage
        site={site}
        article={article}
        tags={tags}
        related={related}
        slots={{ safeMeta: meta, safeFooter: footer, safeAside: aside }}
        translations={alternates}
        bodyImages={bodyImages}
      />
    );
  }

  app.get<{ Params: { edition: string; slug: string }; Querystring: { page?: number } }>(
    '/:edition/category/:slug',
    { config: listRoute.config, schema: { params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const categories = await categoriesOf(edition.code);
      const category = categories.find((c) => c.slug === request.params.slug);
      if (!category) {
        // A slug the section had before: readers and search engines follow it to the new one.
        const movedTo = await findOldSlug(db, 'category', edition.code, request.params.slug);
        const moved = categories.find((c) => c.id === movedTo);
        if (!moved) throw new AppError('category_not_found');
        return cachePublic(reply).redirect(withPage(categoryPath(edition.code, moved.slug), request.query.page), 301);
      }
      const chain = ancestry(categories, category);
      const site = await siteFor(ctx, request, edition);
      const list = await paginate(
        site,
        request.query.page,
        { edition: edition.code, now: site.now, categoryIds: withDescendants(categories, category.id) },
        // A section's front page is read like the home page: its stories are kept until a change.
        { keepFirstPage: true },
      );
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <ListPage
          site={site}
          title={category.name}
          description={category.description || category.name}
          intro={category.description}
          path={categoryPath(edition.code, category.slug)}
          feedPath={categoryPath(edition.code, category.slug)}
          trail={[
            { label: site.t('nav.home'), href: `/${edition.code}` },
            ...chain.map((c) => ({ label: c.name, href: categoryPath(edition.code, c.slug) })),
          ]}
          emptyText={site.t('category.empty')}
          children={categories
            .filter((c) => c.parent_id === category.id)
            .map((c) => ({ label: c.name, href: categoryPath(edition.code, c.slug) }))}
          {...list}
        />
      );
    },
  );

  app.get<{ Params: { edition: string; slug: string }; Querystring: { page?: number } }>(
    '/:edition/tag/:slug',
    { config: listRoute.config, schema: { params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const tag = await findTagBySlug(db, edition.code, request.params.slug);
      if (!tag) {
        // A renamed or merged tag's old slug leads to the tag it became.
        const movedTo = await findOldSlug(db, 'tag', edition.code, request.params.slug);
        const moved = movedTo === undefined ? undefined : await findTagById(db, movedTo);
        if (!moved || moved.edition !== edition.code) throw new AppError('tag_not_found');
        return cachePublic(reply).redirect(withPage(tagPath(edition.code, moved.slug), request.query.page), 301);
      }
      const site = await siteFor(ctx, request, edition);
      const list = await paginate(site, request.query.page, { edition: edition.code, now: site.now, tagId: tag.id });
      const title = site.t('tag.title', { name: tag.name });
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <ListPage
          site={site}
          title={title}
          description={title}
          path={tagPath(edition.code, tag.slug)}
          trail={[
            { label: site.t('nav.home'), href: `/${edition.code}` },
            { label: tag.name, href: tagPath(edition.code, tag.slug) },
          ]}
          emptyText={site.t('category.empty')}
          {...list}
        />
      );
    },
  );

  app.get<{ Params: { edition: string; slug: string }; Querystring: { page?: number } }>(
    '/:edition/author/:slug',
    { config: listRoute.config, schema: { params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const edition = requireEdition(ctx, request.params.edition);
      const author = await findAuthorBySlug(db, request.params.slug);
      if (!author) throw new AppError('author_not_found');
      const site = await siteFor(ctx, request, edition);
      const list = await paginate(site, request.query.page, {
        edition: edition.code,
        now: site.now,
        authorId: author.id,
      });
      const title = site.t('author.title', { name: author.display_name });
      cachePublic(reply).type('text/html; charset=utf-8');
      return (
        <ListPage
          site={site}
          title={title}
          description={author.bio || title}
          intro={author.bio}
          path={authorPath(edition.code, author.slug)}
          trail={[
            { label: site.t('nav.home'), href: `/${edition.code}` },
            { label: author.display_name, href: authorPath(edition.code, author.slug) },
          ]}
          emptyText={site.t('author.empty')}
          {...list}
        />
      );
    },
  );

  /**
   * One page of a list plus the side column; a page past the end is a 404. `keepFirstPage` keeps
   * page 1's stories until the edition changes or its next scheduled story appears (for the few
   * lists read most: sections, not each of thousands of tags).
   */
  async function paginate(
    site: Site,
    requested: number | undefined,
    filter: ArticleFilter,
    options: { keepFirstPage?: boolean } = {},
  ) {
    const page = requested ?? 1;
    // Keyed by the filter without its clock: what it counts holds until the next story appears.
    const key = JSON.stringify(filter, (name, value: unknown) => (name === 'now' ? undefined : value));
    const [total, aside] = await Promise.all([
      untilNextStory(filter.edition, `count:${key}`, site.now, () => countPublishedArticles(db, filter)),
      renderAside(site, 'list'),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new AppError('not_found', 'There is no such page in this list.');
    const articles =
      page === 1 && options.keepFirstPage
        ? await untilNextStory(filter.edition, `first-page:${key}`, site.now, () =>
            listPublishedArticles(db, filter, PAGE_SIZE, 0),
          )
        : await listPublishedArticles(db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return { articles, page, pages, safeAside: aside };
  }

  /** The side column: whatever the domains put in the aside slot for this kind of page. */
  function renderAside(site: Site, page: PageKind) {
    return ctx.slots.render(ASIDE_SLOT, { site, page });
  }

  /** The home page's block per top section: its newest stories not shown above, sub-sections included. */
  async function sectionBlocks(code: string, now: Date, categories: readonly CategoryRow[], shown: readonly number[]) {
    const tops = categories.filter((c) => c.parent_id === null);
    const rows = await untilNextStory(code, `blocks:${shown.join(',')}`, now, () =>
      listNewestPerCategory(
        db,
        { edition: code, now, excludeIds: shown, categoryIds: categories.map((c) => c.id) },
        SECTION_BLOCK_SIZE,
      ),
    );
    return tops
      .map((c) => {
        const ids = new Set(withDescendants(categories, c.id));
        // Rows come newest first, so the first four of a section's rows are its newest four.
        const articles = rows.filter((r) => ids.has(r.categoryId)).slice(0, SECTION_BLOCK_SIZE);
        return { name: c.name, slug: c.slug, articles };
      })
      .filter((s) => s.articles.length > 0);
  }
}

/** A list page's path with the page number asked for (the first page has none). */
function withPage(path: string, page: number | undefined): string {
  return page !== undefined && page > 1 ? `${path}?page=${page}` : path;
}
