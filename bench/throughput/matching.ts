import { Client } from 'pg';
import { Topics } from '@bridges/contracts';
import { insertDemoCampaign } from '../../apps/matching/test/support/demo-campaign';
import { euProfile, hromadaProfile, registered } from '../../apps/matching/test/support/registry-events';
import type { BenchInfra } from '../support/bench-infra';
import { printTable } from '../support/stats';
import { ConsumerGroupWatch } from './consumer-group';
import { drain, drainRow, medianCores, medianRate, rounds } from './drain';
import type { ServiceProcess } from './service-process';
import { EU_EVENTS, HROMADA_EVENTS, log, ROUNDS, type SummaryRow } from './settings';

/**
 * matching as the consumer of registry.municipality.v1: EU municipalities (projection), then hromadas
 * (projection + incremental proposals against every EU municipality registered before them).
 */
export async function benchMatching(svc: ServiceProcess, infra: BenchInfra): Promise<SummaryRow[]> {
  const topic = `${infra.topicPrefix}${Topics.registry.municipality}`;
  const watch = await ConsumerGroupWatch.connect(infra.brokers, `${infra.topicPrefix}bridges-matching`);
  const consumer = { svc, watch, brokers: infra.brokers };
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  try {
    await watch.waitStable();
    // An active campaign from the start, as in production: hromadas get incremental proposals.
    await insertDemoCampaign(db);
    log(
      `[matching] ${ROUNDS} rounds of ${EU_EVENTS} EU registrations, then of ${HROMADA_EVENTS} hromadas ...`,
    );
    const eu = await rounds('EU registrations', () =>
      drain(
        consumer,
        topic,
        Array.from({ length: EU_EVENTS }, () => registered(euProfile())),
      ),
    );
    const pool = EU_EVENTS * (ROUNDS + 1);
    const hromadas = await rounds('hromada registrations', () =>
      drain(
        consumer,
        topic,
        Array.from({ length: HROMADA_EVENTS }, () => registered(hromadaProfile())),
      ),
    );
    const proposals = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM proposal')).rows[0].n);
    console.log(
      `\nmatching — consumer of registry.municipality.v1, backlog drained, medians of ${ROUNDS} rounds`,
    );
    printTable([
      drainRow('EU municipalities registered (projection)', EU_EVENTS, eu),
      drainRow(`hromadas registered (projection + proposals against ${pool} EU)`, HROMADA_EVENTS, hromadas),
    ]);
    console.log(`${proposals} proposals written for ${HROMADA_EVENTS * (ROUNDS + 1)} hromadas`);
    return [
      {
        service: 'matching',
        work: 'registry.municipality.v1, hromada (proposals)',
        sustained: `${medianRate(hromadas)} events/s`,
        bound: `service ${medianCores(hromadas)} cores; pool ${pool} EU`,
      },
      {
        service: 'matching',
        work: 'registry.municipality.v1, EU (projection)',
        sustained: `${medianRate(eu)} events/s`,
        bound: `service ${medianCores(eu)} cores`,
      },
    ];
  } finally {
    await db.end();
    await watch.close();
  }
}
