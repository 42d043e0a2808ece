import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AidRequestPublishedV1Event,
  AidRequestSharedV1Event,
  AidRequestStatusChangedV1Event,
  type AidRequestPublishedV1,
  type AidRequestSharedV1,
  type PartnershipEstablishedV1,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { waitUntil } from '@bridges/testing';
import { AidRequestsService } from '../src/aid-requests/aid-requests.service';
import { outboxPublisher } from '../src/common/publish-fn';
import { PartnershipProjectionService } from '../src/projection/partnership-projection.service';
import { aidRequestBody, LogisticsWorld } from './support/logistics-world';
import { established, euProfile, hromadaProfile } from './support/upstream-events';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A promise the test resolves when it chooses: the gate a transaction waits at before committing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A promise plus whether it settled yet, so a wait can stop once the other side is done (no lock held). */
function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const done = promise.finally(() => (settled = true));
  done.catch(() => undefined);
  return { promise: done, settled: () => settled };
}

/**
 * A request published at the very moment its hromada's partnership is recorded: the EU partner must hear
 * of it exactly once — in the published event's `partnerIds`, or in one shared event — never neither,
 * never both. Publication holds the hromada's projection row FOR SHARE, the partnership FOR UPDATE; each
 * case pins one side inside its transaction, after it took its lock, until the other side is seen waiting
 * on that lock (or done, as it would be without the locks), so the interleaving is the same on every run.
 */
describe('a request published while its partnership is recorded (HTTP + Kafka, real PostgreSQL)', () => {
  let world: LogisticsWorld;

  beforeAll(async () => {
    world = await LogisticsWorld.start('logistics_publication_race');
  });

  afterAll(async () => {
    await world?.stop();
  });

  /** Two municipalities logistics knows, no partnership yet, and the establishment matching will send. */
  async function strangers() {
    const hromada = await world.municipality(hromadaProfile());
    const eu = await world.municipality(euProfile());
    const partnershipId = randomUUID();
    const event = JSON.parse(
      established(hromada.municipalityId, eu.municipalityId, partnershipId).value,
    ) as PartnershipEstablishedV1;
    return { hromadaId: hromada.municipalityId, euId: eu.municipalityId, event };
  }

  /** What the partnership consumer does with an establishment, in the caller's transaction. */
  async function recordPartnership(manager: EntityManager, event: PartnershipEstablishedV1): Promise<void> {
    const { recorded } = await world.app.get(PartnershipProjectionService).establish(manager, event);
    expect(recorded).toBe(true);
    await world.app
      .get(AidRequestsService)
      .shareOpenRequests(manager, outboxPublisher(world.app.get(OutboxWriter), manager), event);
  }

  function publish(hromadaId: string) {
    return tracked(
      world
        .officer(hromadaId)
        .then((token) => world.http().post('/aid-requests').set(auth(token)).send(aidRequestBody(hromadaId))),
    );
  }

  /** The backend the given one blocks (a lock it holds is waited for), in a statement matching the pattern. */
  async function blockedBy(holderPid: number, statement = '%'): Promise<number | undefined> {
    const rows = await world.dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND $1 = ANY (pg_blocking_pids(pid)) AND query ILIKE $2`,
      [holderPid, statement],
    );
    return rows[0]?.pid;
  }

  async function backendPid(manager: EntityManager): Promise<number> {
    const [{ pid }] = await manager.query<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
    return pid;
  }

  /**
   * Every event about the request that names the partner. Cancelling it afterwards is the marker: its
   * status change has the same key, so it reaches Kafka after everything the two transactions wrote.
   */
  async function announcementsTo(requestId: string, hromadaId: string, partnerId: string) {
    await world
      .http()
      .post(`/aid-requests/${requestId}/status`)
      .set(auth(await world.officer(hromadaId)))
      .set('If-Match', '"1"')
      .send({ status: 'cancelled' })
      .expect(200);
    await world.probe.waitFor(
      (r) => r.key === requestId && r.headers.ce_type === AidRequestStatusChangedV1Event.type,
      30_000,
    );
    const ofRequest = world.probe.all().filter((r) => r.key === requestId);
    const published = ofRequest
      .filter((r) => r.headers.ce_type === AidRequestPublishedV1Event.type)
      .map((r) => r.value as AidRequestPublishedV1);
    const shared = ofRequest
      .filter((r) => r.headers.ce_type === AidRequestSharedV1Event.type)
      .map((r) => r.value as AidRequestSharedV1);
    expect(published).toHaveLength(1);
    return {
      inPublished: published[0].partnerIds.filter((id) => id === partnerId).length,
      inShared: shared.filter((s) => s.partnerId === partnerId).length,
    };
  }

  it('should name the partner in the published event when the partnership took the hromada first', async () => {
    const { hromadaId, euId, event } = await strangers();
    const locked = gate();
    const commit = gate();
    let recordingPid = 0;
    const recording = world.dataSource.transaction(async (manager) => {
      recordingPid = await backendPid(manager);
      await recordPartnership(manager, event);
      locked.open();
      await commit.opened;
    });
    let posting!: ReturnType<typeof publish>;
    try {
      await Promise.race([locked.opened, recording]);
      posting = publish(hromadaId);
      await waitUntil(
        async () => posting.settled() || (await blockedBy(recordingPid)) !== undefined,
        30_000,
        'the publication waiting on the hromada held by the partnership',
      );
    } finally {
      commit.open();
    }
    await recording;
    const posted = await posting.promise;
    expect(posted.status).toBe(201);

    expect(await announcementsTo(posted.body.id, hromadaId, euId)).toEqual({ inPublished: 1, inShared: 0 });
  });

  it('should share the request with the partner when its publication took the hromada first', async () => {
    const { hromadaId, euId, event } = await strangers();
    // Holding the outbox table in SHARE mode stops the publication at its event, after it took the
    // hromada FOR SHARE and computed partnerIds, before it commits: a publication in flight.
    const holder = world.dataSource.createQueryRunner();
    await holder.connect();
    let posting!: ReturnType<typeof publish>;
    let recording!: ReturnType<typeof tracked<void>>;
    try {
      await holder.startTransaction();
      await holder.query('LOCK TABLE outbox_message IN SHARE MODE');
      posting = publish(hromadaId);
      const holderPid = await backendPid(holder.manager);
      let publicationPid: number | undefined;
      await waitUntil(
        async () =>
          (publicationPid = await blockedBy(holderPid, 'INSERT INTO%outbox_message%')) !== undefined,
        30_000,
        'the publication stopped before writing its event',
      );

      recording = tracked(world.dataSource.transaction((manager) => recordPartnership(manager, event)));
      await waitUntil(
        async () => recording.settled() || (await blockedBy(publicationPid!)) !== undefined,
        30_000,
        'the partnership waiting on the hromada held by the publication',
      );
      await holder.commitTransaction();
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    const posted = await posting.promise;
    expect(posted.status).toBe(201);
    await recording.promise;

    expect(await announcementsTo(posted.body.id, hromadaId, euId)).toEqual({ inPublished: 0, inShared: 1 });
  });
});
