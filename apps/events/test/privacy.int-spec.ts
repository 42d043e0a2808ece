import { randomUUID } from 'node:crypto';
import type { ProbedRecord } from '@bridges/testing/kafka/topic-probe';
import { PersonalDataPurgeWorker } from '../src/privacy/personal-data-purge.worker';
import { delegation, forumBody, person } from './support/event.factory';
import { bearer, startEventsCluster, tokens, type EventsTestCluster } from './support/events-test-app';

interface PersonRow {
  full_name: string;
  email: string | null;
  guardian_name: string | null;
  status: string;
  country: string;
  checked_in_at: Date | null;
  personal_data_erased_at: Date | null;
}

const ERASED_TYPE = 'events.registration.personal-data-erased.v1';

/** Privacy: erasure on request, and personal data purged once the retention after an event has passed. */
describe('personal data of participants (real PostgreSQL)', () => {
  let cluster: EventsTestCluster;
  let coordinator: string;
  let officer: string;
  const municipalityId = randomUUID();

  const people = (eventId: string) =>
    cluster.dataSource.query<PersonRow[]>(
      `SELECT full_name, email, guardian_name, status, country, checked_in_at, personal_data_erased_at
         FROM participant WHERE event_id = $1 ORDER BY position`,
      [eventId],
    );
  const publishedWithRegistration = async () => {
    const created = await cluster
      .http()
      .post('/events')
      .set('Authorization', coordinator)
      .send(forumBody({ kind: 'summer-school', capacity: 36 }))
      .expect(201);
    const eventId = (created.body as { id: string }).id;
    await cluster
      .http()
      .post(`/events/${eventId}/status`)
      .set('Authorization', coordinator)
      .send({ status: 'published' })
      .expect(200);
    const child = person({
      isMinor: true,
      guardian: { name: 'Guardian', contact: '+380 50 000 0000', consentGiven: true },
    });
    const res = await cluster
      .http()
      .post(`/events/${eventId}/registrations`)
      .set('Authorization', officer)
      .send(
        delegation('UA', 2, {
          participants: [child, person()],
          contact: { name: 'Head', email: 'head@example.org', language: 'uk' },
        }),
      )
      .expect(201);
    return {
      eventId,
      registration: res.body as { id: string; participants: { id: string; checkInCode: string }[] },
    };
  };
  /** Moves an event into the past, as if it had been held `daysAgo` days ago. */
  const endedDaysAgo = (eventId: string, daysAgo: number) =>
    cluster.dataSource.query(
      `UPDATE event SET starts_at = now() - make_interval(days => $2 + 1), ends_at = now() - make_interval(days => $2), status = 'held' WHERE id = $1`,
      [eventId, daysAgo],
    );

  /** `personal-data-erased` records of one event, as relayed to `events.registration.v1`. */
  const erasedRecords = (eventId: string) => (r: ProbedRecord) =>
    r.headers.ce_type === ERASED_TYPE && (r.value as { eventId: string }).eventId === eventId;

  beforeAll(async () => {
    cluster = await startEventsCluster(1, { EVENTS_PERSONAL_DATA_RETENTION_DAYS: '30' });
    coordinator = await bearer(tokens.coordinator());
    officer = await bearer(tokens.officer(municipalityId));
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  describe('DELETE /registrations/:id/participants/:pid/personal-data', () => {
    it('should erase the person, free the seat and keep the delegation and country', async () => {
      const { eventId, registration } = await publishedWithRegistration();

      await cluster
        .http()
        .delete(
          `/registrations/${registration.id}/participants/${registration.participants[0].id}/personal-data`,
        )
        .set('Authorization', officer)
        .expect(200);

      const [erased, kept] = await people(eventId);
      expect(erased).toMatchObject({
        full_name: '(erased)',
        email: null,
        guardian_name: null,
        status: 'cancelled',
        country: 'UA',
      });
      expect(erased.personal_data_erased_at).not.toBeNull();
      expect(kept.full_name).not.toBe('(erased)');
      const [{ held }] = await cluster.dataSource.query<{ held: number }[]>(
        `SELECT seats_held AS held FROM event WHERE id = $1`,
        [eventId],
      );
      expect(held).toBe(1);
      const [announced] = await cluster.probe.waitForCount(erasedRecords(eventId), 1, 30_000);
      expect(announced.key).toBe(registration.id);
      expect(announced.value).toEqual({
        registrationId: registration.id,
        eventId,
        participantId: registration.participants[0].id,
        reason: 'request',
        erasedAt: expect.any(String),
      });
    });

    it('should announce an erasure once: asking again erases nothing more and announces nothing', async () => {
      const { eventId, registration } = await publishedWithRegistration();
      const [first, second] = registration.participants;
      const erase = (participantId: string) =>
        cluster
          .http()
          .delete(`/registrations/${registration.id}/participants/${participantId}/personal-data`)
          .set('Authorization', officer)
          .expect(200);

      await erase(first.id);
      await erase(first.id);
      await erase(second.id); // the marker: same registration key, so relayed after anything the repeat wrote

      const announced = await cluster.probe.waitForCount(
        (r) =>
          erasedRecords(eventId)(r) && (r.value as { participantId: string }).participantId === second.id,
        1,
        30_000,
      );
      expect(announced).toHaveLength(1);
      expect(
        cluster.probe
          .all()
          .filter(erasedRecords(eventId))
          .map((r) => (r.value as { participantId: string }).participantId),
      ).toEqual([first.id, second.id]);
    });
  });

  describe(PersonalDataPurgeWorker.name, () => {
    it('should erase personal data of events past retention once, when sweeps overlap, keeping attendance, and leave recent events alone', async () => {
      const old = await publishedWithRegistration();
      const recent = await publishedWithRegistration();
      await cluster
        .http()
        .post(`/events/${old.eventId}/check-ins`)
        .set('Authorization', coordinator)
        .send({ code: old.registration.participants[0].checkInCode })
        .expect(200);
      await endedDaysAgo(old.eventId, 31);
      await endedDaysAgo(recent.eventId, 29);
      const worker = cluster.instances[0].get(PersonalDataPurgeWorker);

      const purged = await Promise.all([worker.runOnce(), worker.runOnce()]);

      expect(purged.sort()).toEqual([0, 1]);
      const oldPeople = await people(old.eventId);
      expect(oldPeople.map((p) => [p.full_name, p.email, p.guardian_name, p.status, p.country])).toEqual([
        ['(erased)', null, null, 'confirmed', 'UA'],
        ['(erased)', null, null, 'confirmed', 'UA'],
      ]);
      expect(oldPeople[0].checked_in_at).not.toBeNull();
      const [contact] = await cluster.dataSource.query<{ contact_name: string | null }[]>(
        `SELECT contact_name FROM registration WHERE id = $1`,
        [old.registration.id],
      );
      expect(contact.contact_name).toBeNull();
      expect((await people(recent.eventId)).every((p) => p.full_name !== '(erased)')).toBe(true);
      const attendance = await cluster
        .http()
        .get(`/events/${old.eventId}/attendance`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(attendance.body).toEqual([
        { country: 'UA', municipalityId, associationId: null, confirmed: 2, checkedIn: 1 },
      ]);
      const announced = await cluster.probe.waitForCount(erasedRecords(old.eventId), 2, 30_000);
      // Ids only: none of the erased data travels in the announcement.
      expect(announced.map((r) => r.value)).toEqual(
        old.registration.participants.map((p) => ({
          registrationId: old.registration.id,
          eventId: old.eventId,
          participantId: p.id,
          reason: 'retention',
          erasedAt: expect.any(String) as unknown,
        })),
      );
      expect(cluster.probe.all().filter(erasedRecords(recent.eventId))).toEqual([]);
    });
  });
});
