import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Topics } from '@bridges/contracts';
import { connectEventConsumer, MESSAGING_OPTIONS, type MessagingOptions } from '@bridges/messaging';
import { BaseEnv, bootstrapHttpApp } from '@bridges/platform';
import { provisionTestTopics, testKafkaBrokers } from '@bridges/testing';
import { NotificationsModule } from '../../src/notifications.module';

/** Topics the service reads and writes, created under a test file's prefix. */
export const NOTIFICATIONS_TEST_TOPICS = [
  { name: Topics.registry.municipality, partitions: 3 },
  { name: Topics.matching.partnership, partitions: 3 },
  { name: Topics.matching.proposal, partitions: 3 },
  { name: Topics.logistics.aidRequest, partitions: 3 },
  { name: Topics.logistics.shipment, partitions: 3 },
  { name: Topics.events.event, partitions: 3 },
  { name: Topics.events.registration, partitions: 3 },
  { name: Topics.notifications.delivery, partitions: 3 },
];

export interface NotificationsTestAppSettings {
  databaseUrl: string;
  topicPrefix: string;
  smtpPort: number;
  /** A consumer group other than the service's, e.g. to replay every topic from the beginning. */
  consumerGroupId?: string;
  env?: Record<string, string>;
  /** Replaces providers before the module compiles (e.g. the webhook host resolver: no DNS in tests). */
  overrides?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/** A running notifications instance on real PostgreSQL, Kafka and SMTP, with fast test timings. */
export interface NotificationsTestApp {
  app: INestApplication;
  dataSource: DataSource;
  /** `http://127.0.0.1:<port>` of its HTTP API. */
  url: string;
  close(): Promise<void>;
}

/**
 * Creates the prefixed topics (idempotent). Retried: on a busy broker the metadata request right after
 * creating topics sometimes answers UNKNOWN_TOPIC_OR_PARTITION before the leaders are known.
 */
export async function provisionNotificationsTopics(prefix: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await provisionTestTopics(prefix, NOTIFICATIONS_TEST_TOPICS);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Boots the whole NotificationsModule like main.ts does, configured through process.env. */
export async function startNotificationsTestApp(
  settings: NotificationsTestAppSettings,
): Promise<NotificationsTestApp> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    DATABASE_URL: settings.databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: settings.topicPrefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(settings.smtpPort),
    PUBLIC_BASE_URL: 'http://127.0.0.1:3003/',
    NOTIFICATIONS_DISPATCH_INTERVAL_MS: '100',
    NOTIFICATIONS_RETRY_BASE_MS: '200',
    NOTIFICATIONS_RETRY_MAX_MS: '800',
    NOTIFICATIONS_MAX_ATTEMPTS: '60',
    NOTIFICATIONS_DIGEST_INTERVAL_MS: '200',
    NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '0',
    NOTIFICATIONS_WEBHOOK_TIMEOUT_MS: '3000',
    ...settings.env,
  });
  let builder = Test.createTestingModule({ imports: [NotificationsModule] });
  if (settings.consumerGroupId) {
    const groupId = settings.consumerGroupId;
    builder = builder.overrideProvider(MESSAGING_OPTIONS).useFactory({
      inject: [BaseEnv],
      factory: (env: BaseEnv): MessagingOptions => ({
        brokers: env.KAFKA_BROKERS,
        clientId: `${env.KAFKA_CLIENT_ID}-replay`,
        serviceName: 'notifications',
        consumerGroupId: groupId,
        topicPrefix: env.KAFKA_TOPIC_PREFIX,
        consumer: { fromBeginning: true, initialBackoffMs: 100, maxBackoffMs: 500 },
      }),
    });
  }
  if (settings.overrides) builder = settings.overrides(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  bootstrapHttpApp(app);
  connectEventConsumer(app);
  await app.startAllMicroservices();
  await app.init();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    dataSource: app.get(DataSource),
    url: url.replace('[::1]', '127.0.0.1'),
    close: () => app.close(),
  };
}
