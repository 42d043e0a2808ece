import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { WebhookSender, WebhookTargetGuard } from '../channels/webhook';
import { NotificationsEnv } from '../config/notifications.env';

/** Closes kept-alive receiver connections when the app stops. */
class ClosableWebhookSender extends WebhookSender implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    this.close();
  }
}

/** The service's WebhookSender (channels/webhook), with the configured receiver timeout and target guard. */
export const WEBHOOK_SENDER_PROVIDER: Provider = {
  provide: WebhookSender,
  inject: [NotificationsEnv, WebhookTargetGuard],
  useFactory: (env: NotificationsEnv, guard: WebhookTargetGuard) =>
    new ClosableWebhookSender({ guard, timeoutMs: env.NOTIFICATIONS_WEBHOOK_TIMEOUT_MS }),
};
