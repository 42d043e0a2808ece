import { parseArgs } from 'node:util';
import type { RedriveSelection } from '@bridges/messaging';

export const USAGE = `Usage: npm run dlq:redrive -- --topic <topic>.dlq (--event-id <id> [--event-id <id>...] | --reason <text> | --all) [--dry-run]
  --event-id  dead letters whose ce_id is one of these (repeat, or separate with commas)
  --reason    dead letters whose dlq_reason contains this text (case-insensitive)
  --all       every dead letter on the topic
  --dry-run   only list what would be republished
Env: KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_SSL, KAFKA_SASL_* (as the services read them)`;

export interface RedriveArgs {
  readonly deadLetterTopic: string;
  readonly selection: RedriveSelection;
  readonly dryRun: boolean;
}

/** Parses the command line; throws with a message saying what is wrong (the caller prints USAGE). */
export function parseRedriveArgs(argv: readonly string[]): RedriveArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      topic: { type: 'string' },
      'event-id': { type: 'string', multiple: true },
      reason: { type: 'string' },
      all: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.topic) throw new Error('--topic is required');
  const eventIds = (values['event-id'] ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const chosen = [eventIds.length > 0, values.reason !== undefined, values.all].filter(Boolean).length;
  if (chosen !== 1) throw new Error('choose exactly one of --event-id, --reason, --all');
  if (values.reason !== undefined && values.reason.trim() === '')
    throw new Error('--reason must not be empty');
  const selection: RedriveSelection =
    eventIds.length > 0
      ? { eventIds }
      : values.reason !== undefined
        ? { reason: values.reason }
        : { all: true };
  return { deadLetterTopic: values.topic, selection, dryRun: values['dry-run'] };
}
