import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  HromadaNominatedV1Event,
  MemberMunicipalityVolunteeredV1Event,
  toRecordHeaders,
} from '@bridges/contracts';
import { waitForValue } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { euMunicipalityBody, hromadaBody } from './support/municipality.factory';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';
import { associationWithKey, cloudEvent, signedIngest, type TestKey } from './support/signed-ingest';

interface IngestedEvent {
  eventId: string;
  type: string;
  via: string;
  associationId?: string;
  associationName?: string;
  sourceEventId?: string;
}

interface Rejection {
  id: string;
  receivedAt: string;
  path: string;
  reason: string;
  message: string;
  associationId?: string;
  associationName?: string;
  keyId?: string;
  eventId?: string;
  eventType?: string;
}

describe('registry ingested events over HTTP (PostgreSQL + Kafka)', () => {
  let t: RegistryTestApp;
  let http: App;
  let coordinator: string;
  let association: { id: string; name: string };
  let key: TestKey;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const register = async (body: Record<string, unknown>) =>
    (await request(http).post('/municipalities').set('Authorization', coordinator).send(body).expect(201))
      .body as { municipalityId: string; officialCode: string };
  const listed = async (eventId: string) => {
    const res = await request(http)
      .get('/ingested-events')
      .query({ limit: 200 })
      .set('Authorization', coordinator)
      .expect(200);
    return (res.body.items as IngestedEvent[]).find((e) => e.eventId === eventId);
  };

  const rejected = async (eventId: string) => {
    const res = await request(http)
      .get('/ingested-events/rejected')
      .query({ limit: 200 })
      .set('Authorization', coordinator)
      .expect(200);
    return (res.body.items as Rejection[]).find((e) => e.eventId === eventId);
  };

  beforeAll(async () => {
    t = await startRegistryTestApp();
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
    ({ association, key } = await associationWithKey(
      http,
      coordinator,
      'Ingest association',
      'ingested-events',
    ));
    producer = await rawProducer(t.brokers);
  });

  afterAll(async () => {
    await producer?.close();
    await t?.close();
  });

  it('should list a signed ingest event once applied, with its association and own event id', async () => {
    const eu = await register(euMunicipalityBody());
    const event = cloudEvent(MemberMunicipalityVolunteeredV1Event.type, {
      associationId: association.id,
      country: 'PL',
      officialCode: eu.officialCode,
      offers: [{ sector: 'water-supply' }],
      partnershipCapacity: 1,
    });
    const accepted = await signedIngest(http, key, event).expect(202);

    const item = await waitForValue(() => listed(accepted.body.eventId as string), 30_000, 'ingest applied');
    expect(item).toEqual({
      eventId: accepted.body.eventId,
      type: MemberMunicipalityVolunteeredV1Event.type,
      processedAt: expect.any(String),
      via: 'http-ingest',
      associationId: association.id,
      associationName: association.name,
      sourceEventId: event.id,
    });
  });

  it('should list an event published on Kafka as applied, and the ones the consumer dead-lettered as rejected with why', async () => {
    const hromada = await register(hromadaBody({ needs: [] }));
    const record = (officialCode: string, id: string) => ({
      key: `UA:${officialCode}`,
      value: JSON.stringify({
        associationId: association.id,
        officialCode,
        needs: [{ sector: 'healthcare' }],
      }),
      headers: toRecordHeaders({
        id,
        type: HromadaNominatedV1Event.type,
        source: '/associations/kafka-test',
        time: new Date().toISOString(),
        subject: `UA:${officialCode}`,
        correlationId: randomUUID(),
      }),
    });
    // A nomination of a hromada the registry does not know is dead-lettered; the other is applied.
    const rejectedId = randomUUID();
    const appliedId = randomUUID();
    // And one that breaks the contract (no officialCode): dead-lettered as invalid before any handler.
    const invalidId = randomUUID();
    const invalid = record(hromada.officialCode, invalidId);
    invalid.value = JSON.stringify({ associationId: association.id, needs: [{ sector: 'healthcare' }] });
    await producer.send({
      topic: t.topics.inbound,
      messages: [record('UA99999999999999999', rejectedId), invalid, record(hromada.officialCode, appliedId)],
    });
    await t.probe.waitFor((r) => r.topic === t.topics.inboundDlq && r.headers.ce_id === rejectedId);
    await t.probe.waitFor((r) => r.topic === t.topics.inboundDlq && r.headers.ce_id === invalidId);
    const applied = await waitForValue(() => listed(appliedId), 30_000, 'kafka event applied');
    expect(applied).toEqual({
      eventId: appliedId,
      type: HromadaNominatedV1Event.type,
      processedAt: expect.any(String),
      via: 'kafka',
    });
    // Dead-lettering rolls the handler's transaction back, so no inbox row can follow the DLQ record.
    expect(await listed(rejectedId)).toBeUndefined();

    // Both dead letters are listed as rejects, with the association the payload names and why.
    expect(await waitForValue(() => rejected(rejectedId), 30_000, 'dead letter listed')).toEqual({
      id: expect.any(String),
      receivedAt: expect.any(String),
      path: 'kafka',
      reason: 'permanent',
      message: expect.stringContaining('UA99999999999999999'),
      associationId: association.id,
      associationName: association.name,
      eventId: rejectedId,
      eventType: HromadaNominatedV1Event.type,
    });
    expect(await waitForValue(() => rejected(invalidId), 30_000, 'invalid record listed')).toMatchObject({
      path: 'kafka',
      reason: 'invalid',
      message: expect.stringContaining('officialCode'),
      eventId: invalidId,
    });
    expect(await rejected(appliedId)).toBeUndefined();
  });

  it('should list a badly signed POST /ingest as unauthenticated, without the association it cannot prove', async () => {
    const event = cloudEvent(HromadaNominatedV1Event.type, { associationId: association.id });
    await signedIngest(http, { keyId: key.keyId, secret: 'not-the-secret' }, event).expect(401);

    expect(await rejected(event.id)).toEqual({
      id: expect.any(String),
      receivedAt: expect.any(String),
      path: 'http',
      reason: 'unauthenticated',
      message: 'Unknown or revoked key, or a signature that does not match the body',
      keyId: key.keyId,
      eventId: event.id,
      eventType: HromadaNominatedV1Event.type,
    });
  });

  it('should keep no reject for a call naming no active key, so anonymous callers cannot fill the list', async () => {
    const event = cloudEvent(HromadaNominatedV1Event.type, { associationId: association.id });
    await signedIngest(http, { keyId: `bk_${randomUUID()}`, secret: 'made-up' }, event).expect(401);
    // A marker refusal written after it (a known key, wrong secret) is listed; the anonymous one is not.
    const marker = cloudEvent(HromadaNominatedV1Event.type, { associationId: association.id });
    await signedIngest(http, { keyId: key.keyId, secret: 'not-the-secret' }, marker).expect(401);
    expect(await rejected(marker.id)).toMatchObject({ reason: 'unauthenticated' });
    expect(await rejected(event.id)).toBeUndefined();
  });

  it('should list a signed event that breaks its contract as invalid, naming the field, and keep no secret', async () => {
    const event = cloudEvent(MemberMunicipalityVolunteeredV1Event.type, {
      associationId: association.id,
      country: 'PL',
      offers: [{ sector: 'water-supply' }],
    });
    await signedIngest(http, key, event).expect(400);

    const item = await rejected(event.id);
    expect(item).toMatchObject({
      path: 'http',
      reason: 'invalid-event',
      message: expect.stringContaining('data.officialCode'),
      associationId: association.id,
      associationName: association.name,
      keyId: key.keyId,
      eventType: MemberMunicipalityVolunteeredV1Event.type,
    });
    // Neither the secret nor the HMAC key derived from it is in any stored rejection.
    const rows: unknown[] = await t.dataSource.query(`SELECT * FROM ingest_rejection`);
    const stored = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(stored).not.toContain(key.secret);
    expect(stored).not.toContain(createHash('sha256').update(key.secret).digest('hex'));
  });

  it('should list a replayed signed request as replayed, with its association', async () => {
    const hromada = await register(hromadaBody({ needs: [] }));
    const event = cloudEvent(HromadaNominatedV1Event.type, {
      associationId: association.id,
      officialCode: hromada.officialCode,
      needs: [{ sector: 'healthcare' }],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    await signedIngest(http, key, event, { timestamp }).expect(202);
    await signedIngest(http, key, event, { timestamp }).expect(409);

    expect(await rejected(event.id)).toMatchObject({
      path: 'http',
      reason: 'replayed',
      associationId: association.id,
    });
  });

  it('should answer 403 to other roles', async () => {
    const matching = `Bearer ${await tokens.matchingCoordinator()}`;
    await request(http).get('/ingested-events').set('Authorization', matching).expect(403);
    await request(http).get('/ingested-events/retrying').set('Authorization', matching).expect(403);
    await request(http).get('/ingested-events/rejected').set('Authorization', matching).expect(403);
    const retrying = await request(http)
      .get('/ingested-events/retrying')
      .set('Authorization', coordinator)
      .expect(200);
    expect(retrying.body).toEqual([]);
  });
});
