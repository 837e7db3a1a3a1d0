// /api/v1 news: articles (a filtered list by cursor, one by id), sections, tags and authors.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import {
  categoryPath,
  findArticleForApi,
  listArticlesForApi,
  listAuthorsForApi,
  keptSectionsOf,
  listTagsForApi,
  withDescendants,
  type ApiArticleFilter,
} from '../../articles/index.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Edition } from '../../editions/index.ts';
import { decodeCursor, encodeCursor, type Cursor } from '../cursor.ts';
import { absolute, presentArticle, presentArticleSummary, presentAuthor, presentTag, presenterOf } from '../present.ts';
import { readRoute } from '../read-route.ts';
import { cursorParam, editionParam, idParams, limitParam, listOf, oneOf } from '../schemas.ts';
import { requireVisible, setReadCaching, visibilityOf } from '../visibility.ts';

const idFilter = (description: string) => ({ type: 'integer', minimum: 1, maximum: 2_147_483_647, description });
const timeFilter = (description: string) => ({ type: 'string', format: 'date-time', description });

/** An edition the API serves, or edition_not_found. */
export function editionOf(ctx: AppContext, code: string): Edition {
  const edition = ctx.editions.get(code);
  if (!edition) throw new AppError('edition_not_found', `There is no edition "${code}".`);
  return edition;
}

/** The next page's cursor and absolute URL (the request's own query with the cursor replaced). */
export function nextPage(ctx: AppContext, request: FastifyRequest, cursor: Cursor | undefined) {
  if (!cursor) return { next_cursor: null, next_url: null };
  const text = encodeCursor(cursor);
  const [path, query = ''] = request.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('cursor', text);
  return { next_cursor: text, next_url: `${absolute(presenterOf(ctx), path)}?${params.toString()}` };
}

interface ArticleQuery {
  edition: string;
  section?: number;
  tag?: number;
  author?: number;
  published_after?: string;
  published_before?: string;
  updated_since?: string;
  limit: number;
  cursor?: string;
}

