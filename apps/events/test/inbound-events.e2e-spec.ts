import { randomUUID } from 'node:crypto';
import {
  PartnershipEstablishedV1Event,
  SolidarityForumAnnouncedV1Event,
  Topics,
  type PartnershipEstablishedV1,
  type SolidarityForumAnnouncedV1,
} from '@bridges/contracts';
import { waitForValue } from '@bridges/testing';
import { recordOf, sendRecords } from './support/inbound-records';
import { bearer, startEventsCluster, tokens, type EventsTestCluster } from './support/events-test-app';

const partnership = (overrides: Partial<PartnershipEstablishedV1> = {}): PartnershipEstablishedV1 => ({
  partnershipId: randomUUID(),
  proposalId: randomUUID(),
  campaignId: randomUUID(),
  hromadaId: randomUUID(),
  euMunicipalityId: randomUUID(),
  track: 'formal',
  establishedAt: '2027-03-01T07:00:00.000Z',
  ...overrides,
});

const forum = (overrides: Partial<SolidarityForumAnnouncedV1> = {}): SolidarityForumAnnouncedV1 => ({
  associationId: randomUUID(),
  externalForumId: `forum-${randomUUID()}`,
  title: 'Slovakia–Ukraine Solidarity Forum',
  startsAt: '2027-05-20T08:00:00.000Z',
  endsAt: '2027-05-21T16:00:00.000Z',
  venue: 'Košice, Kulturpark',
  capacity: 400,
  countryQuotas: [
    { country: 'SK', seats: 150 },
    { country: 'UA', seats: 250 },
  ],
  ...overrides,
});

/**
 * What the events service does with other services' events: a kick-off meeting per partnership established
 * (exactly one, however often it is delivered), a draft forum per forum announced, and the DLQ for what
 * can never be applied.
 */
