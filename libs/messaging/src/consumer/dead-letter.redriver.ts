import { randomUUID } from 'node:crypto';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { CloudEventHeader, DeadLetterHeader, dlqTopicName, topicSpec } from '@bridges/contracts';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { TopicNamer } from '../kafka/topic-namer';

/** Headers a redriven record carries, so its consumer and anyone reading the topic can tell. */
export const RedriveHeader = {
  /** `<dlq topic>/<partition>/<offset>` of the dead letter it was republished from. */
  From: 'redriven_from',
  At: 'redriven_at',
} as const;

/** Which dead letters to republish: by event id, by a substring of the DLQ reason, or all of them. */
export type RedriveSelection =
  { readonly eventIds: readonly string[] } | { readonly reason: string } | { readonly all: true };

/** One dead letter chosen for redrive. */
export interface RedriveCandidate {
  readonly partition: number;
  readonly offset: string;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly key: string | null;
  readonly errorKind: string | null;
  readonly reason: string | null;
}

export interface RedriveReport {
  /** Wire names. */
  readonly deadLetterTopic: string;
  readonly targetTopic: string;
  /** Dead letters read (the whole DLQ as it was when the redrive started). */
  readonly scanned: number;
  readonly selected: readonly RedriveCandidate[];
  /** Records written to the target topic (0 on a dry run). */
  readonly republished: number;
  readonly dryRun: boolean;
}

/**
 * The way back from a DLQ: reads `<topic>.dlq` up to its end as of the start (in a throwaway consumer
 * group, deleted afterwards, so no service's offsets move), and republishes the chosen dead letters to
 * `<topic>` with their original key, value and CloudEvents headers, minus the `dlq_*` headers, plus
 * {@link RedriveHeader}. Safe to repeat: consumers record processed event ids (inbox), so a dead letter
 * redriven twice, or one whose event had been processed after all, has no second effect.
 */
export class DeadLetterRedriver {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: TopicNamer,
  ) {}

  async redrive(
    deadLetterTopic: string,
    selection: RedriveSelection,
    options: { readonly dryRun: boolean },
  ): Promise<RedriveReport> {
    const targetTopic = topicSpec(deadLetterTopic.replace(/\.dlq$/, '')).name;
    if (dlqTopicName(targetTopic) !== deadLetterTopic) {
      throw new Error(`${deadLetterTopic} is not a dead-letter topic; try ${dlqTopicName(targetTopic)}`);
    }
    const messages = await this.readToEnd(this.topics.physical(deadLetterTopic));
    const chosen = messages.filter(({ message }) => selects(selection, headersOf(message)));
    if (!options.dryRun && chosen.length > 0) {
      const producer = await this.kafka.getProducer();
      const at = new Date().toISOString();
      await producer.send({
        topic: this.topics.physical(targetTopic),
        acks: -1,
        messages: chosen.map(({ partition, message }) => ({
          key: message.key,
          value: message.value,
          headers: {
            ...withoutDeadLetterHeaders(message.headers),
            [RedriveHeader.From]: `${deadLetterTopic}/${partition}/${message.offset}`,
            [RedriveHeader.At]: at,
          },
        })),
      });
    }
    return {
      deadLetterTopic,
      targetTopic,
      scanned: messages.length,
      selected: chosen.map(({ partition, message }) => {
        const headers = headersOf(message);
        return {
          partition,
          offset: message.offset,
          eventId: headers[CloudEventHeader.Id] ?? null,
          eventType: headers[CloudEventHeader.Type] ?? null,
          key: message.key?.toString('utf8') ?? null,
          errorKind: headers[DeadLetterHeader.ErrorKind] ?? null,
          reason: headers[DeadLetterHeader.Reason] ?? null,
        };
      }),
      republished: options.dryRun ? 0 : chosen.length,
      dryRun: options.dryRun,
    };
  }

  /** Every record of the topic up to its end offsets at the start, in partition order. */
  private async readToEnd(physicalTopic: string): Promise<{ partition: number; message: KafkaMessage }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `bridges-dlq-redrive-${randomUUID()}`;
    try {
      if (!(await admin.listTopics()).includes(physicalTopic))
        throw new Error(`topic ${physicalTopic} does not exist`);
      const ends = new Map<number, bigint>();
      for (const { partition, high, low } of await admin.fetchTopicOffsets(physicalTopic)) {
        if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
      }
      const read: { partition: number; message: KafkaMessage }[] = [];
      if (ends.size > 0) {
        const consumer = this.kafka.createConsumer({ groupId });
        await consumer.connect();
        try {
          await consumer.subscribe({ topics: [physicalTopic], fromBeginning: true });
          await new Promise<void>((resolve, reject) => {
            const pending = new Set(ends.keys());
            consumer
              .run({
                autoCommit: false,
                eachMessage: ({ partition, message }) => {
                  const end = ends.get(partition);
                  if (end !== undefined && BigInt(message.offset) < end) read.push({ partition, message });
                  if (end === undefined || BigInt(message.offset) + 1n >= end) pending.delete(partition);
                  if (pending.size === 0) resolve();
                  return Promise.resolve();
                },
              })
              .catch(reject);
          });
        } finally {
          await consumer.disconnect();
        }
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
      return read.sort((a, b) =>
        a.partition !== b.partition
          ? a.partition - b.partition
          : Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
      );
    } finally {
      await admin.disconnect();
    }
  }
}

function headersOf(message: KafkaMessage): Record<string, string | undefined> {
  const decoded: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    decoded[name] = first === undefined ? undefined : first.toString();
  }
  return decoded;
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  const dlqHeaders = new Set<string>(Object.values(DeadLetterHeader));
  const kept: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!dlqHeaders.has(name) && value !== undefined) kept[name] = value;
  }
  return kept;
}

function selects(selection: RedriveSelection, headers: Record<string, string | undefined>): boolean {
  if ('all' in selection) return true;
  if ('eventIds' in selection) {
    const id = headers[CloudEventHeader.Id];
    return id !== undefined && selection.eventIds.includes(id);
  }
  return (headers[DeadLetterHeader.Reason] ?? '').toLowerCase().includes(selection.reason.toLowerCase());
}
