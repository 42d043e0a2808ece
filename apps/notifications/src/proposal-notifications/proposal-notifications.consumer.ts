import { Ctx, Payload } from '@nestjs/microservices';
import { MatchProposedV1Event, type MatchProposedV1 } from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { sourceOf } from '../deliveries/source-event';
import { ProposalNotificationsService } from './proposal-notifications.service';

/** Thin Kafka adapter for `matching.proposal.v1`. */
@EventConsumer()
export class ProposalNotificationsConsumer {
  constructor(private readonly proposals: ProposalNotificationsService) {}

  @OnEvent(MatchProposedV1Event)
  async queueForDigestsOnMatchProposed(
    @Payload() event: MatchProposedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.proposals.queueForDigests(context.manager, sourceOf(context.envelope), event);
  }
}
