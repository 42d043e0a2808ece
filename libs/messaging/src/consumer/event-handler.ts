import type { EventContext } from './event-context';

/** A service's handler of one event type, as the transport hands it to the processor. */
export type EventHandlerFn = (payload: object, context: EventContext) => Promise<void>;

/** Finds the handler of an event type; undefined when this service does not handle it. */
export type HandlerLookup = (eventType: string) => EventHandlerFn | undefined;
