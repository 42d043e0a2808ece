import { Ctx, Payload } from '@nestjs/microservices';
import {
  HromadaNominatedV1Event,
  MemberMunicipalityVolunteeredV1Event,
  type HromadaNominatedV1,
  type MemberMunicipalityVolunteeredV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { AssociationEventsService } from './association-events.service';

/** `associations.inbound.v1` (from Kafka publishers and from `POST /ingest` alike). */
@EventConsumer()
export class AssociationEventsConsumer {
  constructor(private readonly associationEvents: AssociationEventsService) {}

  @OnEvent(MemberMunicipalityVolunteeredV1Event)
  async updateOffersOnMemberVolunteered(
    @Payload() event: MemberMunicipalityVolunteeredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.associationEvents.applyVolunteer(context.manager, event, (definition, payload) =>
      context.publish(definition, payload),
    );
  }

  @OnEvent(HromadaNominatedV1Event)
  async updateNeedsOnHromadaNominated(
    @Payload() event: HromadaNominatedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.associationEvents.applyNomination(context.manager, event, (definition, payload) =>
      context.publish(definition, payload),
    );
  }
}