/** The news endpoints. */
export async function newsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  readRoute(
    app,
    {
      url: '/v1/articles',
      operationId: 'listArticles',
      tag: 'News',
      summary: 'Published stories of an edition, newest first',
      description:
        'Newest publication first, or with `updated_since` oldest change first (for keeping a copy in sync). ' +
        'Filter by one of `section` (with its subsections), `tag` or `author`, and by publication dates. ' +
        'A filter that matches nothing gives an empty list.',
      query: {
        edition: editionParam,
        section: idFilter('Only this section and its subsections.'),
        tag: idFilter('Only stories with this tag.'),
        author: idFilter('Only stories by this author.'),
        published_after: timeFilter('Published at or after this time (ISO 8601 with an offset).'),
        published_before: timeFilter('Published before this time.'),
        updated_since: timeFilter(
          'Changed at or after this time; the list then runs oldest change first. Not with the other filters.',
        ),
        limit: limitParam,
        cursor: cursorParam,
      },
      required: ['edition'],
      response: listOf('articles', 'ArticleSummary', 'A page of stories.', { paged: true }),
    },
    async (request, reply) => {
      const q = request.query as ArticleQuery;
      const edition = editionOf(ctx, q.edition);
      const filters = [q.section, q.tag, q.author].filter((x) => x !== undefined).length;
      if (filters > 1) throw new AppError('invalid_query', 'Filter by one of section, tag or author at a time.');
      const isSync = q.updated_since !== undefined;
      if (isSync && (filters > 0 || q.published_after || q.published_before)) {
        throw new AppError('invalid_query', 'updated_since cannot be combined with other filters.');
      }
      const order = isSync ? 'updated' : 'published';
      const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, order);
      const visibility = visibilityOf(request);
      const f: ApiArticleFilter = {
        edition: edition.code,
        now: ctx.now(),
        categoryIds:
          q.section === undefined ? undefined : withDescendants(await keptSectionsOf(ctx, edition.code), q.section),
        tagId: q.tag,
        authorId: q.author,
        publishedAfter: q.published_after === undefined ? undefined : new Date(q.published_after),
        publishedBefore: q.published_before === undefined ? undefined : new Date(q.published_before),
        updatedSince: isSync ? new Date(q.updated_since!) : undefined,
      };
      const page = await listArticlesForApi(
        ctx.db,
        f,
        { after: cursor && { at: cursor.t, id: cursor.i }, limit: q.limit },
        visibility,
      );
      const p = presenterOf(ctx);
      setReadCaching(reply, visibility);
      return {
        articles: page.items.map((a) => presentArticleSummary(p, a)),
        ...nextPage(ctx, request, page.next && { o: order, t: page.next.at, i: page.next.id }),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/articles/:id',
      operationId: 'getArticle',
      tag: 'News',
      summary: 'One published story, with its body, tags and translations',
      params: idParams('The story’s id.', 48213),
      response: oneOf('article', 'Article', 'The story.'),
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const visibility = visibilityOf(request);
      const article = await findArticleForApi(ctx.db, id, ctx.now(), visibility);
      const notFound = () => new AppError('article_not_found', `There is no published story ${id}.`);
      if (!article) throw notFound();
      const isOut = article.status === 'published' && !!article.publishedAt && article.publishedAt <= ctx.now();
      requireVisible(request, 'article.review', { edition: article.edition, isOut }, notFound);
      setReadCaching(reply, visibility);
      return { article: presentArticle(presenterOf(ctx), article) };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/sections',
      operationId: 'listSections',
      tag: 'News',
      summary: 'The sections (categories) of an edition, in menu order',
      description: 'All of them at once: an edition has tens of sections, not thousands.',
      query: { edition: editionParam },
      required: ['edition'],
      response: listOf('sections', 'Section', 'Every section of the edition.'),
    },
    async (request, reply) => {
      const edition = editionOf(ctx, (request.query as { edition: string }).edition);
      const p = presenterOf(ctx);
      const sections = await keptSectionsOf(ctx, edition.code);
      setReadCaching(reply, visibilityOf(request));
      return {
        sections: sections.map((s) => ({
          id: s.id,
          name: s.name,
          slug: s.slug,
          description: s.description,
          parent_id: s.parent_id,
          url: absolute(p, categoryPath(edition.code, s.slug)),
        })),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/tags',
      operationId: 'listTags',
      tag: 'News',
      summary: 'The tags of an edition, by slug',
      query: { edition: editionParam, limit: limitParam, cursor: cursorParam },
      required: ['edition'],
      response: listOf('tags', 'Tag', 'A page of tags.', { paged: true }),
    },
    async (request, reply) => {
      const q = request.query as { edition: string; limit: number; cursor?: string };
      const edition = editionOf(ctx, q.edition);
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'slug').s;
      const found = await listTagsForApi(ctx.db, edition.code, { afterSlug: after, limit: q.limit + 1 });
      const tags = found.slice(0, q.limit);
      const p = presenterOf(ctx);
      const last = found.length > q.limit ? tags[tags.length - 1] : undefined;
      setReadCaching(reply, visibilityOf(request));
      return {
        tags: tags.map((t) => presentTag(p, edition.code, t)),
        ...nextPage(ctx, request, last && { o: 'slug', s: last.slug }),
      };
    },
  );

  readRoute(
    app,
    {
      url: '/v1/authors',
      operationId: 'listAuthors',
      tag: 'News',
      summary: 'The people with a story published in an edition, by id',
      query: { edition: editionParam, limit: limitParam, cursor: cursorParam },
      required: ['edition'],
      response: listOf('authors', 'Author', 'A page of authors.', { paged: true }),
    },
    async (request, reply) => {
      const q = request.query as { edition: string; limit: number; cursor?: string };
      const edition = editionOf(ctx, q.edition);
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'id').i;
      const found = await listAuthorsForApi(ctx.db, edition.code, ctx.now(), { afterId: after, limit: q.limit + 1 });
      const authors = found.slice(0, q.limit);
      const p = presenterOf(ctx);
      const last = found.length > q.limit ? authors[authors.length - 1] : undefined;
      setReadCaching(reply, visibilityOf(request));
      return {
        authors: authors.map((a) => presentAuthor(p, edition.code, a)),
        ...nextPage(ctx, request, last && { o: 'id', i: last.id }),
      };
    },
  );
}
