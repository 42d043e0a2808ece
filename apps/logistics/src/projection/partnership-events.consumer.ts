import { Ctx, Payload } from '@nestjs/microservices';
import {
  PartnershipEstablishedV1Event,
  PartnershipRecordedV1Event,
  PartnershipStatusChangedV1Event,
  type PartnershipEstablishedV1,
  type PartnershipRecordedV1,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { AidRequestsService } from '../aid-requests/aid-requests.service';
import { PledgesService } from '../pledges/pledges.service';
import { PartnershipProjectionService } from './partnership-projection.service';

/**
 * Thin Kafka adapter for `matching.partnership.v1`: aid may flow once a partnership is established, and the
 * EU partner is told of the hromada's requests still open; when it goes dormant or ends, the open pledges
 * made under it are flagged (and announced), never dropped.
 */
@EventConsumer()
export class PartnershipEventsConsumer {
  constructor(
    private readonly partnerships: PartnershipProjectionService,
    private readonly pledges: PledgesService,
    private readonly requests: AidRequestsService,
  ) {}

  @OnEvent(PartnershipEstablishedV1Event)
  async acceptPledgesOnPartnershipEstablished(
    @Payload() event: PartnershipEstablishedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { recorded } = await this.partnerships.establish(context.manager, event);
    if (recorded) await this.shareOpenRequests(context, event);
  }

  /** A partnership formed before or outside Bridges, recorded by a coordinator: aid flows between them too. */
  @OnEvent(PartnershipRecordedV1Event)
  async acceptPledgesOnPartnershipRecorded(
    @Payload() event: PartnershipRecordedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { recorded } = await this.partnerships.establish(context.manager, event);
    if (recorded) await this.shareOpenRequests(context, event);
  }

  @OnEvent(PartnershipStatusChangedV1Event)
  async flagPledgesOnPartnershipStatusChanged(
    @Payload() event: PartnershipStatusChangedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const change = await this.partnerships.changeStatus(context.manager, event);
    if (change.startedAidFlow) await this.shareOpenRequests(context, event);
    if (change.stoppedAidFlow)
      await this.pledges.flagOpenPledges(context.manager, (d, p) => context.publish(d, p), event);
  }

  private async shareOpenRequests(
    context: EventContext,
    partnership: { partnershipId: string; hromadaId: string; euMunicipalityId: string },
  ): Promise<void> {
    await this.requests.shareOpenRequests(context.manager, (d, p) => context.publish(d, p), partnership);
  }
}
