/**
 * Counts, for the municipalities one scenario registered, what every stage of flow 1 holds — registry
 * rows, distinct event ids on the topics, matching's projection and proposals, notifications' directory,
 * digest items, deliveries and the emails at the SMTP server — and from that what was lost, doubled or
 * dead-lettered. Nothing here asserts: a scenario records the figures first, then asserts on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALL_TOPICS,
  DeadLetterHeader,
  dlqTopicName,
  MatchProposedV1Event,
  MunicipalityRegisteredV1Event,
  type MatchProposedV1,
} from '@bridges/contracts';
import { TopicProbe, type ProbedRecord } from '@bridges/testing/kafka/topic-probe';
import { waitUntil } from '@bridges/testing';
import { probeCaughtUp, withAdmin } from './kafka-offsets';
import { registrationKey, type BurstResult, type Registration } from './registry-burst';
import type { SystemDatabases } from './system-databases';

const DIGEST_TEMPLATE = 'matching.proposals-digest';

/** Every public topic the services write and the dead-letter topic of each. */
export const AUDITED_TOPICS = [
  ...ALL_TOPICS.map((t) => t.name).filter((name) => !name.endsWith('.dlq')),
  ...ALL_TOPICS.map((t) => dlqTopicName(t.name)),
];

export interface ChainFigures {
  /** Municipalities the client registered, HTTP requests, answers by status. */
  sent: number;
  attempts: number;
  answers: Record<string, number>;
  /** 5xx answers without `Retry-After`. */
  errorsWithoutRetryAfter: number;
  acknowledged: number;
  /** Registry rows of the municipalities sent. */
  stored: number;
  /** Distinct `registered` event ids on registry.municipality.v1. */
  published: number;
  consumedByMatching: number;
  consumedByNotifications: number;
  proposalsStored: number;
  proposalsPublished: number;
  proposalsQueuedForDigest: number;
  digestsSent: number;
  digestEmails: number;
  /** Per stage, what should be there and is not. */
  lost: Record<string, number>;
  /** Per stage, an effect that happened more than once (a second event id, row or email for one thing). */
  duplicated: Record<string, number>;
  /** Records about these municipalities on any `.dlq`. */
  deadLettered: number;
  /** Those records by their `dlq_reason` (ids masked), to name the defect behind them. */
  deadLetterReasons: Record<string, number>;
  /** Records repeating an event id already seen: at-least-once delivery, harmless by design. */
  redelivered: number;
  /**
   * Digest emails that reached the SMTP server twice with the same Message-ID: the documented resend
   * when a notifications instance dies between the server's acceptance and the commit of the outcome.
   */
  emailsResent: number;
}

export const total = (figures: Record<string, number>): number =>
  Object.values(figures).reduce((sum, n) => sum + n, 0);

