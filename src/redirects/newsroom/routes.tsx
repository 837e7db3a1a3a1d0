// /newsroom/redirects: the redirects table for editors and administrators (`redirects.manage`;
// an editor changes only rows of their editions and rows of no edition). List, search, add,
// change, delete, and "test an address" (which rule answers, and what a reader gets now). A
// refused form shows every problem and saves nothing; administrators alone may send an old
// address to another site.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  doneNotice,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
  type Staff,
} from '../../newsroom/index.ts';
import { checkRedirect, createRedirect, deleteRedirect, updateRedirect, type RedirectRules } from '../commands.ts';
import { findRedirect, listRedirects, ORIGINS, type Origin } from '../queries.ts';
import type { Explanation, RedirectResolver } from '../resolve.ts';
import {
  EMPTY_FORM,
  listPath,
  RedirectPage,
  RedirectsPage,
  type RedirectFormValues,
  type RedirectsPageProps,
  type TestResult,
} from './views.tsx';

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'redirects.created',
  saved: 'redirects.saved',
  deleted: 'redirects.deleted',
  gone: 'redirects.gone',
};

const KIND_LABELS: Readonly<Record<string, NewsroomKey>> = {
  item: 'redirects.kind.item',
  category: 'redirects.kind.category',
  tag: 'redirects.kind.tag',
  user: 'redirects.kind.user',
};

function text(value: unknown, max = 2048): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function field(body: unknown, name: string): string {
  return text(body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined, 4000);
}

function idOf(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || id < 1 || id >= 2 ** 31) throw new AppError('not_found', 'There is no such redirect.');
  return id;
}

function explain(found: Explanation): string {
  switch (found.via) {
    case 'table':
      return t('redirects.result.table', { to: found.location, from: found.fromPath });
    case 'k2':
      return t('redirects.result.k2', {
        to: found.location,
        kind: t(KIND_LABELS[found.k2.kind]!),
        id: found.k2.sourceId,
        edition: found.k2.edition,
      });
    case 'k2_unknown':
      return t('redirects.result.k2Unknown', {
        kind: t(KIND_LABELS[found.k2.kind]!),
        id: found.k2.sourceId,
        edition: found.k2.edition,
      });
    case 'none':
      return t('redirects.result.none');
    case 'invalid':
      return t('redirects.result.invalid');
  }
}

