import { startEventDrivenService } from '@bridges/messaging';
import { builtConsoleDirectory } from '@bridges/platform';
import { NotificationsEnv } from './config/notifications.env';
import { NotificationsModule } from './notifications.module';

/** Starts one notifications instance: HTTP API, Kafka consumer (group bridges-notifications), outbox relay, dispatcher. */
void startEventDrivenService(NotificationsModule, NotificationsEnv, {
  console: builtConsoleDirectory('notifications'),
  title: 'Bridges notifications',
  description:
    'Partnership and matching notifications by email, signed webhooks and the console inbox, with delivery tracking',
});