export async function auditChain(options: {
  brokers: string[];
  db: SystemDatabases;
  mailDir: string;
  sent: readonly Registration[];
  burst: BurstResult;
  /** The campaign the hromadas are matched in, and how many proposals each must get there. */
  campaignId: string;
  topK: number;
}): Promise<ChainFigures> {
  const { db, sent, burst, campaignId, topK } = options;
  const records = await readTopics(options.brokers);

  // Registry: rows of what was sent; acknowledged ⊆ stored; one `registered` event id per row.
  const stored = await db.rows<{ id: string; key: string }>(
    'registry',
    `SELECT id, country || ':' || official_code AS key FROM municipality WHERE country || ':' || official_code = ANY($1)`,
    [sent.map(registrationKey)],
  );
  const ids = stored.map((r) => r.id);
  const storedKeys = new Set(stored.map((r) => r.key));
  const idSet = new Set(ids);
  const registered = eventIdsBy(
    records.filter((r) => idSet.has(r.headers.ce_subject)),
    MunicipalityRegisteredV1Event.type,
    (r) => r.headers.ce_subject,
  );
  const sentKeys = new Set(sent.map(registrationKey));
  const eventsWithoutRow = records.filter(
    (r) =>
      r.headers.ce_type === MunicipalityRegisteredV1Event.type &&
      sentKeys.has(profileKey(r.value)) &&
      !storedKeys.has(profileKey(r.value)),
  ).length;

  // Matching: projection rows, then exactly top-k proposals per hromada in the campaign.
  const consumedByMatching = await db.count(
    'matching',
    'SELECT count(*) AS n FROM municipality_projection WHERE municipality_id = ANY($1)',
    [ids],
  );
  const proposals = await db.rows<{ id: string; hromada_id: string; eu_municipality_id: string }>(
    'matching',
    `SELECT id, hromada_id, eu_municipality_id FROM proposal WHERE hromada_id = ANY($1) AND campaign_id = $2`,
    [ids, campaignId],
  );
  const proposalsPerHromada = countBy(proposals, (p) => p.hromada_id);
  const proposalsShort = ids.reduce(
    (sum, id) => sum + Math.max(topK - (proposalsPerHromada.get(id) ?? 0), 0),
    0,
  );
  const proposed = records.filter(
    (r) =>
      r.headers.ce_type === MatchProposedV1Event.type && idSet.has((r.value as MatchProposedV1).hromadaId),
  );
  const proposedIds = eventIdsBy(
    proposed,
    MatchProposedV1Event.type,
    (r) => (r.value as MatchProposedV1).proposalId,
  );
  const proposalIdsPerPair = new Map<string, Set<string>>();
  for (const r of proposed) {
    const p = r.value as MatchProposedV1;
    const pair = `${p.campaignId}|${p.hromadaId}|${p.euMunicipalityId}`;
    proposalIdsPerPair.set(pair, (proposalIdsPerPair.get(pair) ?? new Set()).add(p.proposalId));
  }

  // Notifications: directory rows, a digest item per (contact, proposal), digests sent and received.
  const consumedByNotifications = await db.count(
    'notifications',
    'SELECT count(*) AS n FROM municipality_directory WHERE municipality_id = ANY($1)',
    [ids],
  );
  const contacts = await db.rows<{ id: string; municipality_id: string }>(
    'notifications',
    'SELECT id, municipality_id FROM recipient WHERE municipality_id = ANY($1)',
    [ids],
  );
  const contactIds = contacts.map((c) => c.id);
  const items = await db.rows<{ recipient_id: string; proposal_id: string; n: string }>(
    'notifications',
    'SELECT recipient_id, proposal_id, count(*) AS n FROM pending_proposal WHERE recipient_id = ANY($1) GROUP BY 1, 2',
    [contactIds],
  );
  const itemKeys = new Set(items.map((i) => `${i.recipient_id}|${i.proposal_id}`));
  const missingItems = proposals.reduce(
    (sum, p) =>
      sum +
      contacts.filter((c) => c.municipality_id === p.hromada_id && !itemKeys.has(`${c.id}|${p.id}`)).length,
    0,
  );
  const digests = await db.rows<{ id: string; status: string }>(
    'notifications',
    'SELECT id, status FROM delivery WHERE recipient_id = ANY($1) AND template_id = $2',
    [contactIds, DIGEST_TEMPLATE],
  );
  const contactsWithDigest = new Set(
    (
      await db.rows<{ recipient_id: string }>(
        'notifications',
        'SELECT DISTINCT recipient_id FROM delivery WHERE recipient_id = ANY($1) AND template_id = $2',
        [contactIds, DIGEST_TEMPLATE],
      )
    ).map((r) => r.recipient_id),
  );
  const emails = messageIdCounts(options.mailDir);
  const digestIds = digests.map((d) => `<${d.id}@notifications.bridges>`);
  const emailed = digestIds.filter((id) => emails.has(id));

  const deadLetters = records.filter(
    (r) => r.topic.endsWith('.dlq') && ids.some((id) => JSON.stringify(r.value).includes(id) || r.key === id),
  );
  const ours = records.filter(
    (r) =>
      !r.topic.endsWith('.dlq') &&
      (idSet.has(r.headers.ce_subject) ||
        (r.headers.ce_type === MatchProposedV1Event.type &&
          idSet.has((r.value as MatchProposedV1).hromadaId))),
  );

  return {
    sent: burst.sent,
    attempts: burst.attempts,
    answers: burst.answers,
    errorsWithoutRetryAfter: burst.errorsWithoutRetryAfter,
    acknowledged: burst.acknowledged.size,
    stored: stored.length,
    published: registered.size,
    consumedByMatching,
    consumedByNotifications,
    proposalsStored: proposals.length,
    proposalsPublished: proposedIds.size,
    proposalsQueuedForDigest: items.length,
    digestsSent: digests.filter((d) => d.status === 'sent').length,
    digestEmails: emailed.length,
    lost: {
      acknowledgedNotStored: [...burst.acknowledged].filter((key) => !storedKeys.has(key)).length,
      storedNotPublished: ids.filter((id) => !registered.has(id)).length,
      notProjectedByMatching: stored.length - consumedByMatching,
      proposalsMissing: proposalsShort,
      proposalsNotPublished: proposals.filter((p) => !proposedIds.has(p.id)).length,
      notInNotificationsDirectory: stored.length - consumedByNotifications,
      proposalsNotQueuedForDigest: missingItems,
      contactsWithoutDigest: contactIds.filter((id) => !contactsWithDigest.has(id)).length,
      digestsNotSent: digests.filter((d) => d.status !== 'sent').length,
      digestsNotReceived: digests.length - emailed.length,
    },
    duplicated: {
      registeredEventsPerMunicipality: [...registered.values()].filter((events) => events.size > 1).length,
      registeredEventsWithoutRow: eventsWithoutRow,
      proposalsPerPairInDatabase: [
        ...countBy(proposals, (p) => `${p.hromada_id}|${p.eu_municipality_id}`).values(),
      ].filter((n) => n > 1).length,
      proposalIdsPerPairOnTopic: [...proposalIdsPerPair.values()].filter((set) => set.size > 1).length,
      proposedEventsPerProposal: [...proposedIds.values()].filter((events) => events.size > 1).length,
      digestItemsPerProposal: items.filter((i) => Number(i.n) > 1).length,
    },
    deadLettered: deadLetters.length,
    deadLetterReasons: reasonCounts(deadLetters),
    redelivered: ours.length - new Set(ours.map((r) => r.headers.ce_id)).size,
    emailsResent: emailed.filter((id) => (emails.get(id) ?? 0) > 1).length,
  };
}

