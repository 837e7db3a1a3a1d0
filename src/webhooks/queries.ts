// Reading hooks and their delivery log for the newsroom.
import type { Kysely } from 'kysely';
import { toDate, toDateOrNull } from '../core/db/dialect.ts';
import type { Database, WebhookDeliveryStatus } from '../core/db/schema.ts';
import { toWebhook, type Webhook } from './model.ts';

type Db = Kysely<Database>;

/** Every hook, oldest first (a site has a handful). */
export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function findWebhook(db: Db, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

/** A line of a hook's delivery log. */
export interface DeliveryLine {
  readonly id: number;
  readonly eventType: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date;
  readonly finishedAt: Date | null;
}

/** A hook's newest deliveries, newest first. */
export async function recentDeliveries(db: Db, webhookId: number, limit: number): Promise<DeliveryLine[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'event_type',
      'status',
      'attempts',
      'last_status',
      'last_error',
      'created_at',
      'next_attempt_at',
      'finished_at',
    ])
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: toDate(r.created_at),
    nextAttemptAt: toDate(r.next_attempt_at),
    finishedAt: toDateOrNull(r.finished_at),
  }));
}
