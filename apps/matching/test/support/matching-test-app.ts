import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { connectEventConsumer } from '@bridges/messaging';
import { bootstrapHttpApp } from '@bridges/platform';
import { testKafkaBrokers } from '@bridges/testing';
import { MatchingModule } from '../../src/matching.module';

/** Environment of a matching instance under test: its own database and topic prefix, any free port. */
export function matchingTestEnv(
  databaseUrl: string,
  topicPrefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    MATCHING_ROUND_POLL_INTERVAL_MS: '200',
    MATCHING_BACKFILL_INTERVAL_MS: '0',
    ...extra,
  };
}

/** Boots the whole matching app in-process (HTTP, consumer, relay, round worker), as main.ts does. */
export async function startMatchingApp(env: Record<string, string>): Promise<INestApplication> {
  Object.assign(process.env, env);
  const moduleRef = await Test.createTestingModule({ imports: [MatchingModule] }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  bootstrapHttpApp(app, { title: 'Bridges matching (test)' });
  connectEventConsumer(app);
  await app.startAllMicroservices();
  await app.init();
  return app;
}
