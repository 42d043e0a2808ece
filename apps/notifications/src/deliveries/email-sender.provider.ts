import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { EmailSender } from '../channels/email';
import { NotificationsEnv } from '../config/notifications.env';

/** Closes the pooled SMTP connections when the app stops. */
class ClosableEmailSender extends EmailSender implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    this.close();
  }
}

/** The service's one EmailSender, configured from the env, with a connection pool per instance. */
export const EMAIL_SENDER_PROVIDER: Provider = {
  provide: EmailSender,
  inject: [NotificationsEnv],
  useFactory: (env: NotificationsEnv) =>
    new ClosableEmailSender({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      ignoreTls: env.SMTP_IGNORE_TLS,
      requireTls: env.SMTP_REQUIRE_TLS,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      from: env.MAIL_FROM,
      pool: true,
      maxConnections: Math.min(env.NOTIFICATIONS_DISPATCH_CONCURRENCY, 10),
      connectionTimeoutMs: 5_000,
    }),
};