export function redirectNewsroomRoutes(resolverOf: (ctx: AppContext) => RedirectResolver): DomainRoutes {
  return async (app, { ctx }) => {
    const resolver = resolverOf(ctx);
    const rulesFor = (staff: Staff): RedirectRules => ({
      baseUrl: ctx.config.baseUrl,
      mayLinkOut: staff.role === 'admin',
      isEdition: (code) => ctx.editions.get(code) !== undefined,
    });

    /** "Test an address": the rule that answers, and the answer a reader gets now (a request of our own). */
    const testAddress = async (address: string): Promise<TestResult> => {
      const found = await resolver.explain(address);
      if (found.via === 'invalid') return { address, explanation: explain(found), answer: '' };
      const res = await app.inject({ method: 'GET', url: address, headers: { accept: 'text/html' } });
      const location = typeof res.headers.location === 'string' ? ` → ${res.headers.location}` : '';
      return {
        address,
        explanation: explain(found),
        answer: t('redirects.result.reader', { answer: `${res.statusCode}${location}` }),
      };
    };

    const renderList = async (
      request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
      reply: FastifyReply,
      staff: Staff,
      extra: { values?: RedirectFormValues; problems?: readonly string[] } = {},
      status = 200,
    ) => {
      const query = request.query ?? {};
      const search = text(query.q, 200).trim();
      const originText = text(query.origin);
      const origin = (ORIGINS as readonly string[]).includes(originText) ? (originText as Origin) : undefined;
      const beforeText = text(query.before, 12);
      const before = /^\d{1,10}$/.test(beforeText) ? Number(beforeText) : undefined;
      const testText = text(query.test).trim();
      const [{ rows, next }, test] = await Promise.all([
        listRedirects(ctx.db, {
          search,
          origin,
          before,
          editions: staff.role === 'admin' ? null : staff.editions,
        }),
        testText === '' ? Promise.resolve(undefined) : testAddress(testText),
      ]);
      const props: RedirectsPageProps = {
        page: await newsroomPage(ctx, request),
        search,
        origin,
        rows,
        olderHref: next === undefined ? undefined : listPath({ search, origin, before: next }),
        isFirstPage: before === undefined,
        test,
        testAddress: testText,
        values: extra.values ?? EMPTY_FORM,
        problems: extra.problems,
        notice: doneNotice(DONE, query.done),
        mayLinkOut: staff.role === 'admin',
      };
      return sendHtml(reply, <RedirectsPage {...props} />, status);
    };

    app.get<{ Querystring: Record<string, unknown> }>('/redirects', async (request, reply) => {
      const staff = requirePermission(request, 'redirects.manage');
      return renderList(request, reply, staff);
    });

    app.post<{ Querystring: Record<string, unknown> }>('/redirects', async (request, reply) => {
      const staff = requirePermission(request, 'redirects.manage');
      const values = { fromPath: field(request.body, 'fromPath'), toPath: field(request.body, 'toPath') };
      try {
        const row = await checkRedirect(ctx.db, values, rulesFor(staff));
        // An editor adds rows of their own editions (or of none) only.
        if (row.edition !== null) requirePermission(request, 'redirects.manage', { edition: row.edition });
        await createRedirect(writerAs(ctx, staff.id), row);
      } catch (error) {
        if (error instanceof InputError)
          return renderList(request, reply, staff, { values, problems: error.problems }, 400);
        throw error;
      }
      return seeOther(reply, '/newsroom/redirects?done=created');
    });

    /** The redirect of a route's id, if this user may change it. */
    const editable = async (request: FastifyRequest<{ Params: { id: string } }>) => {
      requirePermission(request, 'redirects.manage');
      const redirect = await findRedirect(ctx.db, idOf(request.params.id));
      if (!redirect) throw new AppError('not_found', 'There is no such redirect.');
      const staff = requirePermission(request, 'redirects.manage', { edition: redirect.edition ?? undefined });
      return { staff, redirect };
    };

    app.get<{ Params: { id: string } }>('/redirects/:id', async (request, reply) => {
      const { staff, redirect } = await editable(request);
      const page = (
        <RedirectPage
          page={await newsroomPage(ctx, request)}
          redirect={redirect}
          values={{ fromPath: redirect.fromPath, toPath: redirect.toPath }}
          mayLinkOut={staff.role === 'admin'}
        />
      );
      return sendHtml(reply, page);
    });

    app.post<{ Params: { id: string } }>('/redirects/:id', async (request, reply) => {
      const { staff, redirect } = await editable(request);
      const values = { fromPath: field(request.body, 'fromPath'), toPath: field(request.body, 'toPath') };
      try {
        const row = await checkRedirect(ctx.db, values, rulesFor(staff), redirect.id);
        if (row.edition !== null) requirePermission(request, 'redirects.manage', { edition: row.edition });
        const saved = await updateRedirect(writerAs(ctx, staff.id), redirect.id, row);
        return seeOther(reply, `/newsroom/redirects?done=${saved ? 'saved' : 'gone'}`);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const page = (
          <RedirectPage
            page={await newsroomPage(ctx, request)}
            redirect={redirect}
            values={values}
            problems={error.problems}
            mayLinkOut={staff.role === 'admin'}
          />
        );
        return sendHtml(reply, page, 400);
      }
    });

    app.post<{ Params: { id: string } }>('/redirects/:id/delete', async (request, reply) => {
      const { staff, redirect } = await editable(request);
      const deleted = await deleteRedirect(writerAs(ctx, staff.id), redirect.id);
      return seeOther(reply, `/newsroom/redirects?done=${deleted ? 'deleted' : 'gone'}`);
    });
  };
}
