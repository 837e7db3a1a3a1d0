// The integrity officers' inbox in the newsroom (/newsroom/integrity/reports): the list of
// reports, a report's page, its evidence downloads, and the forms that reply, note, change the
// status and assign. Integrity officers and admins only ('integrity.inbox'). Each opening and
// change goes through the reporting core, which records an event with the officer as its actor;
// the audit log follows those events.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { createTranslator } from '../../i18n/index.ts';
import {
  doneNotice,
  editionChoice,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
} from '../../newsroom/index.ts';
import { attachmentHeader } from '../documents/files.ts';
import {
  addNote,
  assignReport,
  listInbox,
  openAttachment,
  openReport,
  replyToReporter,
  ReportClosedError,
  ReportInputError,
  setStatus,
} from '../reports/index.ts';
import { reportVault } from '../vault.ts';
import { listAssignees, staffNames } from './officers.ts';
import { isPublicId, readInboxParams, reportPath } from './paths.ts';
import { InboxPage } from './views/inbox-page.tsx';
import type { FormName, FormState } from './views/report-forms.tsx';
import { ReportPage } from './views/report-page.tsx';

const ACTION = 'integrity.inbox';
/** Reports a page of the list shows. */
const PAGE_SIZE = 50;

/** The notice after each form, by `?done=`. */
const DONE: Readonly<Record<string, NewsroomKey>> = {
  replied: 'inbox.done.replied',
  noted: 'inbox.done.noted',
  moved: 'inbox.done.moved',
  assigned: 'inbox.done.assigned',
};

// The core's problems are message keys of the reader catalogs; the newsroom reads them in English.
const english = createTranslator('en', 'en');

type ReportRoute = { Params: { publicId: string }; Querystring: Record<string, unknown> };

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The report's public id from the address, or a 404 (nothing is looked up for a malformed one). */
function publicIdOf(request: FastifyRequest<{ Params: { publicId: string } }>): string {
  const { publicId } = request.params;
  if (!isPublicId(publicId)) throw new AppError('not_found', 'There is no such report.');
  return publicId;
}

/** The core's refusal as problems by field, in the newsroom's English. */
function problemsOf(error: ReportInputError): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(error.byField).map(([name, list]) => [name, list.map((p) => english(p.key, p.values ?? {}))]),
  );
}

