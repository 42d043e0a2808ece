/**
 * Every Kafka topic of Bridges and the service that owns it, on one screen.
 *
 * Names are wire names: they never change in place. A breaking change to a topic's events means a
 * new topic with the next major suffix (`.v2`) published beside the old one until every consumer
 * has moved (see libs/contracts/README.md, "Versioning").
 */
export const ServiceName = {
  Registry: 'registry',
  Matching: 'matching',
  AidLogistics: 'aid-logistics',
  Events: 'events',
  Notifications: 'notifications',
  /** Systems of EU associations of local government, outside Bridges. */
  AssociationSystems: 'association-systems',
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

export interface TopicSpec {
  /** Wire name, `<owner-domain>.<aggregate>.v<major>`. */
  readonly name: string;
  readonly owner: ServiceName;
  /** The aggregate whose id is the record key: all events of one aggregate share one partition. */
  readonly aggregate: string;
  /** Partition count at creation; the unit of parallelism for consumer groups. */
  readonly partitions: number;
  readonly description: string;
}

/** Wire names, grouped by the owning service. */
export const Topics = {
  registry: {
    municipality: 'registry.municipality.v1',
  },
  associations: {
    inbound: 'associations.inbound.v1',
  },
  matching: {
    proposal: 'matching.proposal.v1',
    partnership: 'matching.partnership.v1',
  },
  logistics: {
    aidRequest: 'logistics.aid-request.v1',
    shipment: 'logistics.shipment.v1',
  },
  events: {
    event: 'events.event.v1',
    registration: 'events.registration.v1',
  },
  notifications: {
    delivery: 'notifications.delivery.v1',
  },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type TopicName = Leaves<typeof Topics>;

export const ALL_TOPICS: readonly TopicSpec[] = [
  {
    name: Topics.registry.municipality,
    owner: ServiceName.Registry,
    aggregate: 'municipality',
    partitions: 6,
    description: 'Lifecycle of municipality profiles (Ukrainian hromadas and EU municipalities).',
  },
  {
    name: Topics.associations.inbound,
    owner: ServiceName.AssociationSystems,
    aggregate: 'association event (keyed by the municipality official code it concerns)',
    partitions: 3,
    description:
      'Events published by associations of local government: volunteers, nominations, forums. ' +
      'Also fed by the registry HTTP ingest endpoint for associations that cannot speak Kafka.',
  },
  {
    name: Topics.matching.proposal,
    owner: ServiceName.Matching,
    aggregate: 'proposal',
    partitions: 6,
    description: 'Explained match proposals and their decisions.',
  },
  {
    name: Topics.matching.partnership,
    owner: ServiceName.Matching,
    aggregate: 'partnership',
    partitions: 3,
    description: 'Partnerships established between a hromada and an EU municipality, and their lifecycle.',
  },
  {
    name: Topics.logistics.aidRequest,
    owner: ServiceName.AidLogistics,
    aggregate: 'aid request',
    partitions: 3,
    description: 'Aid requests posted by hromadas and the pledges made against them.',
  },
  {
    name: Topics.logistics.shipment,
    owner: ServiceName.AidLogistics,
    aggregate: 'shipment',
    partitions: 3,
    description: 'Humanitarian aid shipments from dispatch to confirmed receipt.',
  },
  {
    name: Topics.events.event,
    owner: ServiceName.Events,
    aggregate: 'event',
    partitions: 3,
    description: 'Forums, study visits, bilateral meetings and summer schools.',
  },
  {
    name: Topics.events.registration,
    owner: ServiceName.Events,
    aggregate: 'registration',
    partitions: 3,
    description: 'Registrations, waitlist promotions and check-ins for events.',
  },
  {
    name: Topics.notifications.delivery,
    owner: ServiceName.Notifications,
    aggregate: 'delivery',
    partitions: 3,
    description: 'State of each notification delivery (queued, sent, retrying, failed, dead).',
  },
];

/** Every consumed topic has a dead-letter twin holding messages that failed validation or handling. */
export function dlqTopicName(topic: string): string {
  return `${topic}.dlq`;
}

export function topicSpec(name: string): TopicSpec {
  const spec = ALL_TOPICS.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown topic "${name}": add it to libs/contracts/src/topics.ts first`);
  return spec;
}
