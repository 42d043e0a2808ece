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
import { municipalityDependency } from './directory.errors';
import { DirectoryService } from './directory.service';

/**
 * Thin Kafka adapter: keeps the recipient directory in step with `registry.municipality.v1`. Once a
 * profile is in the directory, events parked waiting for it (proposals, partnerships) resume.
 */
@EventConsumer()
export class RegistryDirectoryConsumer {
  constructor(private readonly directory: DirectoryService) {}

  @OnEvent(MunicipalityRegisteredV1Event)
  async addRecipientsOnMunicipalityRegistered(
    @Payload() event: MunicipalityRegisteredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.directory.applySnapshot(context.manager, event.profile);
    await context.dependencyArrived(municipalityDependency(event.profile.municipalityId));
  }

  @OnEvent(MunicipalityProfileUpdatedV1Event)
  async updateRecipientsOnMunicipalityProfileUpdated(
    @Payload() event: MunicipalityProfileUpdatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    // A full snapshot: when the registered event went astray, the first update brings the profile.
    await this.directory.applySnapshot(context.manager, event.profile);
    await context.dependencyArrived(municipalityDependency(event.profile.municipalityId));
  }

  @OnEvent(MunicipalityDeactivatedV1Event)
  async silenceRecipientsOnMunicipalityDeactivated(
    @Payload() event: MunicipalityDeactivatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.directory.deactivate(context.manager, event.municipalityId, event.version);
  }

  @OnEvent(MunicipalityContactErasedV1Event)
  async purgeRecipientOnContactErased(
    @Payload() event: MunicipalityContactErasedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.directory.eraseContact(context.manager, event.contactId);
  }
}
