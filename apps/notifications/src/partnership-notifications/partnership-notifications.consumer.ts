import { Ctx, Payload } from '@nestjs/microservices';
import {
  PartnershipEstablishedV1Event,
  PartnershipStatusChangedV1Event,
  type PartnershipEstablishedV1,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { sourceOf } from '../deliveries/source-event';
import { ProposalOutcomesService } from '../proposal-notifications/proposal-outcomes.service';
import { PartnershipNotificationsService } from './partnership-notifications.service';

/** Thin Kafka adapter for `matching.partnership.v1`. */
@EventConsumer()
export class PartnershipNotificationsConsumer {
  constructor(
    private readonly notifications: PartnershipNotificationsService,
    private readonly proposals: ProposalOutcomesService,
  ) {}

  @OnEvent(PartnershipEstablishedV1Event)
  async notifyBothSidesOnPartnershipEstablished(
    @Payload() event: PartnershipEstablishedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    // Its proposal is settled: no digest may still present it as new.
    await this.proposals.recordPartnership(context.manager, event.proposalId, event.partnershipId);
    await this.notifications.notifyEstablished(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(PartnershipStatusChangedV1Event)
  async notifyBothSidesOnPartnershipStatusChanged(
    @Payload() event: PartnershipStatusChangedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.notifyStatusChanged(context.manager, sourceOf(context.envelope), event);
  }
}
