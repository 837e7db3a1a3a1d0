// /newsroom/sections: an edition's sections (the tree; add, edit, delete) and its tags (search,
// rename, merge). Editors in their editions and admins: every route checks `taxonomy.manage`
// for the edition of the section or tag itself. Bad input shows the form again with every
// problem and saves nothing; a section that holds articles is never deleted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { slugify } from '../../core/text/slug.ts';
import { InputError } from '../../core/validation.ts';
import {
  doneNotice,
  newsroomPage,
  newsroomText as t,
  registerSection,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
  type Staff,
  chosenEdition,
  editionChoice,
  editionsFor,
  type EditionChoice,
} from '../../newsroom/index.ts';
import { categoryPath, tagPath } from '../sections.ts';
import {
  CategoryInUseError,
  createCategory,
  deleteCategory,
  mergeTags,
  renameTag,
  updateCategory,
} from '../taxonomy-commands.ts';
import {
  checkSection,
  countText,
  field,
  idOf,
  sectionValues,
  tagNameProblems,
  valuesOfSection,
  type SectionValues,
} from './taxonomy-form.ts';
import {
  countSectionArticles,
  countTagUses,
  findSection,
  findTag,
  findTagBySlug,
  listSectionTree,
  listTags,
  subtreeIds,
} from './taxonomy-queries.ts';
import { TagPage, TagsPage } from './taxonomy-tag-views.tsx';
import { SectionEditPage, SectionsPage } from './taxonomy-views.tsx';

type Query = Record<string, string | undefined>;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'sections.created',
  saved: 'sections.saved',
  deleted: 'sections.deleted',
  renamed: 'tags.renamed',
  merged: 'tags.merged',
};

function writer(ctx: AppContext, staff: Staff) {
  return { db: ctx.db, events: ctx.events, now: () => ctx.now(), actorId: staff.id };
}

function noticeOf(query: Query): string | undefined {
  return doneNotice(DONE, query.done);
}

