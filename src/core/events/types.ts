// The typed catalogue of domain events. Each domain adds its own events to `DomainEvents` from
// its folder (declaration merging, see src/articles/events.ts), so core names no domain.

/**
 * Event name → payload. Payloads carry ids and codes only, never personal data: they are stored
 * in the outbox table and, later, sent to webhooks.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the domains
export interface DomainEvents {}

/** The name of a domain event, e.g. 'article.published'. */
export type EventName = keyof DomainEvents & string;

/** An event as subscribers receive it: committed, with its place in the outbox. */
export interface StoredEvent<K extends EventName = EventName> {
  /** Position in the outbox: events are delivered in this order. */
  readonly id: number;
  readonly type: K;
  readonly payload: DomainEvents[K];
  /** The newsroom user whose command recorded it; null for the system, the seed and the CLI. */
  readonly actorId: number | null;
  readonly createdAt: Date;
}

/** A stored event of one of these types, narrowed by its `type` (a discriminated union). */
export type EventOf<K extends EventName> = { [P in K]: StoredEvent<P> }[K];

/** Any stored event, narrowed by its `type`. */
export type AnyStoredEvent = EventOf<EventName>;
