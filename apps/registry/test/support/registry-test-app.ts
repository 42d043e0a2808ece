import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Topics } from '@bridges/contracts';
import { connectEventConsumer } from '@bridges/messaging';
import { bootstrapHttpApp, DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@bridges/testing';
import { TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { RegistryModule } from '../../src/registry.module';

/** A running registry on a fresh database and its own prefixed topics, with a probe on them. */
export interface RegistryTestApp {
  app: INestApplication;
  dataSource: DataSource;
  db: TestDatabase;
  prefix: string;
  /** Physical names: `prefix + wire name`. */
  topics: { municipality: string; inbound: string; inboundDlq: string };
  probe: TopicProbe;
  brokers: string[];
  close(): Promise<void>;
}

/**
 * Boots the real RegistryModule (HTTP + consumer + relay) the way main.ts does, against real
 * PostgreSQL and Kafka from the test harness. `extraEnv` may depend on the fresh database (e.g. to
 * reach it through a proxy the test can cut).
 */
export async function startRegistryTestApp(
  extraEnv: Record<string, string> | ((db: TestDatabase) => Record<string, string>) = {},
): Promise<RegistryTestApp> {
  const db = await createTestDatabase('registry');
  const prefix = uniqueTopicPrefix();
  const brokers = testKafkaBrokers();
  await provisionTestTopics(prefix, [
    { name: Topics.registry.municipality, partitions: 6 },
    { name: Topics.associations.inbound, partitions: 3 },
  ]);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_BROKERS: brokers.join(','),
    HTTP_PORT: '0',
    LOG_LEVEL: 'error',
    ...(typeof extraEnv === 'function' ? extraEnv(db) : extraEnv),
  });
  const moduleRef = await Test.createTestingModule({ imports: [RegistryModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  bootstrapHttpApp(app);
  connectEventConsumer(app);
  await app.startAllMicroservices();
  await app.init();
  const topics = {
    municipality: `${prefix}${Topics.registry.municipality}`,
    inbound: `${prefix}${Topics.associations.inbound}`,
    inboundDlq: `${prefix}${Topics.associations.inbound}.dlq`,
  };
  const probe = await TopicProbe.start(brokers, [topics.municipality, topics.inbound, topics.inboundDlq]);
  return {
    app,
    dataSource: app.get(DataSource),
    db,
    prefix,
    topics,
    probe,
    brokers,
    close: async () => {
      await probe.stop();
      await app.close();
      await db.drop();
    },
  };
}

/** Bearer tokens for the roles the registry distinguishes. */
export const tokens = {
  coordinator: () =>
    signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.RegistryCoordinator], sub: 'coordinator-1' }),
  matchingCoordinator: () =>
    signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.MatchingCoordinator], sub: 'matcher-1' }),
  officer: (municipalityId: string) =>
    signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.MunicipalityOfficer],
      municipalityId,
      sub: `officer-${municipalityId}`,
    }),
  publisher: () =>
    signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.AssociationPublisher], sub: 'association-1' }),
};
