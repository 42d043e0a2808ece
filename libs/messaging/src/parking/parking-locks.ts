import type { EntityManager } from 'typeorm';

/** Advisory lock namespaces (two-key form; the outbox relay's lanes use 727_100). */
const AGGREGATE_LOCK_NAMESPACE = 727_201;
const DEPENDENCY_LOCK_NAMESPACE = 727_202;

/** The events of one aggregate as one consumer group reads them: they are applied in this order. */
export interface ParkingAggregate {
  readonly consumerGroup: string;
  /** Physical topic. */
  readonly topic: string;
  readonly aggregateKey: string;
}

/**
 * Serialises, until the transaction ends, everything that parks or resumes events of one aggregate:
 * an event parks behind earlier ones, or a resume drains them, never both at once and never on two
 * instances at once.
 */
export async function lockAggregate(manager: EntityManager, aggregate: ParkingAggregate): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [
    AGGREGATE_LOCK_NAMESPACE,
    `${aggregate.consumerGroup}\n${aggregate.topic}\n${aggregate.aggregateKey}`,
  ]);
}

/**
 * Held, until the transaction ends, both by the side that makes a dependency available and by the side
 * that parks an event waiting for it (which checks the dependency once more after taking it). So the
 * arrival either commits first and the check sees it, or waits until the parked row is visible to the
 * resume that follows the arrival: an event cannot park just after its dependency arrived and then wait
 * for the periodic retry.
 */
export async function lockDependency(manager: EntityManager, dependencyKey: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [
    DEPENDENCY_LOCK_NAMESPACE,
    dependencyKey,
  ]);
}
