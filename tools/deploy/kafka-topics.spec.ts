import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { ALL_TOPICS, type TopicSpec } from '../../libs/contracts/src';
import { KAFKA_TOPICS_FILE } from './deploy-paths';
import { kafkaTopics, renderKafkaTopics, TOPIC_POLICY } from './kafka-topics';

describe(renderKafkaTopics.name, () => {
  it('should match the committed KafkaTopic file when the contracts have not drifted (run npm run deploy:generate)', () => {
    expect(readFileSync(KAFKA_TOPICS_FILE, 'utf8')).toBe(renderKafkaTopics());
  });

  it('should declare every contract topic and its .dlq with the contract partition count', () => {
    const committed = parseAllDocuments(readFileSync(KAFKA_TOPICS_FILE, 'utf8')).map(
      (d) => d.toJS() as { spec: { topicName: string; partitions: number; config: Record<string, string> } },
    );
    const byName = new Map(committed.map((t) => [t.spec.topicName, t.spec]));
    expect(byName.size).toBe(ALL_TOPICS.length * 2);
    for (const topic of ALL_TOPICS) {
      expect(byName.get(topic.name)).toMatchObject({
        partitions: topic.partitions,
        config: { 'retention.ms': String(TOPIC_POLICY.retentionMs) },
      });
      expect(byName.get(`${topic.name}.dlq`)).toMatchObject({
        partitions: topic.partitions,
        config: { 'retention.ms': String(TOPIC_POLICY.dlqRetentionMs) },
      });
    }
  });
});

describe(kafkaTopics.name, () => {
  it('should follow a changed partition count and a new topic when the contracts change', () => {
    const changed: TopicSpec[] = [
      { ...ALL_TOPICS[0], partitions: 12 },
      { name: 'events.check-in.v1', owner: 'events', aggregate: 'check-in', partitions: 2, description: 'x' },
    ];
    expect(kafkaTopics(changed).map((t) => [t.metadata.name, t.spec.partitions])).toEqual([
      [ALL_TOPICS[0].name, 12],
      [`${ALL_TOPICS[0].name}.dlq`, 12],
      ['events.check-in.v1', 2],
      ['events.check-in.v1.dlq', 2],
    ]);
  });
});
