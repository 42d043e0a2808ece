import { randomInt, randomUUID } from 'node:crypto';
import {
  MatchProposedV1Event,
  Topics,
  type MatchProposedV1,
  type MunicipalityProfileV1,
} from '@bridges/contracts';
import { euProfile, hromadaProfile } from '../../apps/matching/test/support/registry-events';
import { eventRecord, registered } from '../../apps/notifications/test/support/registry-records';
import type { BenchInfra } from '../support/bench-infra';
import { printTable } from '../support/stats';
import { ConsumerGroupWatch } from './consumer-group';
import { drain, drainRow, medianCores, medianRate, type Drain } from './drain';
import type { ServiceProcess } from './service-process';
import { DIRECTORY_EVENTS, log, PROPOSAL_EVENTS, ROUNDS, type SummaryRow } from './settings';

const withContact = (p: MunicipalityProfileV1): MunicipalityProfileV1 => ({
  ...p,
  contacts: [
    {
      contactId: randomUUID(),
      name: 'Bench contact',
      email: `contact-${p.municipalityId}@bench.test`,
      preferredLanguage: 'en',
    },
  ],
});

function proposalRecord(hromadaId: string, euMunicipalityId: string, campaignId: string) {
  const payload: MatchProposedV1 = {
    proposalId: randomUUID(),
    campaignId,
    hromadaId,
    euMunicipalityId,
    score: 0.8,
    rank: 1,
    mode: 'incremental',
    factors: [
      { factor: 'sector-fit', score: 0.9, weight: 0.4, explanation: 'water-supply need meets offer' },
    ],
  };
  return eventRecord(MatchProposedV1Event, payload);
}

/**
 * notifications as the consumer of matching.proposal.v1 (digest entries for the contacts of both
 * sides), each round after the directory (registry.municipality.v1) the proposals need.
 */
export async function benchNotifications(svc: ServiceProcess, infra: BenchInfra): Promise<SummaryRow[]> {
  const directoryTopic = `${infra.topicPrefix}${Topics.registry.municipality}`;
  const proposalTopic = `${infra.topicPrefix}${Topics.matching.proposal}`;
  const watch = await ConsumerGroupWatch.connect(infra.brokers, `${infra.topicPrefix}bridges-notifications`);
  const consumer = { svc, watch, brokers: infra.brokers };
  try {
    await watch.waitStable();
    const campaignId = randomUUID();
    log(
      `[notifications] ${ROUNDS} rounds: ${DIRECTORY_EVENTS} profiles, then ${PROPOSAL_EVENTS} proposals ...`,
    );
    const directory: Drain[] = [];
    const proposals: Drain[] = [];
    // Round 0 warms up (JIT, connection pools, caches) and is not counted.
    for (let r = 0; r <= ROUNDS; r++) {
      // The directory first (a proposal naming an unknown municipality would wait, parked).
      const hromadas = Array.from({ length: DIRECTORY_EVENTS / 2 }, () => withContact(hromadaProfile()));
      const eus = Array.from({ length: DIRECTORY_EVENTS / 2 }, () => withContact(euProfile()));
      const profiles = await drain(consumer, directoryTopic, [...hromadas, ...eus].map(registered));
      const records = Array.from({ length: PROPOSAL_EVENTS }, () =>
        proposalRecord(
          hromadas[randomInt(hromadas.length)].municipalityId,
          eus[randomInt(eus.length)].municipalityId,
          campaignId,
        ),
      );
      const proposed = await drain(consumer, proposalTopic, records);
      log(
        `  ${r === 0 ? 'warm-up (not counted)' : `round ${r}/${ROUNDS}`}: directory ${Math.round(profiles.eventsPerSecond)}, proposals ${Math.round(proposed.eventsPerSecond)} events/s`,
      );
      if (r === 0) continue;
      directory.push(profiles);
      proposals.push(proposed);
    }
    console.log(`\nnotifications — consumer, backlog drained (dispatcher off), medians of ${ROUNDS} rounds`);
    printTable([
      drainRow('registry.municipality.v1 (directory, 1 contact each)', DIRECTORY_EVENTS, directory),
      drainRow('matching.proposal.v1 (digest entries for both sides)', PROPOSAL_EVENTS, proposals),
    ]);
    return [
      {
        service: 'notifications',
        work: 'matching.proposal.v1 (digest queueing)',
        sustained: `${medianRate(proposals)} events/s`,
        bound: `service ${medianCores(proposals)} cores`,
      },
      {
        service: 'notifications',
        work: 'registry.municipality.v1 (directory)',
        sustained: `${medianRate(directory)} events/s`,
        bound: `service ${medianCores(directory)} cores`,
      },
    ];
  } finally {
    await watch.close();
  }
}
