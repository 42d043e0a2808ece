import { ParticipantStatus } from '@bridges/contracts';
import { OfferExpiryWorker } from '../src/registrations/offer-expiry.worker';
import { delegation, forumBody } from './support/event.factory';
import { bearer, startEventsCluster, tokens, type EventsTestCluster } from './support/events-test-app';

interface Row {
  id: string;
  registration_id: string;
  status: string;
  country: string;
  arrival: number;
  waitlist: number | null;
}

/**
 * Capacity, quotas and the waiting list under concurrency, with two instances of the service on one
 * database: 500 registrations race for a 400-seat forum with per-country quotas; cancellations and an
 * expired offer each move exactly one seat to the next eligible person.
 */
describe('seats under concurrent registrations and cancellations (two instances, real PostgreSQL)', () => {
  let cluster: EventsTestCluster;
  let eventId: string;
  let coordinator: string;

  const participants = (): Promise<Row[]> =>
    cluster.dataSource.query<Row[]>(
      `SELECT id, registration_id, status, country, arrival_seq::int AS arrival, waitlist_seq::int AS waitlist
         FROM participant WHERE event_id = $1 ORDER BY arrival_seq`,
      [eventId],
    );
  /** The event's ETag now: a coordinator's change names the version it was made on. */
  const currentEtag = async () => {
    const [{ version }] = await cluster.dataSource.query<{ version: number }[]>(
      'SELECT version FROM event WHERE id = $1',
      [eventId],
    );
    return `"${version}"`;
  };
  const counters = async () => {
    const [event] = await cluster.dataSource.query<{ held: number }[]>(
      `SELECT seats_held AS held FROM event WHERE id = $1`,
      [eventId],
    );
    const quotas = await cluster.dataSource.query<{ key: string; seats: number; held: number }[]>(
      `SELECT key, seats, held FROM event_quota WHERE event_id = $1 ORDER BY key`,
      [eventId],
    );
    return { held: event.held, quotas };
  };
  /** What the counters must be: every seat-holding participant counted once (limits as they are now). */
  const recount = async () => {
    const rows = await participants();
    const holding = rows.filter((r) => ['pending', 'offered', 'confirmed'].includes(r.status));
    const { quotas } = await counters();
    return {
      held: holding.length,
      quotas: quotas.map(({ key, seats }) => ({
        key,
        seats,
        held: holding.filter((r) => r.country === key).length,
      })),
    };
  };
  const cancel = (i: number, row: Row) =>
    cluster
      .http(i)
      .post(`/registrations/${row.registration_id}/participants/${row.id}/cancel`)
      .set('Authorization', coordinator)
      .send({});

  beforeAll(async () => {
    cluster = await startEventsCluster(2);
    coordinator = await bearer(tokens.coordinator());
    const created = await cluster
      .http(0)
      .post('/events')
      .set('Authorization', coordinator)
      .send(
        forumBody({
          quotas: [
            { dimension: 'country', key: 'PL', seats: 150 },
            { dimension: 'country', key: 'UA', seats: 250 },
          ],
        }),
      )
      .expect(201);
    eventId = (created.body as { id: string }).id;
    await cluster
      .http(1)
      .post(`/events/${eventId}/status`)
      .set('Authorization', coordinator)
      .send({ status: 'published' })
      .expect(200);
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it('should confirm exactly 400, keep every quota, and waitlist the rest in arrival order when 500 register at once on two instances', async () => {
    // 200 Polish and 300 Ukrainian registrations, interleaved, spread over both instances.
    const bodies = Array.from({ length: 500 }, (_, i) => delegation(i % 5 < 2 ? 'PL' : 'UA'));

    const answers = await Promise.all(
      bodies.map((body, i) =>
        cluster.http(i).post(`/events/${eventId}/registrations`).set('Authorization', coordinator).send(body),
      ),
    );

    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.text])).toEqual([]);
    const rows = await participants();
    expect(rows).toHaveLength(500);
    const by = (country: string, status: string) =>
      rows.filter((r) => r.country === country && r.status === status);
    expect(rows.filter((r) => r.status === ParticipantStatus.Confirmed)).toHaveLength(400);
    expect(by('PL', 'confirmed')).toHaveLength(150);
    expect(by('UA', 'confirmed')).toHaveLength(250);
    expect(by('PL', 'waitlisted')).toHaveLength(50);
    expect(by('UA', 'waitlisted')).toHaveLength(50);
    // In order: within a country, everyone confirmed arrived before everyone waitlisted.
    for (const country of ['PL', 'UA']) {
      const lastConfirmed = Math.max(...by(country, 'confirmed').map((r) => r.arrival));
      const firstWaitlisted = Math.min(...by(country, 'waitlisted').map((r) => r.arrival));
      expect(lastConfirmed).toBeLessThan(firstWaitlisted);
    }
    expect(rows.filter((r) => r.status === 'waitlisted').every((r) => r.waitlist === r.arrival)).toBe(true);
    // The counters agree with the rows.
    expect(await counters()).toEqual(await recount());
    expect((await counters()).held).toBe(400);
    // The API states the places on the waiting list: 1…100 without gaps.
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    const places = await Promise.all(
      waitlisted.map(async (r) => {
        const res = await cluster
          .http()
          .get(`/registrations/${r.registration_id}`)
          .set('Authorization', coordinator)
          .expect(200);
        return (res.body as { participants: { waitlistPosition: number }[] }).participants[0]
          .waitlistPosition;
      }),
    );
    expect(places).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('should offer each seat freed by concurrent cancellations exactly once, to the first waitlisted of a country with room', async () => {
    const before = await participants();
    const plConfirmed = before.filter((r) => r.country === 'PL' && r.status === 'confirmed').slice(0, 4);
    const uaConfirmed = before.filter((r) => r.country === 'UA' && r.status === 'confirmed').slice(0, 3);
    const firstPlWaiting = before.filter((r) => r.country === 'PL' && r.status === 'waitlisted').slice(0, 4);
    const firstUaWaiting = before.filter((r) => r.country === 'UA' && r.status === 'waitlisted').slice(0, 3);

    const answers = await Promise.all([...plConfirmed, ...uaConfirmed].map((row, i) => cancel(i, row)));

    expect(answers.map((a) => a.status)).toEqual(Array(7).fill(200));
    const after = await participants();
    const offered = after.filter((r) => r.status === 'offered');
    expect(offered.map((r) => r.id).sort()).toEqual(
      [...firstPlWaiting, ...firstUaWaiting].map((r) => r.id).sort(),
    );
    expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(7);
    expect(await counters()).toEqual(await recount());
    expect((await counters()).held).toBe(400);
    // One offer event per freed seat: none twice, none missing.
    const offerEvents = await cluster.probe.waitForCount(
      (r) => r.headers.ce_type === 'events.registration.participant-offered.v1',
      7,
      60_000,
    );
    expect(new Set(offerEvents.map((r) => (r.value as { participantId: string }).participantId)).size).toBe(
      7,
    );
  });

  it('should expire an offer past its deadline once, when two instances sweep at once, and offer the seat to the next in line', async () => {
    const before = await participants();
    const [expiring] = before.filter((r) => r.country === 'PL' && r.status === 'offered');
    const [nextInLine] = before.filter((r) => r.country === 'PL' && r.status === 'waitlisted');
    await cluster.dataSource.query(
      `UPDATE participant SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expiring.id],
    );

    const expired = await Promise.all(cluster.instances.map((app) => app.get(OfferExpiryWorker).runOnce()));

    expect(expired.sort()).toEqual([0, 1]);
    const after = await participants();
    const status = (id: string) => after.find((r) => r.id === id)!.status;
    expect(status(expiring.id)).toBe('offer-expired');
    expect(status(nextInLine.id)).toBe('offered');
    expect(after.filter((r) => r.status === 'offered')).toHaveLength(7);
    expect(await counters()).toEqual(await recount());
  });

  it('should confirm an accepted offer and refuse to accept it twice', async () => {
    const [offered] = (await participants()).filter((r) => r.status === 'offered');
    const path = `/registrations/${offered.registration_id}/participants/${offered.id}/accept-offer`;

    const first = await cluster.http(0).post(path).set('Authorization', coordinator).send({});
    const second = await cluster.http(1).post(path).set('Authorization', coordinator).send({});

    expect(first.status).toBe(200);
    expect(first.body.participants[0].status).toBe('confirmed');
    expect(first.body.participants[0].checkInCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PARTICIPANT_INVALID_STEP');
    expect(await counters()).toEqual(await recount());
  });

  it('should refuse a capacity below the seats held with 409 and leave the event as it was', async () => {
    const res = await cluster
      .http()
      .patch(`/events/${eventId}`)
      .set('Authorization', coordinator)
      .set('If-Match', await currentEtag())
      .send({ capacity: 399 })
      .expect(409);

    expect(res.body.code).toBe('EVENT_CAPACITY_BELOW_HELD');
    expect((await counters()).held).toBe(400);
  });

  it('should offer new seats to the waiting list when capacity and a quota grow', async () => {
    const offeredBefore = (await participants()).filter((r) => r.status === 'offered').length;
    await cluster
      .http()
      .patch(`/events/${eventId}`)
      .set('Authorization', coordinator)
      .set('If-Match', await currentEtag())
      .send({ capacity: 402 })
      .expect(200);
    // Capacity alone does not help: both countries' quotas are full.
    expect((await participants()).filter((r) => r.status === 'offered')).toHaveLength(offeredBefore);

    await cluster
      .http()
      .put(`/events/${eventId}/quotas`)
      .set('Authorization', coordinator)
      .send({ dimension: 'country', key: 'ua', seats: 252 })
      .expect(200);

    const after = await participants();
    expect(after.filter((r) => r.status === 'offered')).toHaveLength(offeredBefore + 2);
    expect((await counters()).held).toBe(402);
  });

  it('should offer no seat freed after the event was held', async () => {
    await cluster
      .http()
      .post(`/events/${eventId}/status`)
      .set('Authorization', coordinator)
      .send({ status: 'held' })
      .expect(200);
    const before = await participants();
    const [confirmed] = before.filter((r) => r.status === 'confirmed');

    await cancel(0, confirmed).expect(200);

    const after = await participants();
    expect(after.filter((r) => r.status === 'offered').map((r) => r.id)).toEqual(
      before.filter((r) => r.status === 'offered').map((r) => r.id),
    );
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(
      before.filter((r) => r.status === 'waitlisted').length,
    );
    expect(await counters()).toEqual(await recount());
  });
});
