// /newsroom/articles: the list, the form (new and edit), status steps, revisions and restore.
// Every route checks the role's permission for the article itself (edition, owner, status)
// on the server; the form only hides what the server would refuse anyway.
import type { FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { toDate } from '../../core/db/dialect.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  can,
  newsroomPage,
  registerSection,
  requirePermission,
  seeOther,
  sendHtml,
  staffOf,
  newsroomText as t,
  type Staff,
} from '../../newsroom/index.ts';
import { ArticleConflictError, createArticle, keepRefusedSave, updateArticle, type RefusedSave } from '../commands.ts';
import { articlePath } from '../model.ts';
import { formValues, stepOf, toInput, type FormValues } from './form.ts';
import { imageProblems, mayChange, mayCreate } from './policy.ts';
import {
  findArticle,
  formChoices,
  listArticles,
  listRevisions,
  listTranslations,
  statusHistory,
  type ListFilters,
} from './queries.ts';
import { previewLink, previewRoutes } from './preview.tsx';
import { uploadRoutes } from './upload.ts';
import { clearAutosave, draftingRoutes, othersEditing, pendingAutosave } from './drafting.ts';
import { ArticleEditorPage, ArticleListPage, RevisionsPage, valuesOf } from './views.tsx';

const STATUS_FILTERS = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;

function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('article_not_found');
  return id;
}

function writer(ctx: AppContext, staff: Staff) {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId: staff.id };
}

