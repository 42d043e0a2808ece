import { ALL_TOPICS, dlqTopicName } from '../topics';
import { CloudEventHeader, DeadLetterHeader } from '../envelope/cloud-event-headers';
import { EVENT_CATALOG } from '../events/event-catalog';
import { buildPayloadSchemas } from './json-schemas';

const channelId = (topic: string): string => topic.replace(/[^a-zA-Z0-9]/g, '-');
const messageId = (type: string): string => type.replace(/[^a-zA-Z0-9]/g, '-');

const cloudEventHeadersSchema = {
  type: 'object',
  required: [
    CloudEventHeader.SpecVersion,
    CloudEventHeader.Id,
    CloudEventHeader.Type,
    CloudEventHeader.Source,
    CloudEventHeader.Time,
    CloudEventHeader.Subject,
    CloudEventHeader.CorrelationId,
  ],
  properties: {
    [CloudEventHeader.SpecVersion]: { type: 'string', const: '1.0' },
    [CloudEventHeader.Id]: { type: 'string', description: 'Unique event id; consumers deduplicate on it.' },
    [CloudEventHeader.Type]: { type: 'string', description: 'Event type with major version.' },
    [CloudEventHeader.Source]: { type: 'string', description: 'Producing service, e.g. /bridges/registry.' },
    [CloudEventHeader.Time]: { type: 'string', format: 'date-time' },
    [CloudEventHeader.Subject]: { type: 'string', description: 'Aggregate id, equal to the record key.' },
    [CloudEventHeader.CorrelationId]: { type: 'string' },
    [CloudEventHeader.CausationId]: { type: 'string' },
    [CloudEventHeader.TraceParent]: { type: 'string', description: 'W3C trace context.' },
    [CloudEventHeader.ContentType]: { type: 'string', const: 'application/json' },
  },
};

const deadLetterHeadersSchema = {
  type: 'object',
  properties: Object.fromEntries(Object.values(DeadLetterHeader).map((h) => [h, { type: 'string' }])),
};

/**
 * The AsyncAPI 3 document of every Bridges topic, generated from the topic registry, the event
 * catalog and the payload classes.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const schemas = buildPayloadSchemas('#/components/schemas/');
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const topic of ALL_TOPICS) {
    const events = EVENT_CATALOG.filter((e) => e.topic === topic.name);
    const channelMessages: Record<string, unknown> = {};
    for (const event of events) {
      const id = messageId(event.type);
      messages[id] = {
        name: event.type,
        title: event.payload.name,
        summary: event.description,
        contentType: 'application/json',
        headers: { $ref: '#/components/schemas/CloudEventHeaders' },
        payload: { $ref: `#/components/schemas/${event.payload.name}` },
        bindings: {
          kafka: { key: { type: 'string', description: 'Aggregate id' }, bindingVersion: '0.5.0' },
        },
      };
      channelMessages[id] = { $ref: `#/components/messages/${id}` };
    }
    const id = channelId(topic.name);
    channels[id] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} Owner: ${topic.owner}. Key: ${topic.aggregate}.`,
      messages: channelMessages,
      bindings: { kafka: { topic: topic.name, partitions: topic.partitions, bindingVersion: '0.5.0' } },
    };
    channels[`${id}-dlq`] = {
      address: dlqTopicName(topic.name),
      title: dlqTopicName(topic.name),
      description: `Dead letters of ${topic.name}: the original record plus dlq_* headers saying why.`,
      messages: { deadLetter: { $ref: '#/components/messages/DeadLetter' } },
    };
    if (events.length > 0) {
      operations[`publish-${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `${topic.owner} publishes to ${topic.name}`,
        messages: Object.keys(channelMessages).map((m) => ({ $ref: `#/channels/${id}/messages/${m}` })),
      };
    }
  }
  messages.DeadLetter = {
    name: 'dead-letter',
    summary: 'A record that failed validation or handling, unchanged, with the reason in headers.',
    headers: { $ref: '#/components/schemas/DeadLetterHeaders' },
    payload: {},
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Bridges events',
      version: '1.0.0',
      description:
        'Every Kafka topic of Bridges. Messages use CloudEvents 1.0 binary mode (ce_* headers), ' +
        'JSON payloads, and the aggregate id as record key. Generated from libs/contracts; do not edit by hand.',
      license: { name: 'Apache-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description: 'Local broker started by npm run infra:up',
      },
    },
    channels,
    operations,
    components: {
      messages,
      schemas: {
        CloudEventHeaders: cloudEventHeadersSchema,
        DeadLetterHeaders: deadLetterHeadersSchema,
        ...schemas,
      },
    },
  };
}
