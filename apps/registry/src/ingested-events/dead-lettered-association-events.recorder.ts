import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Topics } from '@bridges/contracts';
import { DeadLetterPublisher, type IncomingRecord } from '@bridges/messaging';
import { IngestRejectionsService } from './ingest-rejections.service';

/**
 * Keeps a row for each association event the registry's consumer dead-letters, so coordinators see
 * the rejects next to the applied events. The record itself stays on `associations.inbound.v1.dlq`,
 * untouched (that is where it is redriven from); the row holds only who, what and why.
 */
@Injectable()
export class DeadLetteredAssociationEventsRecorder implements OnModuleInit {
  constructor(
    private readonly deadLetters: DeadLetterPublisher,
    private readonly rejections: IngestRejectionsService,
  ) {}

  onModuleInit(): void {
    this.deadLetters.onDeadLettered(async (record, failure) => {
      if (failure.wireTopic !== Topics.associations.inbound) return;
      await this.rejections.record({
        path: 'kafka',
        reason: failure.kind,
        message: failure.reason,
        associationId: associationIdOf(record),
        eventId: record.headers['ce_id'],
        eventType: record.headers['ce_type'],
      });
    });
  }
}

/** The payload's `associationId` when the value is JSON naming one (the service keeps only a UUID). */
function associationIdOf(record: IncomingRecord): string | undefined {
  try {
    const payload: unknown = JSON.parse(record.value?.toString('utf8') ?? '');
    const id = (payload as { associationId?: unknown } | null)?.associationId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
