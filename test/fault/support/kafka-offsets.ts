/**
 * Offsets are the sequences that prove absence: a consumer group whose committed offsets equal the
 * topic's end has handled everything published so far, and a probe that has seen every offset up to
 * the end has seen every record there is — no fixed sleep can tell either.
 */
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { TopicProbe } from '@bridges/testing/kafka/topic-probe';

export async function withAdmin<T>(brokers: string[], work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'fault-suite', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** `topic:partition` → the partition's first and next offsets. */
async function offsets(
  admin: Admin,
  topics: readonly string[],
): Promise<Map<string, { low: number; end: number }>> {
  const result = new Map<string, { low: number; end: number }>();
  for (const topic of topics) {
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
      result.set(`${topic}:${partition}`, { low: Number(low), end: Number(high) });
    }
  }
  return result;
}

/** Records the group has not committed yet, over `topics`. */
export async function groupLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  const ends = await offsets(admin, topics);
  let lag = 0;
  for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
    for (const { partition, offset } of partitions) {
      const committed = Math.max(Number(offset), 0);
      lag += Math.max((ends.get(`${topic}:${partition}`)?.end ?? 0) - committed, 0);
    }
  }
  return lag;
}

/** True when the probe has received the last record of every partition of `topics`. */
export async function probeCaughtUp(
  admin: Admin,
  probe: TopicProbe,
  topics: readonly string[],
): Promise<boolean> {
  const seen = new Map<string, number>();
  for (const record of probe.all()) {
    const key = `${record.topic}:${record.partition}`;
    seen.set(key, Math.max(seen.get(key) ?? -1, Number(record.offset)));
  }
  for (const [key, { low, end }] of await offsets(admin, topics)) {
    if (end > low && (seen.get(key) ?? -1) < end - 1) return false;
  }
  return true;
}
