import { Ctx, Payload } from '@nestjs/microservices';
import { PartnershipEstablishedV1Event, type PartnershipEstablishedV1 } from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { KickOffService } from './kick-off.service';

/** `matching.partnership.v1`: a partnership established gets its kick-off meeting drafted. */
@EventConsumer()
export class KickOffConsumer {
  constructor(private readonly kickOff: KickOffService) {}

  @OnEvent(PartnershipEstablishedV1Event)
  async draftKickOffMeetingOnPartnershipEstablished(
    @Payload() event: PartnershipEstablishedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.kickOff.draftMeeting(
      context.manager,
      (definition, payload) => context.publish(definition, payload),
      event,
    );
  }
}
