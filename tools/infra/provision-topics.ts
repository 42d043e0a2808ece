/**
 * Creates the topics of the registry in libs/contracts, each with its `<topic>.dlq`, with their
 * partition counts. The broker runs with auto.create.topics.enable=false, so this is the only way a
 * topic comes to exist. Idempotent: topics that exist already are left as they are.
 */
// A relative path, not '@bridges/contracts': jest loads global setup (which provisions topics) with
// plain node resolution, where tsconfig paths and jest's moduleNameMapper do not apply.
import { ALL_TOPICS, dlqTopicName, type TopicSpec } from '../../libs/contracts/src';
import { Kafka, logLevel } from 'kafkajs';

/** What provisioning needs of a topic: a full TopicSpec from the registry fits, so does an ad-hoc test topic. */
export type ProvisionedTopic = Pick<TopicSpec, 'name' | 'partitions'>;

export interface ProvisionOptions {
  /** Prepended to every name (test isolation: `t-1a2b3c.registry.municipality.v1`). */
  prefix?: string;
  /** Defaults to every topic of the registry (ALL_TOPICS in libs/contracts). */
  topics?: readonly ProvisionedTopic[];
  /** Replication factor; 1 on a single local broker. */
  replicationFactor?: number;
}

export interface ProvisionResult {
  created: string[];
  existing: string[];
}

/** `.dlq`: dead-letter topics get no dead-letter topic of their own. */
const DLQ_SUFFIX = dlqTopicName('');

/** The topics to create for `specs`: each topic and its dead-letter topic, same partition count. */
export function topicsToCreate(
  specs: readonly ProvisionedTopic[],
  prefix = '',
): { topic: string; numPartitions: number }[] {
  const wanted = new Map<string, number>();
  for (const spec of specs) {
    if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
      throw new Error(`topic ${spec.name}: partitions must be a positive integer, got ${spec.partitions}`);
    }
    wanted.set(prefix + spec.name, spec.partitions);
    if (!spec.name.endsWith(DLQ_SUFFIX)) wanted.set(prefix + dlqTopicName(spec.name), spec.partitions);
  }
  return [...wanted].map(([topic, numPartitions]) => ({ topic, numPartitions }));
}

/**
 * Creates what is missing. Retried a few times on errors Kafka marks retriable: when several callers
 * create topics at the same moment, the broker can answer a metadata request before the new
 * partitions have a leader ("This server does not host this topic-partition").
 */
export async function provisionTopics(
  brokers: string[],
  options: ProvisionOptions = {},
  attempts = 5,
): Promise<ProvisionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await provisionOnce(brokers, options);
    } catch (error) {
      const { retriable, cause, message } = error as {
        retriable?: boolean;
        cause?: { retriable?: boolean };
        message?: string;
      };
      const transient =
        retriable === true ||
        cause?.retriable === true ||
        /does not host this topic-partition|leader/i.test(message ?? '');
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function provisionOnce(brokers: string[], options: ProvisionOptions): Promise<ProvisionResult> {
  const specs = options.topics ?? ALL_TOPICS;
  const wanted = topicsToCreate(specs, options.prefix);
  if (wanted.length === 0) return { created: [], existing: [] };
  const admin = new Kafka({ clientId: 'bridges-provision-topics', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !present.has(t.topic));
    if (missing.length > 0) {
      // createTopics resolves false (no throw) for topics that a concurrent caller created meanwhile.
      await admin.createTopics({
        topics: missing.map((t) => ({ ...t, replicationFactor: options.replicationFactor ?? 1 })),
        waitForLeaders: true,
      });
    }
    return {
      created: missing.map((t) => t.topic),
      existing: wanted.filter((t) => present.has(t.topic)).map((t) => t.topic),
    };
  } finally {
    await admin.disconnect();
  }
}
