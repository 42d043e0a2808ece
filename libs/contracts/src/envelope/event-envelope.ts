import { CLOUDEVENTS_SPEC_VERSION, CloudEventHeader, JSON_CONTENT_TYPE } from './cloud-event-headers';

/** Metadata that travels with every event, independent of its payload. */
export interface EventMetadata {
  /** Unique per event; consumers deduplicate on it. */
  readonly id: string;
  /** e.g. `registry.municipality.registered.v1`. */
  readonly type: string;
  /** URI-reference of the producing service, e.g. `/bridges/registry`. */
  readonly source: string;
  /** RFC 3339 timestamp of the state change. */
  readonly time: string;
  /** Aggregate id; equal to the record key. */
  readonly subject: string;
  /** Id shared by every event caused, directly or not, by one user action or inbound message. */
  readonly correlationId: string;
  /** Id of the event (or request) that directly caused this one. */
  readonly causationId?: string;
  readonly traceparent?: string;
}

export interface EventEnvelope<P = unknown> extends EventMetadata {
  readonly payload: P;
}

export type RecordHeaders = Record<string, string>;

/** Renders metadata as Kafka record headers (CloudEvents binary mode). */
export function toRecordHeaders(meta: EventMetadata): RecordHeaders {
  const headers: RecordHeaders = {
    [CloudEventHeader.SpecVersion]: CLOUDEVENTS_SPEC_VERSION,
    [CloudEventHeader.Id]: meta.id,
    [CloudEventHeader.Type]: meta.type,
    [CloudEventHeader.Source]: meta.source,
    [CloudEventHeader.Time]: meta.time,
    [CloudEventHeader.Subject]: meta.subject,
    [CloudEventHeader.CorrelationId]: meta.correlationId,
    [CloudEventHeader.ContentType]: JSON_CONTENT_TYPE,
  };
  if (meta.causationId) headers[CloudEventHeader.CausationId] = meta.causationId;
  if (meta.traceparent) headers[CloudEventHeader.TraceParent] = meta.traceparent;
  return headers;
}

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

/**
 * Reads metadata back from record headers. Throws an {@link EnvelopeError} naming every missing
 * or malformed attribute, so a dead-lettered record says exactly what its producer got wrong.
 */
export function fromRecordHeaders(headers: Readonly<Record<string, string | undefined>>): EventMetadata {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = headers[name];
    if (value === undefined || value === '') problems.push(`missing header ${name}`);
    return value ?? '';
  };
  const specVersion = required(CloudEventHeader.SpecVersion);
  if (specVersion && specVersion !== CLOUDEVENTS_SPEC_VERSION) {
    problems.push(`${CloudEventHeader.SpecVersion} must be ${CLOUDEVENTS_SPEC_VERSION}, got ${specVersion}`);
  }
  const meta: EventMetadata = {
    id: required(CloudEventHeader.Id),
    type: required(CloudEventHeader.Type),
    source: required(CloudEventHeader.Source),
    time: required(CloudEventHeader.Time),
    subject: required(CloudEventHeader.Subject),
    correlationId: headers[CloudEventHeader.CorrelationId] || headers[CloudEventHeader.Id] || '',
    causationId: headers[CloudEventHeader.CausationId] || undefined,
    traceparent: headers[CloudEventHeader.TraceParent] || undefined,
  };
  if (meta.time && Number.isNaN(Date.parse(meta.time)))
    problems.push(`${CloudEventHeader.Time} is not an RFC 3339 time`);
  const contentType = headers[CloudEventHeader.ContentType];
  if (contentType && !contentType.startsWith(JSON_CONTENT_TYPE)) {
    problems.push(`content-type must be ${JSON_CONTENT_TYPE}, got ${contentType}`);
  }
  if (problems.length > 0) throw new EnvelopeError(problems.join('; '));
  return meta;
}
