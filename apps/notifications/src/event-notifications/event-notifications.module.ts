import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventNotificationsConsumer } from './event-notifications.consumer';
import { EventNotificationsService } from './event-notifications.service';

/** Events and registrations: kick-off invitations and participant emails with `.ics`, in each person's language. */
@Module({
  imports: [DeliveriesModule, DirectoryModule],
  controllers: [EventNotificationsConsumer],
  providers: [EventNotificationsService],
})
export class EventNotificationsModule {}
