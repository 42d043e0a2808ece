/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as
 * `ce_`-prefixed record headers and the record value is the payload (JSON). Extension attribute
 * names follow the CloudEvents rule (lowercase letters and digits only).
 */
export const CloudEventHeader = {
  SpecVersion: 'ce_specversion',
  Id: 'ce_id',
  Type: 'ce_type',
  Source: 'ce_source',
  Time: 'ce_time',
  Subject: 'ce_subject',
  CorrelationId: 'ce_correlationid',
  CausationId: 'ce_causationid',
  /** W3C trace context, carried as the CloudEvents distributed-tracing extension. */
  TraceParent: 'ce_traceparent',
  ContentType: 'content-type',
} as const;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/** Headers added to a record when it is dead-lettered, saying where it came from and why. */
export const DeadLetterHeader = {
  Reason: 'dlq_reason',
  ErrorKind: 'dlq_error_kind',
  OriginalTopic: 'dlq_original_topic',
  OriginalPartition: 'dlq_original_partition',
  OriginalOffset: 'dlq_original_offset',
  Attempts: 'dlq_attempts',
  ConsumerGroup: 'dlq_consumer_group',
  FailedAt: 'dlq_failed_at',
} as const;
