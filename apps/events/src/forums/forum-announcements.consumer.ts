import { Ctx, Payload } from '@nestjs/microservices';
import { SolidarityForumAnnouncedV1Event, type SolidarityForumAnnouncedV1 } from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { ForumAnnouncementsService } from './forum-announcements.service';

/** `associations.inbound.v1` (Kafka publishers and the registry's `POST /ingest`): forums announced. */
@EventConsumer()
export class ForumAnnouncementsConsumer {
  constructor(private readonly forums: ForumAnnouncementsService) {}

  @OnEvent(SolidarityForumAnnouncedV1Event)
  async draftForumOnForumAnnounced(
    @Payload() event: SolidarityForumAnnouncedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.forums.draftForum(
      context.manager,
      (definition, payload) => context.publish(definition, payload),
      event,
    );
  }
}
