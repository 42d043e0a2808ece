import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { InboxModule } from '../inbox/inbox.module';
import { ProposalNotificationsModule } from '../proposal-notifications/proposal-notifications.module';
import { WebhookSubscriptionsModule } from '../webhook-subscriptions/webhook-subscriptions.module';
import { PartnershipNotificationsConsumer } from './partnership-notifications.consumer';
import { PartnershipNotificationsService } from './partnership-notifications.service';

/** Partnership established and status changes: emails, webhooks and inbox items for both sides. */
@Module({
  imports: [
    DeliveriesModule,
    DirectoryModule,
    InboxModule,
    ProposalNotificationsModule,
    WebhookSubscriptionsModule,
  ],
  controllers: [PartnershipNotificationsConsumer],
  providers: [PartnershipNotificationsService],
})
export class PartnershipNotificationsModule {}
