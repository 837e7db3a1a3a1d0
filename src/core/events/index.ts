// Domain events: the typed catalogue, the bus, and the write helper every command uses.
export { EventBus, type Consumer, type EventBusOptions, type EventLog, type Listener } from './bus.ts';
export type { AnyStoredEvent, DomainEvents, EventName, EventOf, StoredEvent } from './types.ts';
export { runCommand, type Emit, type WriteContext } from './command.ts';
