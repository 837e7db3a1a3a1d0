// Webhooks as the app mounts them: the queue's consumer (once per site: each event of the kinds
// hooks can ask for becomes one delivery row per hook that wants it), the sender on the clock
// (once across all processes, every few seconds), the log's pruning, and the newsroom pages.
import type { Domain } from '../context.ts';
import type { EventOf } from '../core/events/index.ts';
import { HOOK_EVENTS, type HookEvent } from './model.ts';
import { webhookRoutes } from './newsroom/routes.tsx';
import { pruneLog, queueEvent } from './queue.ts';
import { sendDue } from './sender.ts';
import './events.ts';

/** How often the sender looks for due deliveries. */
const SEND_EVERY_MS = 5_000;

export const webhooksDomain: Domain = {
  name: 'webhooks',
  consumers(events) {
    events.consume('webhooks.queue', HOOK_EVENTS, async (trx, event) => {
      await queueEvent(trx, event as EventOf<HookEvent>);
    });
  },
  setup(ctx) {
    ctx.jobs.add({
      name: 'webhooks.send',
      everyMs: SEND_EVERY_MS,
      run: async () => {
        const sent = await sendDue(ctx.db, {
          allowPrivate: ctx.config.webhooksAllowPrivate,
          baseUrl: ctx.config.baseUrl,
          userAgent: `Warta-Webhooks/1 (+${ctx.config.baseUrl})`,
          now: () => ctx.now(),
        });
        return sent > 0 ? `${sent} webhook deliveries attempted` : undefined;
      },
    });
    ctx.jobs.add({
      name: 'webhooks.prune-log',
      everyMs: 6 * 3_600_000,
      run: async ({ now }) => {
        const pruned = await pruneLog(ctx.db, now);
        return pruned > 0 ? `${pruned} old webhook deliveries removed from the log` : undefined;
      },
    });
  },
  newsroomRoutes: webhookRoutes,
};