describe('events from Kafka (real Kafka and PostgreSQL)', () => {
  let cluster: EventsTestCluster;

  const eventsOf = (column: 'partnership_id' | 'external_forum_id', value: string) =>
    cluster.dataSource.query<
      { id: string; status: string; kind: string; access: string; starts_at: Date; version: number }[]
    >(`SELECT id, status, kind, access, starts_at, version FROM event WHERE ${column} = $1`, [value]);

  beforeAll(async () => {
    cluster = await startEventsCluster(1);
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  describe('PartnershipEstablishedV1 on matching.partnership.v1', () => {
    it('should draft exactly one invitation-only online kick-off meeting with both partners invited when the event is delivered twice and replayed under a new id', async () => {
      const p = partnership();
      const first = recordOf(PartnershipEstablishedV1Event, p);
      const replay = recordOf(PartnershipEstablishedV1Event, p); // same partnership, a new event id
      // A later partnership on the same partition, consumed after the others, marks the end.
      const marker = partnership();
      const markerRecord = recordOf(PartnershipEstablishedV1Event, marker);

      await sendRecords(
        cluster.brokers,
        cluster.topic(Topics.matching.partnership),
        [first, first, replay, markerRecord],
        0,
      );

      await waitForValue(
        async () => (await eventsOf('partnership_id', marker.partnershipId))[0],
        60_000,
        'the marker partnership’s meeting',
      );
      const meetings = await eventsOf('partnership_id', p.partnershipId);
      expect(meetings).toHaveLength(1);
      expect(meetings[0]).toMatchObject({
        status: 'draft',
        kind: 'bilateral-kick-off-meeting',
        access: 'invitation-only',
      });
      const invited = await cluster.dataSource.query<{ municipality_id: string }[]>(
        `SELECT municipality_id FROM event_invitation WHERE event_id = $1 ORDER BY municipality_id`,
        [meetings[0].id],
      );
      expect(invited.map((r) => r.municipality_id)).toEqual([p.hromadaId, p.euMunicipalityId].sort());
      const lead = meetings[0].starts_at.getTime() - new Date(p.establishedAt).getTime();
      expect(lead).toBeGreaterThan(0);
      expect(lead).toBeLessThan(14 * 86_400_000);
      // Announced once on events.event.v1, without an online link, naming both invitees.
      const drafted = await cluster.probe.waitFor(
        (r) =>
          r.headers.ce_type === 'events.event.drafted.v1' &&
          (r.value as { partnershipId?: string }).partnershipId === p.partnershipId,
        30_000,
      );
      expect(drafted.value).toMatchObject({ origin: 'partnership-established', format: 'online' });
      expect(drafted.value).not.toHaveProperty('onlineLink');
      await cluster.probe.waitFor(
        (r) =>
          r.headers.ce_type === 'events.event.drafted.v1' &&
          (r.value as { partnershipId?: string }).partnershipId === marker.partnershipId,
        30_000,
      );
      expect(
        cluster.probe
          .all()
          .filter(
            (r) =>
              r.headers.ce_type === 'events.event.drafted.v1' &&
              (r.value as { partnershipId?: string }).partnershipId === p.partnershipId,
          ),
      ).toHaveLength(1);
    });

    it('should let an officer of an invited partner register for the published meeting and hide it from any other officer', async () => {
      const p = partnership();
      await sendRecords(cluster.brokers, cluster.topic(Topics.matching.partnership), [
        recordOf(PartnershipEstablishedV1Event, p),
      ]);
      const [meeting] = await waitForValue(
        async () => {
          const rows = await eventsOf('partnership_id', p.partnershipId);
          return rows.length ? rows : undefined;
        },
        60_000,
        'the kick-off meeting',
      );
      const coordinator = await bearer(tokens.coordinator());
      await cluster
        .http()
        .patch(`/events/${meeting.id}`)
        .set('Authorization', coordinator)
        .set('If-Match', `"${meeting.version}"`)
        .send({ onlineLink: 'https://meet.example.org/kick-off-1' })
        .expect(200);
      await cluster
        .http()
        .post(`/events/${meeting.id}/status`)
        .set('Authorization', coordinator)
        .send({ status: 'published' })
        .expect(200);
      const hromadaOfficer = await bearer(tokens.officer(p.hromadaId));
      const stranger = await bearer(tokens.officer(randomUUID()));

      const registered = await cluster
        .http()
        .post(`/events/${meeting.id}/registrations`)
        .set('Authorization', hromadaOfficer)
        .send({
          type: 'individual',
          country: 'UA',
          participants: [{ fullName: 'Ірина Бондар', language: 'uk' }],
        });
      const seen = await cluster.http().get(`/events/${meeting.id}`).set('Authorization', hromadaOfficer);
      const strangerSees = await cluster.http().get(`/events/${meeting.id}`).set('Authorization', stranger);
      const strangerRegisters = await cluster
        .http()
        .post(`/events/${meeting.id}/registrations`)
        .set('Authorization', stranger)
        .send({
          type: 'individual',
          country: 'PL',
          participants: [{ fullName: 'Jan Nowak', language: 'pl' }],
        });

      expect(registered.status).toBe(201);
      expect(registered.body.municipalityId).toBe(p.hromadaId);
      expect(registered.body.participants[0].status).toBe('confirmed');
      expect(seen.body.onlineLink).toBe('https://meet.example.org/kick-off-1');
      expect(strangerSees.status).toBe(404);
      expect(strangerSees.body.code).toBe('EVENT_NOT_FOUND');
      expect(strangerRegisters.status).toBe(404);
    });
  });

  describe('SolidarityForumAnnouncedV1 on associations.inbound.v1', () => {
    it('should draft the forum with its capacity and per-country quotas, once, when it is announced twice', async () => {
      const f = forum();
      const announce = () => recordOf(SolidarityForumAnnouncedV1Event, f, { source: '/associations/test' });
      const marker = forum({ associationId: f.associationId });
      await sendRecords(
        cluster.brokers,
        cluster.topic(Topics.associations.inbound),
        [
          announce(),
          announce(),
          // Same partition, consumed after both announcements.
          recordOf(SolidarityForumAnnouncedV1Event, marker),
        ],
        0,
      );

      await waitForValue(
        async () => (await eventsOf('external_forum_id', marker.externalForumId))[0],
        60_000,
        'marker forum',
      );
      const forums = await eventsOf('external_forum_id', f.externalForumId);
      expect(forums).toHaveLength(1);
      expect(forums[0]).toMatchObject({ status: 'draft', kind: 'solidarity-forum', access: 'open' });
      const coordinator = await bearer(tokens.coordinator());
      const view = await cluster
        .http()
        .get(`/events/${forums[0].id}`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(view.body).toMatchObject({
        capacity: 400,
        venue: 'Košice, Kulturpark',
        organiserId: f.associationId,
      });
      expect(view.body.quotas).toEqual([
        { dimension: 'country', key: 'SK', seats: 150, held: 0, fromEachRule: false },
        { dimension: 'country', key: 'UA', seats: 250, held: 0, fromEachRule: false },
      ]);
    });
  });

  describe('poison events', () => {
    it('should dead-letter a record that is not JSON and one that breaks the contract, and go on with the next', async () => {
      const good = partnership();
      const broken = recordOf(PartnershipEstablishedV1Event, partnership());
      const wrong = recordOf(PartnershipEstablishedV1Event, { ...partnership(), hromadaId: 'not-a-uuid' });
      await sendRecords(
        cluster.brokers,
        cluster.topic(Topics.matching.partnership),
        [{ ...broken, value: '{not json' }, wrong, recordOf(PartnershipEstablishedV1Event, good)],
        1,
      );

      const dlq = cluster.topic(`${Topics.matching.partnership}.dlq`);
      const poisonKeys = [broken.key, wrong.key];
      const dead = await cluster.probe.waitForCount(
        (r) => r.topic === dlq && poisonKeys.includes(r.key ?? ''),
        2,
        60_000,
      );
      expect(dead.map((r) => r.headers.dlq_error_kind)).toEqual(['invalid', 'invalid']);
      // The two dead letters have different keys, so they may reach the probe in either order.
      const contractBreaking = dead.find((r) => r.key === wrong.key);
      expect(contractBreaking?.headers.dlq_reason).toMatch(/hromadaId/);
      await waitForValue(
        async () => (await eventsOf('partnership_id', good.partnershipId))[0],
        60_000,
        'the good partnership’s meeting',
      );
    });

    it('should dead-letter a forum that contradicts itself, with the reason, and draft nothing for it', async () => {
      const bad = forum({ countryQuotas: [{ country: 'PL', seats: 500 }], capacity: 400 });
      const inverted = forum({ endsAt: '2027-05-19T08:00:00.000Z' });
      await sendRecords(cluster.brokers, cluster.topic(Topics.associations.inbound), [
        recordOf(SolidarityForumAnnouncedV1Event, bad),
        recordOf(SolidarityForumAnnouncedV1Event, inverted),
      ]);

      const dlq = cluster.topic(`${Topics.associations.inbound}.dlq`);
      const dead = await cluster.probe.waitForCount((r) => r.topic === dlq, 2, 60_000);
      const reasons = dead.map((r) => r.headers.dlq_reason).join('\n');
      expect(dead.map((r) => r.headers.dlq_error_kind)).toEqual(['permanent', 'permanent']);
      expect(reasons).toMatch(/countryQuotas\[0\]\.seats must not exceed capacity/);
      expect(reasons).toMatch(/endsAt must be after startsAt/);
      expect(await eventsOf('external_forum_id', bad.externalForumId)).toEqual([]);
      expect(await eventsOf('external_forum_id', inverted.externalForumId)).toEqual([]);
    });
  });
});
