// The event bus. A command records its events in the outbox inside its own transaction; after
// the commit they are delivered in outbox order to two kinds of subscriber:
// - listeners (`on`) run in EVERY app process: in-memory effects such as the page cache purge;
// - consumers (`consume`) run ONCE per site, inside a transaction that also moves the consumer's
//   cursor, so their writes (the search index) happen exactly once even with many processes or
//   after a crash between commit and delivery.
// Other processes learn of new events through PostgreSQL's LISTEN/NOTIFY, and by polling the
// outbox (the only way on SQLite, and a safety net on PostgreSQL).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { engineOf, forUpdate, lockKey, toDate, toDbTime } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { AnyStoredEvent, DomainEvents, EventName, EventOf } from './types.ts';

type Db = Kysely<Database>;

/** A listener: runs in every process, after the commit. Failures are logged, never thrown. */
export type Listener<K extends EventName> = (event: EventOf<K>) => void | Promise<void>;
/** A consumer: runs once per site, in a transaction with its cursor; `trx` is the only handle to use. */
export type Consumer<K extends EventName> = (trx: Db, event: EventOf<K>) => Promise<void>;
/** A consumer given each delivery batch's events of its types at once, in order (to do each thing once per batch). */
export type BatchConsumer<K extends EventName> = (trx: Db, events: readonly EventOf<K>[]) => Promise<void>;