/** The section and tag pages. */
export const taxonomyRoutes: DomainRoutes = async (app, { ctx }) => {
  registerSection('/newsroom/sections');

  // Every route here, GET and POST: only roles that manage sections and tags somewhere.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'taxonomy.manage');
  });

  const editionsOf = (staff: Staff): EditionChoice[] => editionsFor(ctx, staff, 'taxonomy.manage');
  const editionFor = (request: FastifyRequest, asked: string | undefined): EditionChoice =>
    chosenEdition(ctx, request, 'taxonomy.manage', asked);
  const editionOf = (code: string): EditionChoice => editionChoice(ctx, code);

  const loadSection = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const section = id ? await findSection(ctx.db, id) : undefined;
    if (!section) throw new AppError('category_not_found');
    const staff = requirePermission(request, 'taxonomy.manage', { edition: section.edition });
    return { section, staff };
  };

  const loadTag = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const tag = id ? await findTag(ctx.db, id) : undefined;
    if (!tag) throw new AppError('tag_not_found');
    const staff = requirePermission(request, 'taxonomy.manage', { edition: tag.edition });
    return { tag, staff };
  };

  const renderSections = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionChoice,
    extra: { values?: SectionValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const staff = requirePermission(request, 'taxonomy.manage');
    const tree = await listSectionTree(ctx.db, edition.code);
    const page = await newsroomPage(ctx, request);
    return sendHtml(
      reply,
      <SectionsPage page={page} editions={editionsOf(staff)} edition={edition} tree={tree} {...extra} />,
      status,
    );
  };

  const renderSection = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: NonNullable<Awaited<ReturnType<typeof findSection>>>,
    extra: { values?: SectionValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const [tree, articles] = await Promise.all([
      listSectionTree(ctx.db, section.edition),
      countSectionArticles(ctx.db, section.id),
    ]);
    const excluded = subtreeIds(tree, section.id);
    return sendHtml(
      reply,
      <SectionEditPage
        page={await newsroomPage(ctx, request)}
        edition={editionOf(section.edition)}
        section={{ id: section.id, name: section.name, publicPath: categoryPath(section.edition, section.slug) }}
        contents={{ articles, sections: tree.filter((n) => n.parentId === section.id).length }}
        tree={tree}
        excluded={excluded}
        values={extra.values ?? valuesOfSection(section)}
        problems={extra.problems}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Querystring: Query }>('/sections', async (request, reply) => {
    const edition = editionFor(request, request.query.edition);
    return renderSections(request, reply, edition, { notice: noticeOf(request.query) });
  });

  app.post('/sections', async (request, reply) => {
    const asked = field(request.body, 'edition');
    if (!ctx.editions.get(asked)) throw new AppError('edition_not_found');
    const staff = requirePermission(request, 'taxonomy.manage', { edition: asked });
    const edition = editionOf(asked);
    const values = sectionValues(request.body);
    const checked = checkSection(values, await listSectionTree(ctx.db, edition.code));
    if (!checked.input) return renderSections(request, reply, edition, { values, problems: checked.problems }, 400);
    try {
      const row = await createCategory(writer(ctx, staff), { edition: edition.code, ...checked.input });
      return seeOther(reply, `/newsroom/sections/${row.id}?done=created`);
    } catch (error) {
      if (error instanceof InputError)
        return renderSections(request, reply, edition, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/sections/:id', async (request, reply) => {
    const { section } = await loadSection(request);
    return renderSection(request, reply, section, { notice: noticeOf(request.query) });
  });

  app.post<{ Params: { id: string } }>('/sections/:id', async (request, reply) => {
    const { section, staff } = await loadSection(request);
    const values = sectionValues(request.body);
    const checked = checkSection(values, await listSectionTree(ctx.db, section.edition), section.id);
    if (!checked.input) return renderSection(request, reply, section, { values, problems: checked.problems }, 400);
    try {
      await updateCategory(writer(ctx, staff), section.id, checked.input);
      return seeOther(reply, `/newsroom/sections/${section.id}?done=saved`);
    } catch (error) {
      if (error instanceof InputError)
        return renderSection(request, reply, section, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.post<{ Params: { id: string } }>('/sections/:id/delete', async (request, reply) => {
    const { section, staff } = await loadSection(request);
    try {
      await deleteCategory(writer(ctx, staff), section.id);
    } catch (error) {
      if (!(error instanceof CategoryInUseError)) throw error;
      const contents = [
        ...(error.articles > 0 ? [countText('articles', error.articles)] : []),
        ...(error.sections > 0 ? [countText('sections', error.sections)] : []),
      ].join(t('manage.and'));
      return renderSection(
        request,
        reply,
        section,
        { problems: [t('sections.refused', { name: section.name, contents })] },
        409,
      );
    }
    return seeOther(reply, `/newsroom/sections?edition=${encodeURIComponent(section.edition)}&done=deleted`);
  });

  app.get<{ Querystring: Query }>('/sections/tags', async (request, reply) => {
    const staff = requirePermission(request, 'taxonomy.manage');
    const edition = editionFor(request, request.query.edition);
    const q = (request.query.q ?? '').trim().slice(0, 120);
    // Searched as a slug: letters and digits, any case or accent. Text with neither (which
    // slugify makes "item") searches nothing out.
    const slugPart = q === '' || !/[\p{L}\p{N}]/u.test(q) ? undefined : slugify(q);
    const after =
      request.query.after && /^[^%_\s]{1,200}$/u.test(request.query.after) ? request.query.after : undefined;
    const { rows, next } = await listTags(ctx.db, edition.code, { slugPart, after });
    const urlWith = (more: Record<string, string>) =>
      `/newsroom/sections/tags?${new URLSearchParams({ edition: edition.code, ...(q ? { q } : {}), ...more })}`;
    return sendHtml(
      reply,
      <TagsPage
        page={await newsroomPage(ctx, request)}
        editions={editionsOf(staff)}
        edition={edition}
        q={q}
        rows={rows}
        nextUrl={next === undefined ? undefined : urlWith({ after: next })}
        firstUrl={after === undefined ? undefined : urlWith({})}
        notice={noticeOf(request.query)}
      />,
    );
  });

  const renderTag = async (
    request: FastifyRequest,
    reply: FastifyReply,
    tag: NonNullable<Awaited<ReturnType<typeof findTag>>>,
    extra: Partial<Pick<Parameters<typeof TagPage>[0], 'values' | 'renameProblems' | 'mergeProblems' | 'notice'>> = {},
    status = 200,
  ) =>
    sendHtml(
      reply,
      <TagPage
        page={await newsroomPage(ctx, request)}
        edition={editionOf(tag.edition)}
        tag={{ id: tag.id, name: tag.name, publicPath: tagPath(tag.edition, tag.slug) }}
        uses={await countTagUses(ctx.db, tag.id)}
        {...extra}
      />,
      status,
    );

  app.get<{ Params: { id: string }; Querystring: Query }>('/sections/tags/:id', async (request, reply) => {
    const { tag } = await loadTag(request);
    return renderTag(request, reply, tag, { notice: noticeOf(request.query) });
  });

  app.post<{ Params: { id: string } }>('/sections/tags/:id', async (request, reply) => {
    const { tag, staff } = await loadTag(request);
    const name = field(request.body, 'name').trim();
    const problems = tagNameProblems(name);
    if (problems.length === 0) {
      const clash = await findTagBySlug(ctx.db, tag.edition, slugify(name));
      if (clash && clash.id !== tag.id) problems.push(t('tags.problemNameTaken', { name: clash.name }));
    }
    if (problems.length) return renderTag(request, reply, tag, { values: { name }, renameProblems: problems }, 400);
    try {
      await renameTag(writer(ctx, staff), tag.id, name);
    } catch (error) {
      if (error instanceof InputError)
        return renderTag(request, reply, tag, { values: { name }, renameProblems: error.problems }, 400);
      throw error;
    }
    return seeOther(reply, `/newsroom/sections/tags/${tag.id}?done=renamed`);
  });

  app.post<{ Params: { id: string } }>('/sections/tags/:id/merge', async (request, reply) => {
    const { tag, staff } = await loadTag(request);
    const into = field(request.body, 'into').trim().slice(0, 200);
    const kept = into === '' ? undefined : await findTagBySlug(ctx.db, tag.edition, slugify(into));
    const problem =
      into === ''
        ? t('tags.problemMergeEmpty')
        : !kept
          ? t('tags.problemMergeUnknown', { name: into })
          : kept.id === tag.id
            ? t('tags.problemMergeSelf')
            : undefined;
    if (problem || !kept)
      return renderTag(request, reply, tag, { values: { into }, mergeProblems: [problem ?? ''] }, 400);
    await mergeTags(writer(ctx, staff), tag.id, kept.id);
    return seeOther(reply, `/newsroom/sections/tags/${kept.id}?done=merged`);
  });
};
