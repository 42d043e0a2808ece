/**
 * Waits until the system has finished with everything it was given, judged from sequences, never
 * from time: each stage is checked after the stage feeding it. Outbox empty (all published), consumer
 * group at the topic's end (all handled), no proposal waiting for its digest, no delivery still to send.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import { Topics } from '@bridges/contracts';
import { groupLag, withAdmin } from './kafka-offsets';
import type { SystemDatabases } from './system-databases';

export interface Quiescence {
  quiet: boolean;
  waitedMs: number;
  /** The first stage still busy when the wait gave up. */
  pending?: string;
}

const OUTBOX = 'SELECT count(*) AS n FROM outbox_message';
const NOTIFICATIONS_TOPICS = [
  Topics.registry.municipality,
  Topics.matching.proposal,
  Topics.matching.partnership,
];

function stages(admin: Admin, db: SystemDatabases): [string, () => Promise<boolean>][] {
  return [
    ['registry outbox', async () => (await db.count('registry', OUTBOX)) === 0],
    [
      'matching consumer',
      async () => (await groupLag(admin, 'bridges-matching', [Topics.registry.municipality])) === 0,
    ],
    ['matching outbox', async () => (await db.count('matching', OUTBOX)) === 0],
    [
      'notifications consumer',
      async () => (await groupLag(admin, 'bridges-notifications', NOTIFICATIONS_TOPICS)) === 0,
    ],
    [
      'digest planner',
      async () =>
        (await db.count(
          'notifications',
          'SELECT count(*) AS n FROM pending_proposal WHERE digested_at IS NULL',
        )) === 0,
    ],
    [
      'delivery dispatcher',
      async () =>
        (await db.count(
          'notifications',
          `SELECT count(*) AS n FROM delivery WHERE status IN ('queued', 'sending', 'retrying')`,
        )) === 0,
    ],
    ['notifications outbox', async () => (await db.count('notifications', OUTBOX)) === 0],
  ];
}

export function waitForQuiescence(
  brokers: string[],
  db: SystemDatabases,
  timeoutMs = 120_000,
): Promise<Quiescence> {
  const started = Date.now();
  return withAdmin(brokers, async (admin) => {
    const checks = stages(admin, db);
    for (;;) {
      let pending: string | undefined;
      for (const [name, done] of checks) {
        if (!(await done().catch(() => false))) {
          pending = name;
          break;
        }
      }
      const waitedMs = Date.now() - started;
      if (pending === undefined) return { quiet: true, waitedMs };
      if (waitedMs > timeoutMs) return { quiet: false, waitedMs, pending };
      await sleep(500);
    }
  });
}
