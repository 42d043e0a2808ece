import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Topics, topicSpec } from '@bridges/contracts';
import { connectEventConsumer } from '@bridges/messaging';
import { bootstrapHttpApp } from '@bridges/platform';
import { provisionTestTopics, testKafkaBrokers } from '@bridges/testing';
import { LogisticsModule } from '../../src/logistics.module';

/** The topics logistics consumes and produces, under a test file's prefix. */
export const LOGISTICS_TEST_TOPICS = [
  Topics.registry.municipality,
  Topics.matching.partnership,
  Topics.logistics.aidRequest,
  Topics.logistics.shipment,
];

export async function provisionLogisticsTopics(prefix: string): Promise<void> {
  await provisionTestTopics(
    prefix,
    LOGISTICS_TEST_TOPICS.map((name) => ({ name, partitions: topicSpec(name).partitions })),
  );
}

/** Environment of a logistics instance under test: its own database and topic prefix, any free port. */
export function logisticsTestEnv(databaseUrl: string, topicPrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    // Tests run reminders themselves (StaleRequestReminder.remindDue), never on a timer.
    LOGISTICS_REMINDER_INTERVAL_MS: '0',
  };
}

/** Boots the whole logistics app in-process (HTTP, consumer, relay), as main.ts does. */
export async function startLogisticsApp(env: Record<string, string>): Promise<INestApplication> {
  Object.assign(process.env, env);
  const moduleRef = await Test.createTestingModule({ imports: [LogisticsModule] }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  bootstrapHttpApp(app, { title: 'Bridges aid logistics (test)' });
  connectEventConsumer(app);
  await app.startAllMicroservices();
  await app.init();
  return app;
}
