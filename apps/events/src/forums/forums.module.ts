import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ForumAnnouncementsConsumer } from './forum-announcements.consumer';
import { ForumAnnouncementsService } from './forum-announcements.service';

/** Drafts the solidarity forums associations announce. */
@Module({
  imports: [EventsModule],
  controllers: [ForumAnnouncementsConsumer],
  providers: [ForumAnnouncementsService],
})
export class ForumsModule {}
