import { Ctx, Payload } from '@nestjs/microservices';
import {
  MunicipalityRegisteredV1Event,
  PartnershipEstablishedV1Event,
  PartnershipStatusChangedV1Event,
  type MunicipalityRegisteredV1,
  type PartnershipEstablishedV1,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { DependencyNotYetAvailableError, EventConsumer, EventContext, OnEvent } from '../../src';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** What the handlers did, in call order (also calls whose transaction rolled back). */
export const dependentScript = {
  calls: [] as string[],
  /** partnershipIds whose established handler fails transiently every time. */
  failing: new Set<string>(),
};

export const municipalityKey = (id: string) => `municipality:${id}`;

/**
 * Like notifications: a partnership needs its hromada's profile, which comes on another topic
 * (`registry.municipality.v1`) in no particular order. A status change needs nothing.
 */
@EventConsumer()
export class DependentLedgerConsumer {
  @OnEvent(MunicipalityRegisteredV1Event)
  async knowMunicipality(@Payload() event: MunicipalityRegisteredV1, @Ctx() context: EventContext) {
    dependentScript.calls.push(`registered:${event.profile.municipalityId}`);
    await context.manager.insert(LedgerEntryEntity, {
      aggregateId: event.profile.municipalityId,
      note: 'municipality-known',
    });
    await context.dependencyArrived(municipalityKey(event.profile.municipalityId));
  }

  @OnEvent(PartnershipEstablishedV1Event)
  async recordEstablished(@Payload() event: PartnershipEstablishedV1, @Ctx() context: EventContext) {
    dependentScript.calls.push(`established:${event.partnershipId}`);
    const known = await context.manager.countBy(LedgerEntryEntity, {
      aggregateId: event.hromadaId,
      note: 'municipality-known',
    });
    if (known === 0) throw new DependencyNotYetAvailableError(municipalityKey(event.hromadaId));
    if (dependentScript.failing.has(event.partnershipId))
      throw new Error('database briefly unavailable (scripted)');
    await context.manager.insert(LedgerEntryEntity, {
      aggregateId: event.partnershipId,
      note: 'established',
    });
  }

  @OnEvent(PartnershipStatusChangedV1Event)
  async recordStatusChange(@Payload() event: PartnershipStatusChangedV1, @Ctx() context: EventContext) {
    dependentScript.calls.push(`status-changed:${event.partnershipId}`);
    await context.manager.insert(LedgerEntryEntity, {
      aggregateId: event.partnershipId,
      note: `status:${event.to}`,
    });
  }
}
