import { Ctx, Payload } from '@nestjs/microservices';
import {
  MunicipalityContactErasedV1Event,
  MunicipalityDeactivatedV1Event,
  MunicipalityProfileUpdatedV1Event,
  MunicipalityRegisteredV1Event,
  type MunicipalityContactErasedV1,
  type MunicipalityDeactivatedV1,
  type MunicipalityProfileUpdatedV1,
  type MunicipalityRegisteredV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { MunicipalityProjectionService } from './municipality-projection.service';
import { municipalityDependency } from './projection.errors';

/** Thin Kafka adapter for `registry.municipality.v1`: keeps the profile projection; resumes parked partnerships. */
@EventConsumer()
export class RegistryEventsConsumer {
  constructor(private readonly municipalities: MunicipalityProjectionService) {}

  @OnEvent(MunicipalityRegisteredV1Event)
  async projectOnMunicipalityRegistered(
    @Payload() event: MunicipalityRegisteredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.municipalities.applySnapshot(context.manager, event.profile);
    await context.dependencyArrived(municipalityDependency(event.profile.municipalityId));
  }

  @OnEvent(MunicipalityProfileUpdatedV1Event)
  async projectOnMunicipalityProfileUpdated(
    @Payload() event: MunicipalityProfileUpdatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.municipalities.applySnapshot(context.manager, event.profile);
    await context.dependencyArrived(municipalityDependency(event.profile.municipalityId));
  }

  @OnEvent(MunicipalityDeactivatedV1Event)
  async markInactiveOnMunicipalityDeactivated(
    @Payload() event: MunicipalityDeactivatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.municipalities.deactivate(context.manager, event.municipalityId, event.version);
  }

  @OnEvent(MunicipalityContactErasedV1Event)
  async eraseContactOnMunicipalityContactErased(
    @Payload() event: MunicipalityContactErasedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.municipalities.eraseContact(context.manager, event.municipalityId, event.contactId);
  }
}
