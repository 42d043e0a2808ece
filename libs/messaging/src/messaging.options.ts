import type { KafkaSecurity } from './kafka/kafka-connection';

/** Settings of the messaging lib for one service instance. */
export interface MessagingOptions {
  readonly brokers: readonly string[];
  /** Kafka client id; also the prefix of this instance's logs. */
  readonly clientId: string;
  /** TLS and SASL for a secured cluster; plaintext when absent. */
  readonly security?: KafkaSecurity;
  /** Service name; events carry `ce_source: /bridges/<serviceName>`. */
  readonly serviceName: string;
  /** Consumer group shared by every instance of the service (explicit: never derived by the client). */
  readonly consumerGroupId: string;
  /** Prepended to every wire topic name; empty in production, unique per test file. */
  readonly topicPrefix?: string;
  readonly relay?: Partial<OutboxRelayOptions>;
  readonly consumer?: Partial<EventConsumerOptions>;
}

export interface OutboxRelayOptions {
  /** Start the relay loop with the application (tests drive it by hand when false). */
  readonly enabled: boolean;
  readonly batchSize: number;
  /** Safety-net poll when no NOTIFY arrives (a NOTIFY wakes the relay at once on every commit). */
  readonly pollIntervalMs: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export interface EventConsumerOptions {
  /** Attempts (first try included) before a failing message goes to its DLQ. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Partitions handled in parallel, so one slow partition does not stall the others. */
  readonly partitionsConsumedConcurrently: number;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Only for a brand-new group: read topics from the beginning (true) or only new records. */
  readonly fromBeginning: boolean;
  /** Safety-net retry of parked events (they resume at once when their dependency is reported arrived). */
  readonly parkedRetryIntervalMs: number;
  /** An event parked longer than this is overdue: a warning in the log (alert on the metric likewise). */
  readonly parkedAlertAfterMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  enabled: true,
  batchSize: 500,
  pollIntervalMs: 1000,
  initialBackoffMs: 200,
  maxBackoffMs: 10_000,
};

export const DEFAULT_CONSUMER_OPTIONS: EventConsumerOptions = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 15_000,
  partitionsConsumedConcurrently: 3,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  fromBeginning: true,
  parkedRetryIntervalMs: 30_000,
  parkedAlertAfterMs: 15 * 60_000,
};

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
