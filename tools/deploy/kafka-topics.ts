/**
 * Strimzi KafkaTopic resources for every topic of libs/contracts and its `.dlq`, so the cluster's topic
 * operator owns partitions and retention. Generated, never edited: `npm run deploy:generate` writes
 * deploy/k8s/topics/kafka-topics.yaml and a test fails when it drifts from the contracts.
 */
import { ALL_TOPICS, dlqTopicName, type TopicSpec } from '../../libs/contracts/src';
import { stringify } from 'yaml';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Topic settings the contracts leave to operations. Events are kept two weeks: a consumer group that
 * was down over a long weekend, or a new consumer replaying, still finds them. Dead letters are kept
 * four weeks: time to read the reason, fix and redrive. min.insync.replicas 2 of 3 replicas matches the
 * producers' acks=all, so an acknowledged event survives the loss of one broker.
 */
export const TOPIC_POLICY = {
  replicas: 3,
  retentionMs: 14 * DAY_MS,
  dlqRetentionMs: 28 * DAY_MS,
  minInsyncReplicas: 2,
} as const;

/** The Strimzi cluster (label `strimzi.io/cluster`) the topics belong to; an overlay may change it. */
export const STRIMZI_CLUSTER = 'bridges';

interface KafkaTopic {
  apiVersion: 'kafka.strimzi.io/v1beta2';
  kind: 'KafkaTopic';
  metadata: { name: string; labels: Record<string, string> };
  spec: { topicName: string; partitions: number; replicas: number; config: Record<string, string> };
}

function kafkaTopic(
  spec: TopicSpec,
  name: string,
  retentionMs: number,
  role: 'events' | 'dead-letters',
): KafkaTopic {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      // Topic names are valid resource names (lower case, digits, dots, dashes).
      name,
      labels: {
        'strimzi.io/cluster': STRIMZI_CLUSTER,
        'app.kubernetes.io/part-of': 'bridges',
        'app.kubernetes.io/component': role,
      },
    },
    spec: {
      topicName: name,
      partitions: spec.partitions,
      replicas: TOPIC_POLICY.replicas,
      config: {
        'cleanup.policy': 'delete',
        'retention.ms': String(retentionMs),
        'min.insync.replicas': String(TOPIC_POLICY.minInsyncReplicas),
      },
    },
  };
}

/** Every topic and its dead-letter twin (same partition count), in the order of the contracts. */
export function kafkaTopics(specs: readonly TopicSpec[] = ALL_TOPICS): KafkaTopic[] {
  return specs.flatMap((spec) => [
    kafkaTopic(spec, spec.name, TOPIC_POLICY.retentionMs, 'events'),
    kafkaTopic(spec, dlqTopicName(spec.name), TOPIC_POLICY.dlqRetentionMs, 'dead-letters'),
  ]);
}

/** The committed file's content. */
export function renderKafkaTopics(specs: readonly TopicSpec[] = ALL_TOPICS): string {
  const header =
    '# GENERATED from libs/contracts by `npm run deploy:generate` (tools/deploy/kafka-topics.ts); do not edit.\n';
  return (
    header +
    kafkaTopics(specs)
      .map((t) => `---\n${stringify(t)}`)
      .join('')
  );
}