/** Reads every audited topic from the beginning until the probe has the last record of each partition. */
async function readTopics(brokers: string[]): Promise<readonly ProbedRecord[]> {
  const probe = await TopicProbe.start(brokers, AUDITED_TOPICS);
  try {
    await withAdmin(brokers, (admin) =>
      waitUntil(
        () => probeCaughtUp(admin, probe, AUDITED_TOPICS),
        60_000,
        'the probe to read every topic to its end',
        250,
      ),
    );
    return [...probe.all()];
  } finally {
    await probe.stop();
  }
}

/** `key(record)` → the distinct event ids (`ce_id`) of records of `type`. */
function eventIdsBy(
  records: readonly ProbedRecord[],
  type: string,
  key: (record: ProbedRecord) => string,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.headers.ce_type !== type) continue;
    const k = key(r);
    result.set(k, (result.get(k) ?? new Set()).add(r.headers.ce_id));
  }
  return result;
}

/** `dlq_reason` with ids masked and cut short, so one defect is one line. */
function reasonCounts(deadLetters: readonly ProbedRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of deadLetters) {
    const reason = (record.headers[DeadLetterHeader.Reason] ?? 'no reason')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .slice(0, 120);
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function profileKey(value: unknown): string {
  const profile = (value as { profile?: Registration }).profile;
  return profile ? registrationKey(profile) : '';
}

/** Message-ID → how many copies reached the SMTP sink (a resend after a crash repeats the Message-ID). */
function messageIdCounts(mailDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
    const header = /^message-id:\s*(<[^>]+>)/im.exec(readFileSync(join(mailDir, file), 'utf8'))?.[1];
    if (header) counts.set(header, (counts.get(header) ?? 0) + 1);
  }
  return counts;
}
