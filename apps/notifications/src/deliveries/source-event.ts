import type { EventMetadata } from '@bridges/contracts';

/** What caused a notification: a consumed event, or a digest that bundles several. */
export interface SourceEvent {
  /** `ce_id`, or `digest:<digestId>`. */
  readonly id: string;
  /** `ce_type`, or `notifications.proposals-digest`. */
  readonly type: string;
  readonly correlationId: string | null;
  /** When it happened (the event's `ce_time`). */
  readonly time: string;
  /** The aggregate it is about (`ce_subject`), e.g. the partnership id. */
  readonly subject: string;
}

/** The source of notifications caused by a consumed event. */
export function sourceOf(envelope: EventMetadata): SourceEvent {
  return {
    id: envelope.id,
    type: envelope.type,
    correlationId: envelope.correlationId ?? null,
    time: envelope.time,
    subject: envelope.subject,
  };
}
