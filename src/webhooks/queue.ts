// The delivery queue: events become rows of webhook_deliveries (once per site, by an event
// consumer, in the consumer's transaction: exactly once per event and hook), and the sender
// takes due rows by a claim that expires, so two processes never send one row at once and a
// process that dies mid-send leaves it to be retried.
import { sql, type Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database, WebhookDeliveryStatus } from '../core/db/schema.ts';
import type { EventOf } from '../core/events/index.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, type HookEvent } from './model.ts';
import { bodyFor } from './payloads.ts';

type Db = Kysely<Database>;

/** How long a claimed delivery is left alone before another process may try it. */
const CLAIM_MS = 60_000;

/** Queues one event for every active hook that asked for its type (inside the consumer's transaction). */
export async function queueEvent(trx: Db, event: EventOf<HookEvent>): Promise<number> {
  const hooks = await trx.selectFrom('webhooks').select(['id', 'events']).where('is_active', '=', 1).execute();
  const wanting = hooks.filter((h) => h.events.split(' ').includes(event.type));
  if (wanting.length === 0) return 0;
  const queued = await bodyFor(trx, event);
  if (!queued) return 0;
  const now = toDbTime(event.createdAt);
  await trx
    .insertInto('webhook_deliveries')
    .values(
      wanting.map((h) => ({
        webhook_id: h.id,
        event_id: event.id,
        event_type: event.type,
        body: queued.body,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: toDbTime(queued.notBefore),
        claimed_until: null,
        created_at: now,
      })),
    )
    // A batch redelivered after a crash queues nothing twice.
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
    .execute();
  return wanting.length;
}

/** A delivery the sender has claimed, with its hook's address and secret. */
export interface ClaimedDelivery {
  readonly id: number;
  readonly webhookId: number;
  readonly eventType: string;
  readonly body: string;
  readonly attempts: number;
  readonly url: string;
  readonly secret: string;
  readonly claimedUntil: string;
}

/** Claims up to `limit` due deliveries of active hooks, oldest first. */
export async function claimDue(db: Db, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const due = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.claimed_until'])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', toDbTime(now))
    .where('webhooks.is_active', '=', 1)
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(limit * 2)
    .execute();
  const claimedUntil = toDbTime(new Date(now.getTime() + CLAIM_MS));
  const claimed: number[] = [];
  for (const row of due) {
    if (claimed.length >= limit) break;
    if (row.claimed_until !== null && toDate(row.claimed_until) > now) continue;
    // One conditional UPDATE per row: whoever changes the claim first has it.
    const result = await db
      .updateTable('webhook_deliveries')
      .set({ claimed_until: claimedUntil })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where((eb) =>
        row.claimed_until === null
          ? eb('claimed_until', 'is', null)
          : eb('claimed_until', '=', row.claimed_until as string),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push(row.id);
  }
  if (claimed.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.webhook_id',
      'webhook_deliveries.event_type',
      'webhook_deliveries.body',
      'webhook_deliveries.attempts',
      'webhooks.url',
      'webhooks.secret',
    ])
    .where('webhook_deliveries.id', 'in', claimed)
    .orderBy('webhook_deliveries.next_attempt_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.webhook_id,
    eventType: r.event_type,
    body: r.body,
    attempts: r.attempts,
    url: r.url,
    secret: r.secret,
    claimedUntil,
  }));
}

/** What one attempt came to. */
export interface AttemptResult {
  readonly ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  readonly status: number | null;
  /** Why it failed, in a line (no response body: the receiver's text is not ours to keep). */
  readonly error: string | null;
}

/** Records an attempt: delivered, retried later with backoff, or given up after the last one. */
export async function recordAttempt(
  db: Db,
  delivery: ClaimedDelivery,
  result: AttemptResult,
  now: Date,
): Promise<void> {
  const attempts = delivery.attempts + 1;
  const giveUp = !result.ok && attempts >= MAX_ATTEMPTS;
  const status: WebhookDeliveryStatus = result.ok ? 'delivered' : giveUp ? 'failed' : 'pending';
  const delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
  await db
    .updateTable('webhook_deliveries')
    .set({
      status,
      attempts,
      last_status: result.status,
      last_error: result.error === null ? null : result.error.slice(0, 300),
      next_attempt_at: toDbTime(status === 'pending' ? new Date(now.getTime() + delay) : now),
      claimed_until: null,
      finished_at: status === 'pending' ? null : toDbTime(now),
    })
    .where('id', '=', delivery.id)
    .where('claimed_until', '=', delivery.claimedUntil)
    .execute();
}

/** Marks a claimed delivery skipped: what it told of is no longer true (an unpublished episode). */
export async function skipDelivery(db: Db, delivery: ClaimedDelivery, now: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'skipped', claimed_until: null, finished_at: toDbTime(now) })
    .where('id', '=', delivery.id)
    .execute();
}

/** How long the log keeps finished deliveries. */
export const LOG_DAYS = 30;

/** Deletes finished deliveries older than the log keeps; returns how many. */
export async function pruneLog(db: Db, now: Date): Promise<number> {
  const before = toDbTime(new Date(now.getTime() - LOG_DAYS * 86_400_000));
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', '<>', 'pending')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Puts a delivery back in the queue now (the newsroom's "send again"); false when there is none. */
export async function redeliver(db: Db, deliveryId: number, webhookId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: toDbTime(now),
      claimed_until: null,
      finished_at: null,
      attempts: sql`0`,
    })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .where('status', '<>', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