export const inboxRoutes: DomainRoutes = async (app, { ctx }) => {
  const vault = reportVault(ctx);

  app.addHook('preHandler', async (request) => {
    requirePermission(request, ACTION);
  });
  // A report's address goes to no other site. Not 'no-referrer': with it a browser sends the
  // forms' posts with `Origin: null`, which the newsroom's same-origin check rightly refuses.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  /** The acting officer's writer: the core records each event with them as its actor. */
  const writerOf = (request: FastifyRequest) => writerAs(ctx, requirePermission(request, ACTION).id);

  app.get<{ Querystring: Record<string, unknown> }>('/integrity/reports', async (request, reply) => {
    const staff = requirePermission(request, ACTION);
    const params = readInboxParams(request.query);
    const assignedTo = params.assigned === 'me' ? staff.id : params.assigned === 'none' ? null : undefined;
    const { items, hasMore } = await listInbox(ctx.db, {
      kind: params.kind,
      status: params.status,
      assignedTo,
      page: params.page,
      pageSize: PAGE_SIZE,
    });
    const names = await staffNames(
      ctx.db,
      items.map((i) => i.assignedTo),
    );
    const rows = items.map((item) => ({
      item,
      editionName: editionChoice(ctx, item.edition).name,
      assigneeName: item.assignedTo === null ? null : (names.get(item.assignedTo) ?? t('inbox.someone')),
    }));
    return sendHtml(
      reply,
      <InboxPage
        page={await newsroomPage(ctx, request)}
        params={params}
        rows={rows}
        hasMore={hasMore}
        timeZone={ctx.settings.timezone}
      />,
    );
  });

  /** Opens the report (an audit entry) and renders its page, with a notice or a refused form. */
  const renderReport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    publicId: string,
    extra: { notice?: string; form?: FormState } = {},
    status = 200,
  ) => {
    const report = await openReport(writerOf(request), vault, publicId);
    if (!report) throw new AppError('not_found', 'There is no such report.');
    const [names, assignees] = await Promise.all([
      staffNames(ctx.db, [report.assignedTo, ...report.messages.map((m) => m.officerId)]),
      listAssignees(ctx.db),
    ]);
    return sendHtml(
      reply,
      <ReportPage
        page={await newsroomPage(ctx, request)}
        report={report}
        editionName={editionChoice(ctx, report.edition).name}
        names={names}
        assignees={assignees}
        timeZone={ctx.settings.timezone}
        {...extra}
      />,
      status,
    );
  };

  app.get<ReportRoute>('/integrity/reports/:publicId', async (request, reply) =>
    renderReport(request, reply, publicIdOf(request), { notice: doneNotice(DONE, request.query.done) }),
  );

  app.get<{ Params: { publicId: string; id: string } }>(
    '/integrity/reports/:publicId/attachments/:id',
    async (request, reply) => {
      const publicId = publicIdOf(request);
      const id = /^[1-9]\d{0,9}$/.test(request.params.id) ? Number(request.params.id) : undefined;
      const file = id === undefined ? undefined : await openAttachment(writerOf(request), vault, publicId, id);
      if (!file) throw new AppError('not_found', 'There is no such file.');
      return reply
        .header('content-type', file.type.mime)
        .header('content-disposition', attachmentHeader(file.name))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  /**
   * Runs a form's change and goes back to the report; a refusal shows the page again with the
   * form's problems beside its fields and what was typed (400; 409 for a closed report).
   */
  const handleForm = async (
    request: FastifyRequest<{ Params: { publicId: string } }>,
    reply: FastifyReply,
    name: FormName,
    values: Record<string, string>,
    change: (publicId: string) => Promise<void>,
    done: keyof typeof DONE,
  ) => {
    const publicId = publicIdOf(request);
    try {
      await change(publicId);
    } catch (error) {
      if (error instanceof ReportInputError)
        return renderReport(request, reply, publicId, { form: { name, values, problems: problemsOf(error) } }, 400);
      if (error instanceof ReportClosedError)
        return renderReport(
          request,
          reply,
          publicId,
          { form: { name, values, problems: { text: [t('inbox.reply.closed')] } } },
          409,
        );
      throw error;
    }
    return seeOther(reply, `${reportPath(publicId)}?done=${done}#main`);
  };

  app.post<ReportRoute>('/integrity/reports/:publicId/reply', async (request, reply) => {
    const text = field(request.body, 'text');
    return handleForm(
      request,
      reply,
      'reply',
      { text },
      (id) => replyToReporter(writerOf(request), vault, id, text),
      'replied',
    );
  });

  app.post<ReportRoute>('/integrity/reports/:publicId/note', async (request, reply) => {
    const text = field(request.body, 'text');
    return handleForm(request, reply, 'note', { text }, (id) => addNote(writerOf(request), vault, id, text), 'noted');
  });

  app.post<ReportRoute>('/integrity/reports/:publicId/move', async (request, reply) => {
    const values = { status: field(request.body, 'status'), reason: field(request.body, 'reason') };
    return handleForm(request, reply, 'move', values, (id) => setStatus(writerOf(request), vault, id, values), 'moved');
  });

  app.post<ReportRoute>('/integrity/reports/:publicId/assign', async (request, reply) => {
    const assignee = field(request.body, 'assignee').trim();
    return handleForm(
      request,
      reply,
      'assign',
      { assignee },
      async (id) => {
        if (assignee !== '' && !/^[1-9]\d{0,9}$/.test(assignee))
          throw new ReportInputError({ assignee: [{ key: 'integrity.report.problem.assignee' }] });
        await assignReport(writerOf(request), id, assignee === '' ? null : Number(assignee));
      },
      'assigned',
    );
  });
};