/** Where the bus reports failures (a pino/Fastify logger fits). */
export interface EventLog {
  error(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface EventBusOptions {
  log: EventLog;
  now?: () => Date;
  /**
   * LISTEN support of the database (PostgreSQL); without it the bus only polls. (Every bus on
   * PostgreSQL NOTIFYs after a commit, listening or not: a CLI run must wake the app processes.)
   */
  listen?: (channel: string, onNotify: () => void, onError: (error: Error) => void) => Promise<() => Promise<void>>;
  /** How often the outbox is polled for other processes' events (default 1 s on SQLite, 5 s with LISTEN). */
  pollMs?: number;
  /**
   * Events read from the outbox per query, and so handled per consumer transaction (default
   * 100). A site's processes keep the default: each batch holds the database's write lock, and
   * on SQLite the process's event loop too. A bulk writer that shares the database with no site
   * (the benchmark's archive build) may take more, for fewer and larger commits.
   */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 100;

interface ConsumerEntry {
  readonly name: string;
  readonly types: ReadonlySet<string>;
  readonly handle: BatchConsumer<any>;
}

/** One process's end of the event system. */
export class EventBus {
  private readonly listeners = new Map<string, Listener<any>[]>();
  private readonly consumers: ConsumerEntry[] = [];
  /** Id of the last event this process's listeners have seen; undefined until `start`. */
  private cursor: number | undefined;
  private isStarted = false;
  private isClosed = false;
  private running: Promise<void> | undefined;
  private isRerunWanted = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private channel: Promise<string> | undefined;
  private handled: { readonly createdAt: Date; readonly handledAt: Date } | undefined;

  private readonly batchSize: number;

  constructor(
    private readonly db: Db,
    private readonly options: EventBusOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1)
      throw new Error(`batchSize must be a whole number of events, at least 1 (got ${options.batchSize})`);
  }

  /** Records an event in the outbox, in the caller's transaction; delivered after the commit. */
  async record<K extends EventName>(
    trx: Db,
    type: K,
    payload: DomainEvents[K],
    actorId: number | null = null,
  ): Promise<void> {
    // Transactions that record events take turns until they commit, so outbox ids become
    // visible in order and a reader's "after id N" never skips a slower transaction's event.
    // (SQLite has one writer at a time already.)
    await lockKey(trx, 'warta:outbox');
    await trx
      .insertInto('outbox_events')
      // The actor only when there is one: the column's default says "the system", and writes
      // without an actor keep working against a schema from before it (migration tests).
      .values({
        type,
        payload: JSON.stringify(payload),
        created_at: toDbTime(this.now()),
        ...(actorId === null ? {} : { actor_id: actorId }),
      })
      .execute();
  }

  /** Runs `listener` in this process for each event of these types (from now on). */
  on<K extends EventName>(types: K | readonly K[], listener: Listener<K>): void {
    for (const type of typeof types === 'string' ? [types] : types) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
  }

  /**
   * Runs `handle` once per site for each event of these types, in order, from the oldest event
   * still in the outbox that this consumer has not handled. A failure rolls back the batch and
   * is retried at the next delivery; the name must stay stable (it keys the stored cursor).
   */
  consume<K extends EventName>(name: string, types: readonly K[], handle: Consumer<K>): void {
    this.consumeBatches(name, types, async (trx, events) => {
      for (const event of events) await handle(trx, event);
    });
  }

  /** As `consume`, with all of a batch's events (of these types, at least one) in one call. */
  consumeBatches<K extends EventName>(name: string, types: readonly K[], handle: BatchConsumer<K>): void {
    if (this.consumers.some((c) => c.name === name)) throw new Error(`event consumer "${name}" exists already`);
    this.consumers.push({ name, types: new Set(types), handle });
  }

  /** The names of the registered consumers (the outbox keeps what any of them still needs). */
  consumerNames(): string[] {
    return this.consumers.map((c) => c.name);
  }

  /**
   * Deletes outbox events older than `before` that every registered consumer has handled;
   * returns how many. Listeners need nothing old: they start from the newest event.
   */
  async prune(before: Date): Promise<number> {
    const cursors = await this.db
      .selectFrom('event_cursors')
      .select(['consumer', 'last_id'])
      .where('consumer', 'in', this.consumers.length ? this.consumerNames() : [''])
      .execute();
    // A consumer without a cursor has handled nothing yet: keep everything for it.
    if (cursors.length < this.consumers.length) return 0;
    const handled = Math.min(Number.MAX_SAFE_INTEGER, ...cursors.map((c) => Number(c.last_id)));
    const result = await this.db
      .deleteFrom('outbox_events')
      .where('id', '<=', handled)
      .where('created_at', '<', toDbTime(before))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Starts delivering: listeners see events committed after this call; consumers catch up on
   * what they missed. Listens for NOTIFY where the database can, and polls the outbox.
   */
  async start(): Promise<void> {
    if (this.isStarted) return;
    this.isStarted = true;
    const last = await this.db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    this.cursor = Number(last?.id ?? 0);
    if (this.options.listen) {
      this.stopListening = await this.options.listen(
        await this.notifyChannel(),
        () => this.deliverSoon(),
        (error) => this.options.log.error({ err: error }, 'event notifications lost; reconnecting'),
      );
    }
    const pollMs = this.options.pollMs ?? (this.options.listen ? 5000 : 1000);
    this.pollTimer = setInterval(() => this.deliverSoon(), pollMs);
    this.pollTimer.unref();
    await this.deliver();
  }

  /**
   * Call after committing a transaction that recorded events: tells other processes, then
   * delivers here before returning, so the writer sees its own change in the index and caches.
   */
  async afterCommit(): Promise<void> {
    if (engineOf(this.db) === 'postgres') {
      try {
        await sql`select pg_notify(${await this.notifyChannel()}, '')`.execute(this.db);
      } catch (error) {
        this.options.log.error({ err: error }, 'event notification failed; other processes will poll');
      }
    }
    // The transaction has committed: a failure here must not make the caller think it did not
    // (and write again). The events stay in the outbox for the next delivery.
    await this.deliver().catch((error: unknown) => {
      this.options.log.error({ err: error }, 'event delivery failed; will retry');
    });
  }

  /** Delivers every committed event not yet delivered; concurrent calls share one run. */
  deliver(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    if (this.running) {
      this.isRerunWanted = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.isRerunWanted = false;
          await this.runConsumers();
          // Not before `start`: listeners see only what is committed from then on, never the archive.
          if (this.cursor !== undefined) await this.runListeners();
        } while (this.isRerunWanted && !this.isClosed);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** The newest event this process's listeners have seen, and when it arrived (the metrics' event lag). */
  get lastHandled(): { readonly createdAt: Date; readonly handledAt: Date } | undefined {
    return this.handled;
  }

  /** Stops listening and polling, after the delivery in progress. */
  async close(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    // Closed first: under a stream of notifications the loop in `deliver` would go on, and so would the wait.
    this.isClosed = true;
    await this.running?.catch(() => undefined);
    await this.stopListening?.();
  }

  private deliverSoon(): void {
    this.deliver().catch((error: unknown) => this.options.log.error({ err: error }, 'event delivery failed'));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The NOTIFY channel of this database schema (PostgreSQL), so schemas sharing a server keep apart. */
  private async notifyChannel(): Promise<string> {
    this.channel ??= sql<{ schema: string }>`select current_schema() as schema`
      .execute(this.db)
      .then(({ rows }) => channelFor(rows[0]?.schema ?? 'public'));
    try {
      return await this.channel;
    } catch (error) {
      this.channel = undefined; // ask again next time
      throw error;
    }
  }

  private async runListeners(): Promise<void> {
    for (;;) {
      const events = await this.readAfter(this.db, this.cursor ?? 0);
      for (const event of events) {
        this.cursor = event.id;
        this.handled = { createdAt: event.createdAt, handledAt: new Date() };
        for (const listener of this.listeners.get(event.type) ?? []) {
          try {
            await listener(event);
          } catch (error) {
            this.options.log.error({ err: error, eventId: event.id, type: event.type }, 'event listener failed');
          }
        }
      }
      if (events.length < this.batchSize) return;
    }
  }

  private async runConsumers(): Promise<void> {
    if (this.consumers.length === 0) return;
    // Polling is frequent and mostly finds nothing: look without a transaction (which on SQLite
    // takes the write lock) and open one only for a consumer that is behind.
    const [newest, cursors] = await Promise.all([
      this.db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst(),
      this.db.selectFrom('event_cursors').select(['consumer', 'last_id']).execute(),
    ]);
    const newestId = Number(newest?.id ?? 0);
    const at = new Map(cursors.map((c) => [c.consumer, Number(c.last_id)]));
    for (const consumer of this.consumers) {
      if ((at.get(consumer.name) ?? -1) >= newestId) continue;
      try {
        while (await this.runConsumerBatch(consumer));
      } catch (error) {
        // The batch rolled back with its cursor; the next delivery retries it.
        this.options.log.error({ err: error, consumer: consumer.name }, 'event consumer failed; will retry');
      }
    }
  }

  /** Handles one batch under the consumer's row lock; true when there may be more. */
  private async runConsumerBatch(consumer: ConsumerEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const now = toDbTime(this.now());
      await trx
        .insertInto('event_cursors')
        .values({ consumer: consumer.name, last_id: 0, updated_at: now })
        .onConflict((oc) => oc.column('consumer').doNothing())
        .execute();
      // The lock that makes a consumer run in one process at a time: FOR UPDATE on PostgreSQL;
      // on SQLite, the write above already made this transaction the one writer.
      const row = await forUpdate(
        trx,
        trx.selectFrom('event_cursors').select('last_id').where('consumer', '=', consumer.name),
      ).executeTakeFirstOrThrow();
      // Everything up to the newest visible id is committed (record() takes turns), so a
      // consumer may move past the events of other types up to it without reading them: one
      // that follows a rare event (a report's e-mail notice) catches up on a long outbox (an
      // import's 100,000 stories, recorded by the CLI) in one query, not a batch per 100 rows.
      const newest = await trx
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      const events = await this.readAfter(trx, Number(row.last_id), [...consumer.types]);
      if (events.length > 0) await consumer.handle(trx, events);
      const isFull = events.length === this.batchSize;
      // Not full: every event of its types up to the newest was read (on PostgreSQL the read may
      // see events committed after `newest` was taken; the last one read bounds those).
      const lastRead = events.at(-1)?.id ?? 0;
      const upTo = isFull ? lastRead : Math.max(Number(row.last_id), Number(newest?.id ?? 0), lastRead);
      if (upTo > Number(row.last_id)) {
        await trx
          .updateTable('event_cursors')
          .set({ last_id: upTo, updated_at: now })
          .where('consumer', '=', consumer.name)
          .execute();
      }
      return isFull;
    });
  }

  /** The next events after an id, oldest first; of these types only, when given. */
  private async readAfter(db: Db, afterId: number, types?: readonly string[]): Promise<AnyStoredEvent[]> {
    const rows = await db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '>', afterId)
      .$if(types !== undefined, (q) => q.where('type', 'in', types!))
      .orderBy('id')
      .limit(this.batchSize)
      .execute();
    return rows.map(
      (r) =>
        ({
          id: Number(r.id),
          type: r.type,
          payload: JSON.parse(r.payload) as unknown,
          actorId: r.actor_id === null ? null : Number(r.actor_id),
          createdAt: toDate(r.created_at),
        }) as AnyStoredEvent,
    );
  }
}

/**
 * `warta_events_<schema>`; a schema name too long for PostgreSQL's 63-byte identifiers is
 * replaced by a hash of it, so every schema still gets a channel of its own.
 */
export function channelFor(schema: string): string {
  const channel = `warta_events_${schema}`;
  if (Buffer.byteLength(channel) <= 63) return channel;
  return `warta_events_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}
