import { Ctx, Payload } from '@nestjs/microservices';
import { PartnershipEstablishedV1Event, type PartnershipEstablishedV1 } from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent, PermanentEventError } from '../../src';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** Scripted behaviour per partnership id, so each test decides how its handler fails. */
export const handlerScript = {
  /** partnershipId → how many more times to fail transiently before succeeding. */
  transientFailures: new Map<string, number>(),
  /** partnershipIds the handler refuses permanently. */
  permanent: new Set<string>(),
  calls: [] as string[],
};

@EventConsumer()
export class PartnershipLedgerConsumer {
  @OnEvent(PartnershipEstablishedV1Event)
  async recordPartnership(
    @Payload() event: PartnershipEstablishedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    handlerScript.calls.push(event.partnershipId);
    await context.manager.insert(LedgerEntryEntity, { aggregateId: event.partnershipId, note: 'consumed' });
    const left = handlerScript.transientFailures.get(event.partnershipId) ?? 0;
    if (left > 0) {
      handlerScript.transientFailures.set(event.partnershipId, left - 1);
      throw new Error('database briefly unavailable (scripted)');
    }
    if (handlerScript.permanent.has(event.partnershipId)) {
      throw new PermanentEventError('partnership refers to a campaign that never existed (scripted)');
    }
  }
}
