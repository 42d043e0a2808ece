import { connectEventConsumer } from '@bridges/messaging';
import { ConfigValidationError, createServiceApp } from '@bridges/platform';
import { NotificationsEnv } from './config/notifications.env';
import { NotificationsModule } from './notifications.module';

/** Starts one notifications instance: HTTP API, Kafka consumer (group bridges-notifications), outbox relay, dispatcher. */
async function main(): Promise<void> {
  try {
    const app = await createServiceApp(NotificationsModule, NotificationsEnv, {
      title: 'Bridges notifications',
      description:
        'Partnership and matching notifications by email, signed webhooks and the console inbox, with delivery tracking',
    });
    connectEventConsumer(app);
    await app.startAllMicroservices();
    const env = app.get(NotificationsEnv);
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

void main();
