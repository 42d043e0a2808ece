import type { DeliveryEntity } from './delivery.entity';

/** A delivery as the admin API shows it: state and ids, not the message content. */
export interface DeliveryView {
  id: string;
  sourceEventId: string;
  sourceEventType: string;
  recipientId: string;
  channel: string;
  templateId: string;
  templateVersion: number | null;
  locale: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  providerReference: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Leaves out address and content: an admin sees what happened, not what was written to whom. */
export function toDeliveryView(row: DeliveryEntity): DeliveryView {
  const pending = row.status === 'queued' || row.status === 'retrying';
  return {
    id: row.id,
    sourceEventId: row.sourceEventId,
    sourceEventType: row.sourceEventType,
    recipientId: row.recipientId,
    channel: row.channel,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: pending ? row.nextAttemptAt : null,
    lastError: row.lastError,
    providerReference: row.providerReference,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
