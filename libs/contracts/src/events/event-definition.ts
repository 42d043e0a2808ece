import type { TopicName } from '../topics';

export type PayloadClass<P extends object> = new () => P;

/**
 * One event type at one major version: its CloudEvents type, the topic it travels on, the
 * class-validator class describing its payload, and how to find the aggregate id (the record key).
 */
export interface EventDefinition<P extends object = object> {
  readonly type: string;
  readonly topic: TopicName;
  readonly payload: PayloadClass<P>;
  /** Aggregate id: the Kafka record key and the CloudEvents subject. */
  readonly subjectOf: (payload: P) => string;
  /** When it fires and who emits it. */
  readonly description: string;
}

export function defineEvent<P extends object>(definition: EventDefinition<P>): EventDefinition<P> {
  return Object.freeze(definition);
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;
