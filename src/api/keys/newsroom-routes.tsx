// /newsroom/api-keys: administrators make a key for a newsroom account (shown once, on the
// answer to the form: it is never stored, so never shown again) and revoke keys.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
import { writerAs } from '../../accounts/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { doneNotice, newsroomPage, requirePermission, seeOther, sendHtml } from '../../newsroom/index.ts';
import { createApiKey, revokeApiKey } from './commands.ts';
import { keyHolders, listApiKeys } from './queries.ts';
import { ApiKeysPage, type KeyFormValues } from './views.tsx';

export const API_KEYS_PATH = '/newsroom/api-keys';

const NOTICES = { revoked: 'apiKeys.revoked' } as const;

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function list(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export const apiKeyNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Omit<Parameters<typeof ApiKeysPage>[0], 'page' | 'keys' | 'holders' | 'timeZone'> = {},
    status = 200,
  ) =>
    sendHtml(
      reply,
      <ApiKeysPage
        page={await newsroomPage(ctx, request)}
        keys={await listApiKeys(ctx.db)}
        holders={await keyHolders(ctx.db)}
        timeZone={ctx.settings.timezone}
        {...extra}
      />,
      status,
    );

  app.get('/api-keys', async (request, reply) => {
    requirePermission(request, 'apikeys.manage');
    return render(request, reply, { notice: doneNotice(NOTICES, (request.query as { done?: unknown }).done) });
  });

  app.post('/api-keys', async (request, reply) => {
    const staff = requirePermission(request, 'apikeys.manage');
    const values: KeyFormValues = {
      name: field(request.body, 'name'),
      userId: field(request.body, 'userId'),
      scopes: list(request.body, 'scopes'),
    };
    try {
      const made = await createApiKey(writerAs(ctx, staff.id), {
        name: values.name,
        userId: /^[1-9][0-9]{0,9}$/.test(values.userId) ? Number(values.userId) : 0,
        scopes: values.scopes as never,
      });
      // Shown on this answer only (201, never stored by anyone: the newsroom answers no-store).
      return render(request, reply, { newKey: { name: values.name.trim(), key: made.key } }, 201);
    } catch (error) {
      if (error instanceof InputError) return render(request, reply, { values, problems: error.problems }, 400);
      throw error;
    }
  });

  app.post<{ Params: { id: string } }>('/api-keys/:id/revoke', async (request, reply) => {
    const staff = requirePermission(request, 'apikeys.manage');
    const id = Number(request.params.id);
    const valid = /^[1-9][0-9]{0,9}$/.test(request.params.id) && id < 2 ** 31;
    if (!valid || !(await revokeApiKey(writerAs(ctx, staff.id), id))) {
      throw new AppError('not_found', 'There is no such key in use.');
    }
    return seeOther(reply, `${API_KEYS_PATH}?done=revoked`);
  });
};
