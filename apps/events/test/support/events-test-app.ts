import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Topics, topicSpec } from '@bridges/contracts';
import { connectEventConsumer } from '@bridges/messaging';
import { bootstrapHttpApp, DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { EventsAppModule } from '../../src/events-app.module';

/** The topics the events service consumes and produces. */
export const EVENTS_TEST_TOPICS = [
  Topics.events.event,
  Topics.events.registration,
  Topics.matching.partnership,
  Topics.associations.inbound,
];

/** Instances of the events service on one fresh database and one topic prefix, with a probe on every topic. */
export interface EventsTestCluster {
  readonly instances: INestApplication[];
  readonly dataSource: DataSource;
  readonly db: TestDatabase;
  readonly prefix: string;
  readonly brokers: string[];
  readonly probe: TopicProbe;
  /** Physical topic name: `prefix + wire name`. */
  topic(name: string): string;
  /** Supertest agent of the i-th instance (round robin, as a load balancer would spread requests). */
  http(i?: number): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Boots `instances` EventsAppModules (HTTP, consumer, relay, sweeps) the way main.ts does, against real
 * PostgreSQL and Kafka, each in this process, all on one database and one consumer group.
 */
export async function startEventsCluster(
  instances = 1,
  extraEnv: Record<string, string> = {},
): Promise<EventsTestCluster> {
  const db = await createTestDatabase('events');
  const prefix = uniqueTopicPrefix();
  const brokers = testKafkaBrokers();
  await provisionTestTopics(
    prefix,
    EVENTS_TEST_TOPICS.map((name) => ({ name, partitions: topicSpec(name).partitions })),
  );
  const apps: INestApplication[] = [];
  for (let i = 0; i < instances; i++) {
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: `bridges-events-test-${i}`,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.EVENTS_TEST_LOG_LEVEL ?? 'error',
      // Sweeps are driven by the tests (runOnce) unless a test asks for them.
      EVENTS_OFFER_SWEEP_INTERVAL_MS: '3600000',
      EVENTS_PURGE_INTERVAL_MS: '0',
      ...extraEnv,
    });
    const moduleRef = await Test.createTestingModule({ imports: [EventsAppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    bootstrapHttpApp(app);
    connectEventConsumer(app);
    await app.startAllMicroservices();
    await app.init();
    apps.push(app);
  }
  await waitForGroupMembers(brokers, `${prefix}bridges-events`, instances);
  const topic = (name: string) => `${prefix}${name}`;
  const probe = await TopicProbe.start(brokers, [
    ...EVENTS_TEST_TOPICS.map(topic),
    topic(`${Topics.matching.partnership}.dlq`),
    topic(`${Topics.associations.inbound}.dlq`),
  ]);
  let next = 0;
  return {
    instances: apps,
    dataSource: apps[0].get(DataSource),
    db,
    prefix,
    brokers,
    probe,
    topic,
    http: (i?: number) => request(apps[(i ?? next++) % apps.length].getHttpServer()),
    close: async () => {
      await probe.stop();
      for (const app of apps) await app.close();
      await db.drop();
    },
  };
}

/** Bearer tokens for the roles the events service distinguishes. */
export const tokens = {
  coordinator: () =>
    signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.EventsCoordinator], sub: 'events-coordinator-1' }),
  registryCoordinator: () =>
    signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.RegistryCoordinator],
      sub: 'registry-coordinator-1',
    }),
  officer: (municipalityId: string) =>
    signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.MunicipalityOfficer],
      municipalityId,
      sub: `officer-${municipalityId}`,
    }),
};

export const bearer = async (token: Promise<string>) => `Bearer ${await token}`;

/**
 * Waits until every instance has joined the consumer group and it is stable: on a loaded machine the first
 * join can take tens of seconds, which a test waiting for its first record would otherwise spend.
 */
async function waitForGroupMembers(brokers: string[], groupId: string, members: number): Promise<void> {
  const admin = new Kafka({ clientId: 'events-test', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await waitUntil(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Stable' && groups[0].members.length === members;
      },
      120_000,
      `${members} member(s) in ${groupId}`,
      250,
    );
  } finally {
    await admin.disconnect();
  }
}
