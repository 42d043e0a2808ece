import type { Provider } from '@nestjs/common';
import { systemHostResolver, WebhookTargetGuard } from '../channels/webhook';
import { NotificationsEnv } from '../config/notifications.env';
import { webhookTargetPolicyFor } from '../webhooks/webhook-target.policy';

/** The HostResolver webhook connections use (tests replace it: no real DNS in tests). */
export const WEBHOOK_HOST_RESOLVER = Symbol('WEBHOOK_HOST_RESOLVER');

/**
 * One WebhookTargetGuard for the service, shared by subscription creation and the sender, with the
 * policy of NODE_ENV and the allow-lists of the env.
 */
export const WEBHOOK_TARGET_GUARD_PROVIDERS: Provider[] = [
  { provide: WEBHOOK_HOST_RESOLVER, useValue: systemHostResolver },
  {
    provide: WebhookTargetGuard,
    inject: [NotificationsEnv, WEBHOOK_HOST_RESOLVER],
    useFactory: (env: NotificationsEnv, resolve: typeof systemHostResolver) =>
      new WebhookTargetGuard(
        webhookTargetPolicyFor({
          production: env.NODE_ENV === 'production',
          allowedHosts: env.NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS,
          allowedCidrs: env.NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS,
        }),
        resolve,
      ),
  },
];
