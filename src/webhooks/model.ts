// What a webhook is told of, and how a hook row reads.
import { toBool, toDate } from '../core/db/dialect.ts';
import type { Selectable } from 'kysely';
import type { WebhooksTable } from '../core/db/schema.ts';

/**
 * The events a hook can ask for: the ones other systems act on (an app's push notification, a
 * partner's feed, the radio automation). Names are the domain events' own.
 */
export const HOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'episode.published',
  'banner.raised',
] as const;

export type HookEvent = (typeof HOOK_EVENTS)[number];

export function isHookEvent(value: string): value is HookEvent {
  return (HOOK_EVENTS as readonly string[]).includes(value);
}

/** A registered hook, as the newsroom and the sender use it. */
export interface Webhook {
  readonly id: number;
  readonly url: string;
  readonly description: string;
  readonly events: readonly HookEvent[];
  readonly secret: string;
  readonly isActive: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function toWebhook(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events.split(' ').filter(isHookEvent),
    secret: row.secret,
    isActive: toBool(row.is_active),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** How long a delivery waits before each retry: 30 s, 2 min, 10 min, 1 h, 6 h, 24 h; then given up. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 86_400_000] as const;

/** The most attempts a delivery gets (the first one and every retry). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
