/**
 * Reads each service's backlog for `npm start`: the consumer lag of its Kafka consumer group and the
 * rows of its outbox (committed events the relay has not published yet).
 */
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import type { ServiceBacklog } from './backlog-progress';

/**
 * Records of `groupId`'s topics it has not committed yet. The topics are those assigned to its
 * members (a consumer that has not committed anything still lags) and those it committed offsets
 * for; a partition without a commit lags from its earliest retained record, as the services
 * subscribe from the beginning.
 */
export async function consumerGroupLag(admin: Admin, groupId: string): Promise<number> {
  const topics = new Set<string>();
  const { groups } = await admin.describeGroups([groupId]);
  for (const member of groups[0]?.members ?? []) {
    const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    for (const topic of Object.keys(assignment?.assignment ?? {})) topics.add(topic);
  }
  for (const { topic } of await admin.fetchOffsets({ groupId })) topics.add(topic);
  if (topics.size === 0) return 0;

  let lag = 0;
  for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const { partition, offset } of partitions) {
      const end = ends.find((e) => e.partition === partition);
      if (!end) continue;
      const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
      lag += Math.max(0, Number(end.high) - from);
    }
  }
  return lag;
}

/** Rows in the database's outbox (the relay deletes a row once Kafka acknowledged it); 0 without one. */
export async function outboxBacklog(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A service that has not migrated yet has no outbox, and nothing in it.
    const { rows: table } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('outbox_message') IS NOT NULL AS exists",
    );
    if (!table[0].exists) return 0;
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

export interface BacklogReader {
  read(): Promise<ServiceBacklog[]>;
  close(): Promise<void>;
}

/**
 * Reads every service's backlog. The consumer group is named as the services name it
 * (libs/messaging's ServiceMessagingModule: `<KAFKA_TOPIC_PREFIX>bridges-<service>`).
 */
export function createBacklogReader(options: {
  brokers: readonly string[];
  services: readonly { name: string; databaseUrl: string }[];
  topicPrefix?: string;
}): BacklogReader {
  const admin = new Kafka({
    clientId: 'bridges-start-backlog',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  let connected: Promise<void> | undefined;
  return {
    read: async () => {
      await (connected ??= admin.connect());
      return Promise.all(
        options.services.map(async ({ name, databaseUrl }) => ({
          service: name,
          consumerLag: await consumerGroupLag(admin, `${options.topicPrefix ?? ''}bridges-${name}`),
          outbox: await outboxBacklog(databaseUrl),
        })),
      );
    },
    close: () => admin.disconnect(),
  };
}
