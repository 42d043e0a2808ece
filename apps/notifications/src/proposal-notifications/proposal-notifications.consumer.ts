import { Ctx, Payload } from '@nestjs/microservices';
import {
  MatchProposedV1Event,
  ProposalDecidedV1Event,
  ProposalWithdrawnV1Event,
  type MatchProposedV1,
  type ProposalDecidedV1,
  type ProposalWithdrawnV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { sourceOf } from '../deliveries/source-event';
import { ProposalNotificationsService } from './proposal-notifications.service';
import { ProposalOutcomesService } from './proposal-outcomes.service';

/** Thin Kafka adapter for `matching.proposal.v1`. */
@EventConsumer()
export class ProposalNotificationsConsumer {
  constructor(
    private readonly proposals: ProposalNotificationsService,
    private readonly outcomes: ProposalOutcomesService,
  ) {}

  @OnEvent(MatchProposedV1Event)
  async queueForDigestsOnMatchProposed(
    @Payload() event: MatchProposedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.proposals.queueForDigests(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(ProposalDecidedV1Event)
  async dropFromDigestsOnProposalDecided(
    @Payload() event: ProposalDecidedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.outcomes.recordDecision(context.manager, event);
  }

  @OnEvent(ProposalWithdrawnV1Event)
  async dropFromDigestsOnProposalWithdrawn(
    @Payload() event: ProposalWithdrawnV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.outcomes.recordWithdrawal(context.manager, event.proposalId);
  }
}