export const articleNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  registerSection('/newsroom/articles');
  await app.register(previewRoutes, { ctx });
  await app.register(uploadRoutes, { ctx });
  await app.register(draftingRoutes, { ctx });

  const loadForEdit = async (request: FastifyRequest, id: number) => {
    const article = await findArticle(ctx.db, id);
    if (!article) throw new AppError('article_not_found');
    const staff = requirePermission(request, 'article.edit', {
      edition: article.edition,
      ownerId: article.created_by,
      status: article.status,
    });
    return { article, staff };
  };

  const renderEditor = async (
    request: FastifyRequest,
    staff: Staff,
    edition: string,
    values: FormValues,
    extra: {
      article?: NonNullable<Awaited<ReturnType<typeof findArticle>>>;
      problems?: readonly string[];
      notice?: string;
      conflict?: { version: number; by: string | null; at: Date };
      /** Unsaved changes this person may restore, and whether they are shown now. */
      autosave?: { savedAt: Date; restored: boolean };
    } = {},
    status = 200,
  ) => {
    const a = extra.article;
    const now = ctx.now();
    const publishedAt = a?.published_at ? toDate(a.published_at) : null;
    const [choices, history, translations, source, others] = await Promise.all([
      formChoices(ctx.db, edition),
      a ? statusHistory(ctx.db, a.id) : Promise.resolve([]),
      a ? listTranslations(ctx.db, a) : Promise.resolve([]),
      a?.translated_from ? findArticle(ctx.db, a.translated_from) : Promise.resolve(undefined),
      a ? othersEditing(ctx.db, a.id, staff.id, now) : Promise.resolve([]),
    ]);
    const taken = new Set([edition, ...translations.map((tr) => tr.edition)]);
    const translateTo = ctx.editions
      .all()
      .filter((e) => !taken.has(e.code) && can(staff, 'article.create', { edition: e.code }))
      .map((e) => ({ code: e.code, name: e.name }));
    return {
      status,
      html: (
        <ArticleEditorPage
          page={await newsroomPage(ctx, request)}
          staff={staff}
          edition={edition}
          article={
            a && {
              id: a.id,
              status: a.status,
              publishedAt,
              createdBy: a.created_by,
              version: a.version,
              publicPath: a.status === 'published' && publishedAt && publishedAt <= now ? articlePath(a) : null,
            }
          }
          values={values}
          choices={choices}
          problems={extra.problems}
          notice={extra.notice}
          conflict={extra.conflict}
          history={history}
          translations={translations}
          translateTo={a ? translateTo : []}
          source={
            source && {
              id: source.id,
              edition: source.edition,
              title: source.title,
              summary: source.summary,
              // Stored bodies passed the sanitiser on save.
              safeBody: source.body_html,
              version: source.version,
            }
          }
          shareUrl={a ? new URL(previewLink(ctx, a.id, now), ctx.config.baseUrl).href : undefined}
          others={others}
          autosave={extra.autosave}
          timeZone={ctx.settings.timezone}
          now={now}
        />
      ),
    };
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/articles', async (request, reply) => {
    const staff = requirePermission(request, 'article.create');
    const q = request.query;
    const edition = q.edition && staff.editions.includes(q.edition) ? q.edition : undefined;
    const status = (STATUS_FILTERS as readonly string[]).includes(q.status ?? '')
      ? (q.status as ListFilters['status'])
      : undefined;
    const categoryId = Number(q.category) > 0 ? Number(q.category) : undefined;
    const after =
      q.after && /^[^|]{1,40}\|\d{1,12}$/.test(q.after)
        ? { updatedAt: q.after.split('|')[0]!, id: Number(q.after.split('|')[1]) }
        : undefined;
    const filters: ListFilters & { edition?: string } = {
      editions: edition ? [edition] : staff.editions,
      edition,
      status,
      categoryId,
      ownerId: q.mine === 'on' ? staff.id : undefined,
      q: q.q?.trim().slice(0, 200) || undefined,
      after,
    };
    const now = ctx.now();
    const [{ rows, more }, categories] = await Promise.all([
      listArticles(ctx.db, filters, now),
      ctx.db
        .selectFrom('categories')
        .select(['id', 'name', 'edition'])
        .where('edition', 'in', staff.editions.length ? [...staff.editions] : [''])
        .orderBy('edition')
        .orderBy('position')
        .execute(),
    ]);
    const last = rows.at(-1);
    let nextUrl: string | undefined;
    if (more && last) {
      const params = new URLSearchParams();
      for (const key of ['q', 'status', 'edition', 'category', 'mine'] as const) if (q[key]) params.set(key, q[key]!);
      params.set('after', `${last.updatedAtText}|${last.id}`);
      nextUrl = `/newsroom/articles?${params}`;
    }
    return sendHtml(
      reply,
      <ArticleListPage
        page={await newsroomPage(ctx, request)}
        staff={staff}
        filters={filters}
        categories={categories}
        rows={rows}
        nextUrl={nextUrl}
        timeZone={ctx.settings.timezone}
        now={now}
      />,
    );
  });

  app.get<{ Querystring: { edition?: string } }>('/articles/new', async (request, reply) => {
    const staff = staffOf(request);
    const edition = request.query.edition ?? staff.editions[0] ?? '';
    requirePermission(request, 'article.create', { edition });
    const { html } = await renderEditor(request, staff, edition, {});
    return sendHtml(reply, html);
  });

  app.post<{ Querystring: { edition?: string } }>('/articles', async (request, reply) => {
    const staff = staffOf(request);
    const edition = request.query.edition ?? '';
    requirePermission(request, 'article.create', { edition });
    const values = formValues(request.body);
    const step = stepOf(values);
    if (!mayCreate(staff, edition, step)) throw new AppError('forbidden', 'Your role does not allow this.');
    const { input, problems } = toInput(values, step, undefined, ctx.settings.timezone, ctx.now());
    problems.push(...(await imageProblems(ctx.db, staff, edition, input.featuredMediaId, null)));
    if (problems.length) {
      const { html, status } = await renderEditor(request, staff, edition, values, { problems }, 400);
      return sendHtml(reply, html, status);
    }
    try {
      const row = await createArticle(writer(ctx, staff), {
        ...input,
        edition,
        categoryId: input.categoryId ?? -1,
        title: input.title ?? '',
      });
      return seeOther(reply, `/newsroom/articles/${row.id}?done=created`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const { html, status } = await renderEditor(request, staff, edition, values, { problems: error.problems }, 400);
      return sendHtml(reply, html, status);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string; restore?: string } }>(
    '/articles/:id',
    async (request, reply) => {
      const { article, staff } = await loadForEdit(request, idParam(request.params.id));
      const notice = request.query.done ? t('articles.saved') : undefined;
      const pending = await pendingAutosave(ctx.db, article, staff.id);
      const restored = !!pending && request.query.restore === 'autosave';
      // Restored fields keep the version they were typed on: a save in between is still a conflict.
      const values = restored
        ? { ...valuesOf(article, ctx.settings.timezone), ...pending.fields, version: String(pending.basedOnVersion) }
        : valuesOf(article, ctx.settings.timezone);
      const { html } = await renderEditor(request, staff, article.edition, values, {
        article,
        notice,
        autosave: pending && { savedAt: pending.savedAt, restored },
      });
      return sendHtml(reply, html);
    },
  );

  app.post<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const { article, staff } = await loadForEdit(request, idParam(request.params.id));
    const values = formValues(request.body);
    const step = stepOf(values);
    if (!mayChange(staff, article, step)) {
      // Publishing changes to a story that is out is publishing too.
      const message = article.status === 'published' ? 'Only an editor can change a published story.' : undefined;
      throw new AppError('forbidden', message ?? 'Your role does not allow this.');
    }
    const publishedAt = article.published_at ? toDate(article.published_at) : null;
    const { input, problems } = toInput(
      values,
      step,
      { status: article.status, publishedAt },
      ctx.settings.timezone,
      ctx.now(),
    );
    const render = async (extra: Parameters<typeof renderEditor>[4], status: number) => {
      const page = await renderEditor(request, staff, article.edition, values, { article, ...extra }, status);
      return sendHtml(reply, page.html, page.status);
    };
    problems.push(
      ...(await imageProblems(ctx.db, staff, article.edition, input.featuredMediaId, article.featured_media_id)),
    );
    if (problems.length) return render({ problems }, 400);
    // A translation saved with its source beside it is up to date with that source.
    if (article.translated_from) {
      const source = await ctx.db
        .selectFrom('articles')
        .select('version')
        .where('id', '=', article.translated_from)
        .executeTakeFirst();
      if (source) input.translatedFromVersion = source.version;
    }
    const expectedVersion = Number(values.version);
    try {
      await updateArticle(writer(ctx, staff), article.id, input, {
        expectedVersion: Number.isSafeInteger(expectedVersion) ? expectedVersion : -1,
        comment: values.comment?.trim().slice(0, 2000) ?? '',
      });
      await clearAutosave(ctx.db, article.id, staff.id);
      return seeOther(reply, `/newsroom/articles/${article.id}?done=${step}`);
    } catch (error) {
      if (error instanceof InputError) return render({ problems: error.problems }, 400);
      if (error instanceof ArticleConflictError) {
        // Nothing a person wrote is lost: the refused version is kept as a revision.
        await keepRefusedSave(writer(ctx, staff), article.id, refusedSaveOf(values), expectedVersion);
        const by = error.current.id
          ? await ctx.db
              .selectFrom('article_revisions as r')
              .leftJoin('users as u', 'u.id', 'r.actor_id')
              .select('u.display_name')
              .where('r.article_id', '=', article.id)
              .where('r.version', '=', error.current.version)
              .executeTakeFirst()
          : undefined;
        return render(
          {
            conflict: {
              version: error.current.version,
              by: by?.display_name ?? null,
              at: toDate(error.current.updated_at),
            },
          },
          409,
        );
      }
      throw error;
    }
  });

  app.post<{ Params: { id: string }; Body: { to?: unknown } }>('/articles/:id/translate', async (request, reply) => {
    const staff = staffOf(request);
    const source = await findArticle(ctx.db, idParam(request.params.id));
    if (!source) throw new AppError('article_not_found');
    const to = typeof request.body?.to === 'string' ? request.body.to : '';
    if (!ctx.editions.get(to) || to === source.edition) throw new AppError('bad_request', 'Choose another edition.');
    requirePermission(request, 'article.create', { edition: to });
    // The source must be one this person may read: in their own edition, or published.
    if (!staff.editions.includes(source.edition) && source.status !== 'published') throw new AppError('forbidden');
    const existing = await ctx.db
      .selectFrom('articles')
      .select('id')
      .where('translation_group', '=', source.translation_group)
      .where('edition', '=', to)
      .executeTakeFirst();
    if (existing) return seeOther(reply, `/newsroom/articles/${existing.id}`);
    const row = await createArticle(writer(ctx, staff), {
      edition: to,
      translationOf: source.id,
      translatedFromVersion: source.version,
      categoryId: await sectionForTranslation(ctx, source.category_id, to),
      // A draft that starts from the source's text, to be written over in the other language.
      title: source.title,
      summary: source.summary,
      bodyHtml: source.body_html,
      dateline: source.dateline,
      source: source.source,
      authorId: source.author_id,
      byline: source.byline,
      featuredMediaId: source.featured_media_id,
      imageAlt: source.image_alt,
      imageCaption: source.image_caption,
      imageCredit: source.image_credit,
    });
    return seeOther(reply, `/newsroom/articles/${row.id}?done=translation`);
  });

  app.get<{ Params: { id: string }; Querystring: { show?: string } }>(
    '/articles/:id/revisions',
    async (request, reply) => {
      const { article, staff } = await loadForEdit(request, idParam(request.params.id));
      const revisions = await listRevisions(ctx.db, article.id);
      const index = Math.max(
        0,
        revisions.findIndex((r) => String(r.id) === request.query.show),
      );
      return sendHtml(
        reply,
        <RevisionsPage
          page={await newsroomPage(ctx, request)}
          staff={staff}
          articleId={article.id}
          title={article.title}
          revisions={revisions}
          selected={revisions[index]}
          previous={revisions[index + 1]}
          mayRestore={article.status !== 'published' || can(staff, 'article.publish', { edition: article.edition })}
          timeZone={ctx.settings.timezone}
        />,
      );
    },
  );

  app.post<{ Params: { id: string; revision: string } }>(
    '/articles/:id/revisions/:revision/restore',
    async (request, reply) => {
      const { article, staff } = await loadForEdit(request, idParam(request.params.id));
      if (article.status === 'published')
        requirePermission(request, 'article.publish', { edition: article.edition, ownerId: article.created_by });
      const revision = await ctx.db
        .selectFrom('article_revisions')
        .select('snapshot')
        .where('id', '=', Number(request.params.revision) || 0)
        .where('article_id', '=', article.id)
        .executeTakeFirst();
      if (!revision) throw new AppError('not_found', 'No such revision.');
      const s = JSON.parse(revision.snapshot) as Record<string, unknown>;
      // The text and its details come back; the status and time stay as they are now.
      await updateArticle(
        writer(ctx, staff),
        article.id,
        {
          title: String(s.title ?? article.title),
          slug: String(s.slug ?? article.slug),
          summary: String(s.summary ?? ''),
          bodyHtml: String(s.bodyHtml ?? ''),
          dateline: String(s.dateline ?? ''),
          source: String(s.source ?? ''),
          byline: typeof s.byline === 'string' ? s.byline : null,
          imageAlt: String(s.imageAlt ?? ''),
          imageCaption: String(s.imageCaption ?? ''),
          imageCredit: String(s.imageCredit ?? ''),
          correctionNote: String(s.correctionNote ?? ''),
          tags: Array.isArray(s.tags) ? s.tags.map(String) : [],
        },
        { comment: `Restored version ${String(s.version ?? '')}`.trim() },
      );
      return seeOther(reply, `/newsroom/articles/${article.id}?done=restored`);
    },
  );
};

/** The section of `edition` with the source section's slug, else its first section. */
async function sectionForTranslation(ctx: AppContext, sourceCategoryId: number, edition: string): Promise<number> {
  const sourceSection = await ctx.db
    .selectFrom('categories')
    .select('slug')
    .where('id', '=', sourceCategoryId)
    .executeTakeFirst();
  const sameSlug = await ctx.db
    .selectFrom('categories')
    .select('id')
    .where('edition', '=', edition)
    .where('slug', '=', sourceSection?.slug ?? '')
    .executeTakeFirst();
  const first =
    sameSlug ??
    (await ctx.db
      .selectFrom('categories')
      .select('id')
      .where('edition', '=', edition)
      .orderBy('position')
      .executeTakeFirst());
  if (!first) throw new AppError('bad_request', 'That edition has no section yet: add one first.');
  return first.id;
}

/** The text fields of a refused save, as the writer typed them. */
function refusedSaveOf(values: FormValues): RefusedSave {
  return {
    title: values.title,
    summary: values.summary,
    bodyHtml: values.bodyHtml,
    tags:
      values.tags === undefined
        ? undefined
        : values.tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
  };
}
