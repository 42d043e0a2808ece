import type { Provider } from '@nestjs/common';
import { WebhookSender } from '../channels/webhook';
import { NotificationsEnv } from '../config/notifications.env';

/** The service's WebhookSender (channels/webhook), with the configured receiver timeout. */
export const WEBHOOK_SENDER_PROVIDER: Provider = {
  provide: WebhookSender,
  inject: [NotificationsEnv],
  useFactory: (env: NotificationsEnv) =>
    new WebhookSender({ timeoutMs: env.NOTIFICATIONS_WEBHOOK_TIMEOUT_MS }),
};
