import { createHash } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  DeadLetterHeader,
  HromadaNominatedV1Event,
  MemberMunicipalityVolunteeredV1Event,
  toRecordHeaders,
} from '@bridges/contracts';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { AssociationApiKeyEntity } from '../src/associations/association-api-key.entity';
import { MunicipalityEntity } from '../src/municipalities/municipality.entity';
import { euMunicipalityBody, hromadaBody } from './support/municipality.factory';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';
import { associationWithKey, cloudEvent, signedIngest, type TestKey } from './support/signed-ingest';
import { randomUUID } from 'node:crypto';

describe('registry association publishers: keys, signed ingest and the inbound consumer', () => {
  let t: RegistryTestApp;
  let http: App;
  let coordinator: string;
  let association: { id: string };
  let key: TestKey;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const register = async (body: Record<string, unknown>) =>
    (await request(http).post('/municipalities').set('Authorization', coordinator).send(body).expect(201))
      .body as { municipalityId: string; officialCode: string };
  const volunteer = (officialCode: string, overrides: Record<string, unknown> = {}) => ({
    associationId: association.id,
    country: 'PL',
    officialCode,
    offers: [{ sector: 'water-supply', description: 'Water engineers for two weeks' }],
    partnershipCapacity: 2,
    contact: { name: 'Jan Nowak', email: 'jan@example.pl', preferredLanguage: 'pl' },
    ...overrides,
  });

  /**
   * Exactly one inbound event and one profile change came of `sourceEventId`: proven from the
   * database (one receipt, one outbox row caused by it, version 2 and the update recorded once)
   * rather than by waiting a while for a second effect.
   */
  const expectOneEffect = async (municipalityId: string, sourceEventId: string) => {
    const receipts: unknown[] = await t.dataSource.query(
      'SELECT 1 FROM ingest_receipt WHERE association_id = $1 AND source_event_id = $2',
      [association.id, sourceEventId],
    );
    expect(receipts).toHaveLength(1);
    const inbound = await t.probe.waitFor(
      (r) => r.topic === t.topics.inbound && r.headers.ce_causationid === sourceEventId,
    );
    await t.probe.waitFor(
      (r) =>
        r.key === municipalityId &&
        r.headers.ce_type === 'registry.municipality.profile-updated.v1' &&
        r.headers.ce_causationid === inbound.headers.ce_id,
    );
    expect(
      t.probe.all().filter((r) => r.topic === t.topics.inbound && r.headers.ce_causationid === sourceEventId),
    ).toHaveLength(1);
    expect(
      (await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id: municipalityId })).version,
    ).toBe(2);
  };

  beforeAll(async () => {
    t = await startRegistryTestApp();
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
    ({ association, key } = await associationWithKey(http, coordinator, 'Test association', 'e2e'));
    producer = await rawProducer(t.brokers);
  });

  afterAll(async () => {
    await producer?.close();
    await t?.close();
  });

  describe('POST /associations', () => {
    it('should answer 409 ASSOCIATION_DUPLICATE_NAME naming the existing association for a taken name', async () => {
      const name = `Duplicate association ${randomUUID()}`;
      const first = await request(http)
        .post('/associations')
        .set('Authorization', coordinator)
        .send({ name })
        .expect(201);

      const again = await request(http)
        .post('/associations')
        .set('Authorization', coordinator)
        .send({ name })
        .expect(409);

      expect(again.body.code).toBe('ASSOCIATION_DUPLICATE_NAME');
      expect(again.body.message).toContain(first.body.id);
    });

    it('should create one association and answer 409, never 500, when the same name is sent concurrently', async () => {
      const name = `Racing association ${randomUUID()}`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          request(http).post('/associations').set('Authorization', coordinator).send({ name }),
        ),
      );

      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const created = responses.find((r) => r.status === 201)!.body as { id: string };
      for (const conflict of responses.filter((r) => r.status === 409)) {
        expect(conflict.body.code).toBe('ASSOCIATION_DUPLICATE_NAME');
        expect(conflict.body.message).toContain(created.id);
      }
    });
  });

  describe('POST /associations/:id/keys', () => {
    it('should show the secret once and store only its SHA-256', async () => {
      const stored = await t.dataSource
        .getRepository(AssociationApiKeyEntity)
        .findOneByOrFail({ id: key.keyId });
      expect(key.secret).toMatch(/^bsk_[A-Za-z0-9_-]{43}$/);
      expect(stored.secretSha256).toBe(createHash('sha256').update(key.secret).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(key.secret);
      const listed = await request(http)
        .get(`/associations/${association.id}/keys`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(key.secret);
      expect(JSON.stringify(listed.body)).not.toContain(stored.secretSha256);
    });

    it('should answer 403 to a municipality officer', async () => {
      await request(http)
        .post(`/associations/${association.id}/keys`)
        .set('Authorization', `Bearer ${await tokens.officer(association.id)}`)
        .send({})
        .expect(403);
    });
  });

  describe('POST /ingest', () => {
    it('should put a signed volunteer event on associations.inbound.v1 and update the EU profile so matching re-scores', async () => {
      const eu = await register(euMunicipalityBody({ offers: [], partnershipCapacity: undefined }));
      const event = cloudEvent(
        MemberMunicipalityVolunteeredV1Event.type,
        volunteer(eu.officialCode.replace('PL_', '')),
      );

      const res = await signedIngest(http, key, event).expect(202);

      expect(res.body.status).toBe('accepted');
      const inbound = await t.probe.waitFor(
        (r) => r.topic === t.topics.inbound && r.headers.ce_id === res.body.eventId,
      );
      expect(inbound.headers).toMatchObject({
        ce_type: MemberMunicipalityVolunteeredV1Event.type,
        ce_source: '/bridges/registry',
        ce_causationid: event.id,
      });
      const updated = await t.probe.waitFor(
        (r) =>
          r.key === eu.municipalityId && r.headers.ce_type === 'registry.municipality.profile-updated.v1',
      );
      expect(updated.headers.ce_causationid).toBe(res.body.eventId);
      expect(updated.value).toMatchObject({
        changedFields: ['offers', 'partnershipCapacity', 'seekingPartner', 'associationId', 'contacts'],
        profile: { version: 2, seekingPartner: true, partnershipCapacity: 2, associationId: association.id },
      });
    });

    it('should have one effect when the association sends the same event id again with a fresh signature', async () => {
      const eu = await register(euMunicipalityBody());
      const event = cloudEvent(
        MemberMunicipalityVolunteeredV1Event.type,
        volunteer(eu.officialCode, { partnershipCapacity: 5 }),
      );
      const now = Math.floor(Date.now() / 1000);
      const first = await signedIngest(http, key, event, { timestamp: now - 10 }).expect(202);
      const second = await signedIngest(http, key, event, { timestamp: now - 5 }).expect(202);

      expect(second.body).toEqual({ status: 'duplicate', eventId: first.body.eventId });
      await expectOneEffect(eu.municipalityId, event.id);
    });

    it('should accept once and answer duplicate once when the same event id arrives twice concurrently, differently signed', async () => {
      const eu = await register(euMunicipalityBody());
      const event = cloudEvent(
        MemberMunicipalityVolunteeredV1Event.type,
        volunteer(eu.officialCode, { partnershipCapacity: 4 }),
      );
      const now = Math.floor(Date.now() / 1000);

      const responses = await Promise.all([
        signedIngest(http, key, event, { timestamp: now - 10 }),
        signedIngest(http, key, event, { timestamp: now - 5 }),
      ]);

      expect(responses.map((r) => r.status)).toEqual([202, 202]);
      const statuses = responses.map((r) => (r.body as { status: string }).status).sort();
      expect(statuses).toEqual(['accepted', 'duplicate']);
      expect(responses[0].body.eventId).toBe(responses[1].body.eventId);
      await expectOneEffect(eu.municipalityId, event.id);
    });

    it('should answer 401 once the key is revoked', async () => {
      const spare = (
        await request(http)
          .post(`/associations/${association.id}/keys`)
          .set('Authorization', coordinator)
          .send({})
          .expect(201)
      ).body as TestKey;
      await request(http)
        .delete(`/associations/${association.id}/keys/${spare.keyId}`)
        .set('Authorization', coordinator)
        .expect(200);
      const eu = await register(euMunicipalityBody());
      await signedIngest(
        http,
        spare,
        cloudEvent(MemberMunicipalityVolunteeredV1Event.type, volunteer(eu.officialCode)),
      ).expect(401);
    });
  });

  describe('AssociationEventsConsumer (Kafka publishers)', () => {
    const kafkaRecord = (type: string, subject: string, payload: object, id = randomUUID()) => ({
      key: subject,
      value: JSON.stringify(payload),
      headers: toRecordHeaders({
        id,
        type,
        source: '/associations/kafka-test',
        time: new Date().toISOString(),
        subject,
        correlationId: randomUUID(),
      }),
    });

    it('should set the needs of a nominated hromada once when the same record is delivered twice', async () => {
      const hromada = await register(hromadaBody({ needs: [], seekingPartner: false }));
      const nomination = {
        associationId: association.id,
        officialCode: hromada.officialCode,
        needs: [{ sector: 'healthcare', description: 'Ambulances' }],
      };
      const record = kafkaRecord(HromadaNominatedV1Event.type, `UA:${hromada.officialCode}`, nomination);

      await producer.send({ topic: t.topics.inbound, messages: [record, record] });

      const updated = await t.probe.waitFor(
        (r) =>
          r.key === hromada.municipalityId &&
          r.headers.ce_type === 'registry.municipality.profile-updated.v1',
      );
      expect(updated.value).toMatchObject({
        changedFields: ['needs', 'seekingPartner', 'associationId'],
        profile: { version: 2, seekingPartner: true },
      });
      // Marker: a real change on the same key, hence the same partition, consumed after the
      // redelivery. Once its update is out, a second effect of the redelivery would already be too.
      const marker = kafkaRecord(HromadaNominatedV1Event.type, `UA:${hromada.officialCode}`, {
        ...nomination,
        needs: [{ sector: 'transport', description: 'Buses' }],
      });
      await producer.send({ topic: t.topics.inbound, messages: [marker] });
      await t.probe.waitFor(
        (r) =>
          r.key === hromada.municipalityId &&
          r.headers.ce_type === 'registry.municipality.profile-updated.v1' &&
          (r.value as { profile: { version: number } }).profile.version === 3,
      );
      expect(
        t.probe
          .all()
          .filter(
            (r) =>
              r.key === hromada.municipalityId &&
              r.headers.ce_type === 'registry.municipality.profile-updated.v1',
          )
          .map((r) => (r.value as { profile: { version: number } }).profile.version),
      ).toEqual([2, 3]);
      expect(
        (await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id: hromada.municipalityId }))
          .version,
      ).toBe(3);
    });

    it('should dead-letter a volunteer event for a municipality the registry does not know, with the reason', async () => {
      const payload = volunteer('PL_9999999999');
      await producer.send({
        topic: t.topics.inbound,
        messages: [kafkaRecord(MemberMunicipalityVolunteeredV1Event.type, 'PL:PL_9999999999', payload)],
      });

      const dead = await t.probe.waitFor(
        (r) => r.topic === t.topics.inboundDlq && r.key === 'PL:PL_9999999999',
      );
      expect(dead.headers[DeadLetterHeader.ErrorKind]).toBe('permanent');
      expect(dead.headers[DeadLetterHeader.Reason]).toContain('not in the registry');
    });

    it('should dead-letter an event from an association the registry never registered', async () => {
      const eu = await register(euMunicipalityBody());
      const payload = volunteer(eu.officialCode, { associationId: randomUUID() });
      await producer.send({
        topic: t.topics.inbound,
        messages: [kafkaRecord(MemberMunicipalityVolunteeredV1Event.type, `PL:${eu.officialCode}`, payload)],
      });

      const dead = await t.probe.waitFor(
        (r) => r.topic === t.topics.inboundDlq && r.key === `PL:${eu.officialCode}`,
      );
      expect(dead.headers[DeadLetterHeader.Reason]).toContain('unregistered association');
      expect(
        (await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id: eu.municipalityId }))
          .version,
      ).toBe(1);
    });
  });
});
