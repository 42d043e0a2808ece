import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { AidLogisticsNotificationsModule } from './aid-logistics-notifications/aid-logistics-notifications.module';
import { NotificationsEnv } from './config/notifications.env';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database/notifications.database';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { DirectoryModule } from './directory/directory.module';
import { EventNotificationsModule } from './event-notifications/event-notifications.module';
import { InboxModule } from './inbox/inbox.module';
import { ProposalNotificationsModule } from './proposal-notifications/proposal-notifications.module';
import { RecipientPreferencesModule } from './recipient-preferences/recipient-preferences.module';
import { TemplatePreviewsModule } from './template-previews/template-previews.module';
import { PartnershipNotificationsModule } from './partnership-notifications/partnership-notifications.module';
import { WebhookSubscriptionsModule } from './webhook-subscriptions/webhook-subscriptions.module';

/** The notifications service: directory, deliveries by email and webhook, inbox, preferences and digests. */
@Module({
  imports: [
    PlatformModule.forRoot({ env: NotificationsEnv, serviceName: 'notifications' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'notifications',
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot<NotificationsEnv>({
      serviceName: 'notifications',
      consumer: (env) => ({ parkedAlertAfterMs: env.NOTIFICATIONS_PARKED_EVENT_ALERT_AFTER_MS }),
    }),
    DirectoryModule,
    DeliveriesModule,
    WebhookSubscriptionsModule,
    InboxModule,
    PartnershipNotificationsModule,
    RecipientPreferencesModule,
    ProposalNotificationsModule,
    AidLogisticsNotificationsModule,
    EventNotificationsModule,
    TemplatePreviewsModule,
  ],
})
export class NotificationsModule {}
