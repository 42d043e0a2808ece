import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventNotificationsConsumer } from './event-notifications.consumer';
import { EventNotificationsService } from './event-notifications.service';
import { EventReminderScheduler } from './event-reminder.scheduler';

/** Events and registrations: kick-off invitations, participant emails with `.ics` and reminders, in each person's language. */
@Module({
  imports: [DeliveriesModule, DirectoryModule],
  controllers: [EventNotificationsConsumer],
  providers: [EventNotificationsService, EventReminderScheduler],
})
export class EventNotificationsModule {}
