import { randomUUID } from 'node:crypto';
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
import { cloudEvent, signedIngest, type TestKey } from './support/signed-ingest';

interface IngestedEvent {
  eventId: string;
  type: string;
  via: string;
  associationId?: string;
  associationName?: string;
  sourceEventId?: string;
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

  beforeAll(async () => {
    t = await startRegistryTestApp();
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
    association = (
      await request(http)
        .post('/associations')
        .set('Authorization', coordinator)
        .send({ name: `Ingest association ${randomUUID()}`, country: 'PL' })
        .expect(201)
    ).body;
    key = (
      await request(http)
        .post(`/associations/${association.id}/keys`)
        .set('Authorization', coordinator)
        .send({ label: 'ingested-events' })
        .expect(201)
    ).body;
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

  it('should list an event published on Kafka as such, and not one the consumer dead-lettered', async () => {
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
    await producer.send({
      topic: t.topics.inbound,
      messages: [record('UA99999999999999999', rejectedId), record(hromada.officialCode, appliedId)],
    });
    await t.probe.waitFor((r) => r.topic === t.topics.inboundDlq && r.headers.ce_id === rejectedId);
    const applied = await waitForValue(() => listed(appliedId), 30_000, 'kafka event applied');
    expect(applied).toEqual({
      eventId: appliedId,
      type: HromadaNominatedV1Event.type,
      processedAt: expect.any(String),
      via: 'kafka',
    });
    // Dead-lettering rolls the handler's transaction back, so no inbox row can follow the DLQ record.
    expect(await listed(rejectedId)).toBeUndefined();
  });

  it('should answer 403 to other roles', async () => {
    const matching = `Bearer ${await tokens.matchingCoordinator()}`;
    await request(http).get('/ingested-events').set('Authorization', matching).expect(403);
    await request(http).get('/ingested-events/retrying').set('Authorization', matching).expect(403);
    const retrying = await request(http)
      .get('/ingested-events/retrying')
      .set('Authorization', coordinator)
      .expect(200);
    expect(retrying.body).toEqual([]);
  });
});
