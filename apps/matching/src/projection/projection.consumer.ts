import { Ctx, Payload } from '@nestjs/microservices';
import {
  MunicipalityDeactivatedV1Event,
  MunicipalityProfileUpdatedV1Event,
  MunicipalityRegisteredV1Event,
  type MunicipalityDeactivatedV1,
  type MunicipalityProfileUpdatedV1,
  type MunicipalityRegisteredV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import type { PublishFn } from '../common/publish-fn';
import { IncrementalMatchingService } from '../proposals/incremental-matching.service';
import { MATERIAL_FIELDS, materialChanges } from './projection.rules';
import { ProjectionService } from './projection.service';

/**
 * Thin Kafka adapter for `registry.municipality.v1`: updates the projection, then lets incremental matching
 * react, all in the transaction that records the event as processed.
 */
@EventConsumer()
export class MunicipalityEventsConsumer {
  constructor(
    private readonly projection: ProjectionService,
    private readonly matching: IncrementalMatchingService,
  ) {}

  @OnEvent(MunicipalityRegisteredV1Event)
  async proposeMatchesOnMunicipalityRegistered(
    @Payload() event: MunicipalityRegisteredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const change = await this.projection.applySnapshot(context.manager, event.profile);
    if (change.outcome !== 'applied' || !change.after) return;
    // A replayed "registered" after updates is stale and stops above; one after a gap still counts as new.
    await this.matching.onProfileChanged(context.manager, publisher(context), change.after, {
      cause: 'registered',
    });
  }

  @OnEvent(MunicipalityProfileUpdatedV1Event)
  async rematchOnMunicipalityProfileUpdated(
    @Payload() event: MunicipalityProfileUpdatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const change = await this.projection.applySnapshot(context.manager, event.profile);
    if (change.outcome !== 'applied' || !change.after) return;
    // changedFields describe the step from the previous version; after a gap, assume everything changed.
    const contiguous = change.before !== null && change.before.version + 1 === change.after.version;
    const material = contiguous ? materialChanges(event.changedFields) : [...MATERIAL_FIELDS];
    const reactivated = change.before !== null && !change.before.active;
    if (material.length === 0 && !reactivated) return;
    await this.matching.onProfileChanged(context.manager, publisher(context), change.after, {
      cause: change.before === null || reactivated ? 'registered' : 'updated',
      materialChanges: material,
    });
  }

  @OnEvent(MunicipalityDeactivatedV1Event)
  async withdrawProposalsOnMunicipalityDeactivated(
    @Payload() event: MunicipalityDeactivatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const change = await this.projection.deactivate(context.manager, event.municipalityId, event.version);
    if (change.outcome !== 'applied' || !change.after) return;
    await this.matching.onProfileChanged(context.manager, publisher(context), change.after, {
      cause: 'updated',
    });
  }
}

function publisher(context: EventContext): PublishFn {
  return (definition, payload) => context.publish(definition, payload);
}
