// /newsroom/webhooks: administrators add, change, switch off and remove hooks, read and rotate a
// hook's signing secret, read its delivery log and send a delivery again. Bad input shows the
// form again with every problem and saves nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { writerAs } from '../../accounts/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { doneNotice, newsroomPage, requirePermission, seeOther, sendHtml } from '../../newsroom/index.ts';
import { hostOf, type DestinationRules } from '../address-guard.ts';
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook, type WebhookInput } from '../commands.ts';
import { findWebhook, listWebhooks, recentDeliveries } from '../queries.ts';
import { redeliver } from '../queue.ts';
import { WebhookPage, WebhooksPage, type WebhookFormValues } from './views.tsx';

export const WEBHOOKS_PATH = '/newsroom/webhooks';

/** How many deliveries a hook's page lists. */
const LOG_LENGTH = 50;

const NOTICES = {
  created: 'webhooks.created',
  saved: 'webhooks.saved',
  rotated: 'webhooks.rotated',
  deleted: 'webhooks.deleted',
  requeued: 'webhooks.requeued',
} as const;

function text(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A checkbox group's values (one box: a string; several: an array; none: absent). */
function list(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function formValues(body: unknown): WebhookFormValues & WebhookInput {
  return {
    url: text(body, 'url'),
    description: text(body, 'description'),
    events: list(body, 'events'),
    active: text(body, 'active') === '1',
  };
}

function rulesOf(ctx: AppContext): DestinationRules {
  return { allowPrivate: ctx.config.webhooksAllowPrivate, ownHosts: [hostOf(new URL(ctx.config.baseUrl))] };
}

/** A positive id from the path, or a 404. */
function idOf(raw: string): number {
  const id = Number(raw);
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || id >= 2 ** 31) throw new AppError('not_found', 'There is no such webhook.');
  return id;
}

export const webhookRoutes: DomainRoutes = async (app, { ctx }) => {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: WebhookFormValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const hooks = await listWebhooks(ctx.db);
    const withLast = await Promise.all(
      hooks.map(async (hook) => ({ ...hook, last: (await recentDeliveries(ctx.db, hook.id, 1))[0] })),
    );
    return sendHtml(
      reply,
      <WebhooksPage
        page={await newsroomPage(ctx, request)}
        hooks={withLast}
        timeZone={ctx.settings.timezone}
        allowPrivate={ctx.config.webhooksAllowPrivate}
        {...extra}
      />,
      status,
    );
  };

  const renderOne = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { values?: WebhookFormValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const hook = await findWebhook(ctx.db, id);
    if (!hook) throw new AppError('not_found', 'There is no such webhook.');
    return sendHtml(
      reply,
      <WebhookPage
        page={await newsroomPage(ctx, request)}
        hook={hook}
        log={await recentDeliveries(ctx.db, id, LOG_LENGTH)}
        timeZone={ctx.settings.timezone}
        allowPrivate={ctx.config.webhooksAllowPrivate}
        {...extra}
      />,
      status,
    );
  };

  const notice = (request: FastifyRequest) => doneNotice(NOTICES, (request.query as { done?: unknown }).done);

  app.get('/webhooks', async (request, reply) => {
    requirePermission(request, 'webhooks.manage');
    return renderList(request, reply, { notice: notice(request) });
  });

  app.post('/webhooks', async (request, reply) => {
    const staff = requirePermission(request, 'webhooks.manage');
    const values = formValues(request.body);
    try {
      const hook = await createWebhook(writerAs(ctx, staff.id), values, rulesOf(ctx));
      return seeOther(reply, `${WEBHOOKS_PATH}/${hook.id}?done=created`);
    } catch (error) {
      if (error instanceof InputError) return renderList(request, reply, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) => {
    requirePermission(request, 'webhooks.manage');
    return renderOne(request, reply, idOf(request.params.id), { notice: notice(request) });
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) => {
    const staff = requirePermission(request, 'webhooks.manage');
    const id = idOf(request.params.id);
    const values = formValues(request.body);
    try {
      if (!(await updateWebhook(writerAs(ctx, staff.id), id, values, rulesOf(ctx)))) {
        throw new AppError('not_found', 'There is no such webhook.');
      }
    } catch (error) {
      if (error instanceof InputError) return renderOne(request, reply, id, { values, problems: error.problems }, 400);
      throw error;
    }
    return seeOther(reply, `${WEBHOOKS_PATH}/${id}?done=saved`);
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id/rotate', async (request, reply) => {
    const staff = requirePermission(request, 'webhooks.manage');
    const id = idOf(request.params.id);
    if ((await rotateWebhookSecret(writerAs(ctx, staff.id), id)) === undefined) {
      throw new AppError('not_found', 'There is no such webhook.');
    }
    return seeOther(reply, `${WEBHOOKS_PATH}/${id}?done=rotated`);
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id/delete', async (request, reply) => {
    const staff = requirePermission(request, 'webhooks.manage');
    if (!(await deleteWebhook(writerAs(ctx, staff.id), idOf(request.params.id)))) {
      throw new AppError('not_found', 'There is no such webhook.');
    }
    return seeOther(reply, `${WEBHOOKS_PATH}?done=deleted`);
  });

  app.post<{ Params: { id: string; delivery: string } }>(
    '/webhooks/:id/deliveries/:delivery/redeliver',
    async (request, reply) => {
      requirePermission(request, 'webhooks.manage');
      const id = idOf(request.params.id);
      if (!(await redeliver(ctx.db, idOf(request.params.delivery), id, ctx.now()))) {
        throw new AppError('not_found', 'There is no such finished delivery.');
      }
      return seeOther(reply, `${WEBHOOKS_PATH}/${id}?done=requeued`);
    },
  );
};
