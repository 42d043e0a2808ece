import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { HromadaNominatedV1Event, MemberMunicipalityVolunteeredV1Event } from '@bridges/contracts';
import { OutboxMessageEntity } from '@bridges/messaging';
import { waitUntil } from '@bridges/testing';
import { signIngestBody } from '../src/associations/api-key.crypto';
import { IngestReceiptEntity } from '../src/ingest/ingest-receipt.entity';
import { IngestRequestEntity } from '../src/ingest/ingest-request.entity';
import { MunicipalityEntity } from '../src/municipalities/municipality.entity';
import { euMunicipalityBody, hromadaBody } from './support/municipality.factory';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';
import { outboxInsertCounter, versionSum } from './support/database-state';
import { cloudEvent, signedIngest, type TestKey } from './support/signed-ingest';

/**
 * Every hostile request gets the right 4xx, and nothing is written: no row, no outbox entry, no
 * record on any topic.
 */
describe('registry hostile input', () => {
  let t: RegistryTestApp;
  let http: App;
  let coordinator: string;
  let key: TestKey;
  let otherKey: TestKey;
  let hromada: { municipalityId: string; officialCode: string; contacts: { contactId: string }[] };
  let eu: { municipalityId: string; officialCode: string };

  const counts = async () => ({
    municipalities: await t.dataSource.getRepository(MunicipalityEntity).count(),
    versions: await versionSum(t.dataSource),
    outbox: await t.dataSource.getRepository(OutboxMessageEntity).count(),
    // Moves even for an outbox row the relay has already published and deleted.
    outboxInserts: await outboxInsertCounter(t.dataSource),
    receipts: await t.dataSource.getRepository(IngestReceiptEntity).count(),
    rememberedRequests: await t.dataSource.getRepository(IngestRequestEntity).count(),
    records: t.probe.all().length,
  });

  /**
   * Runs `attack`, then checks that the database and the topics are exactly as before. The HTTP path
   * writes rows and outbox entries in the request's transaction, so they are visible once the
   * answer is in; anything that would reach a topic later goes through the outbox, whose insert
   * counter has then already moved. No waiting is needed, and none would prove more.
   */
  const expectNothingWritten = async (attack: () => Promise<unknown>) => {
    const before = await counts();
    await attack();
    expect(await counts()).toEqual(before);
  };

  beforeAll(async () => {
    t = await startRegistryTestApp({ HTTP_BODY_LIMIT: '100kb', INGEST_BODY_LIMIT: '64kb' });
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
    const association = (
      await request(http)
        .post('/associations')
        .set('Authorization', coordinator)
        .send({ name: `Hostile ${randomUUID()}` })
        .expect(201)
    ).body;
    const other = (
      await request(http)
        .post('/associations')
        .set('Authorization', coordinator)
        .send({ name: `Other ${randomUUID()}` })
        .expect(201)
    ).body;
    key = (
      await request(http)
        .post(`/associations/${association.id}/keys`)
        .set('Authorization', coordinator)
        .send({})
        .expect(201)
    ).body;
    otherKey = (
      await request(http)
        .post(`/associations/${other.id}/keys`)
        .set('Authorization', coordinator)
        .send({})
        .expect(201)
    ).body;
    hromada = (
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201)
    ).body;
    eu = (
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(euMunicipalityBody())
        .expect(201)
    ).body;
    // Let the setup's events reach the topic, so that counts only move if an attack writes.
    await t.probe.waitForCount((r) => r.topic === t.topics.municipality, 2);
    await waitUntil(
      async () => (await t.dataSource.getRepository(OutboxMessageEntity).count()) === 0,
      20_000,
      'outbox drained',
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  const volunteer = (overrides: Record<string, unknown> = {}) =>
    cloudEvent(MemberMunicipalityVolunteeredV1Event.type, {
      associationId: key.associationId,
      country: 'PL',
      officialCode: eu.officialCode,
      offers: [{ sector: 'transport' }],
      partnershipCapacity: 1,
      ...overrides,
    });

  describe('POST /municipalities', () => {
    it('should answer 400 naming an unknown field', async () => {
      await expectNothingWritten(async () => {
        const res = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(hromadaBody({ isAdmin: true }))
          .expect(400);
        expect(res.body.errors).toContainEqual({ field: 'isAdmin', messages: ['is not an accepted field'] });
      });
    });

    it('should answer 400 naming each field of the wrong type', async () => {
      await expectNothingWritten(async () => {
        const res = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(
            hromadaBody({
              population: 'many',
              location: 'here',
              sectors: 'water-supply',
              contacts: [{ name: 'x', email: 'not-an-email', preferredLanguage: 'uk' }],
            }),
          )
          .expect(400);
        const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
        expect(fields).toEqual(
          expect.arrayContaining(['population', 'location', 'sectors', 'contacts[0].email']),
        );
      });
    });

    it('should answer 400 to a value outside the vocabulary', async () => {
      await expectNothingWritten(() =>
        request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(hromadaBody({ sectors: ['nuclear-weapons'] }))
          .expect(400),
      );
    });

    it('should answer 413 to a body larger than the limit', async () => {
      await expectNothingWritten(() =>
        request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(hromadaBody({ priorities: Array.from({ length: 100 }, () => 'x'.repeat(5000)) }))
          .expect(413),
      );
    });

    it('should answer 400 to malformed JSON', async () => {
      await expectNothingWritten(() =>
        request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .set('Content-Type', 'application/json')
          .send('{"country": "UA",')
          .expect(400),
      );
    });

    it('should answer 400 naming the field when a text holds a NUL character or a lone surrogate', async () => {
      await expectNothingWritten(async () => {
        const nul = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(
            hromadaBody({
              nameNative: 'Бу\u0000ча',
              needs: [{ sector: 'water-supply', description: 'pumps\u0000' }],
            }),
          )
          .expect(400);
        expect(nul.body.errors).toEqual([
          { field: 'nameNative', messages: ['must not contain NUL characters'] },
          { field: 'needs[0].description', messages: ['must not contain NUL characters'] },
        ]);
        // JSON.stringify would escape a lone surrogate as \udXXX: send it as JSON does on the wire.
        const surrogate = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(hromadaBody({ nameNative: 'Буча\uD800' })))
          .expect(400);
        expect(surrogate.body.errors).toEqual([
          { field: 'nameNative', messages: ['must be valid Unicode (no lone surrogates)'] },
        ]);
      });
    });

    it('should answer 400 to a body nested 5,000 levels deep', async () => {
      const deep = `${'{"name":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
      await expectNothingWritten(async () => {
        const res = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(hromadaBody()).replace(/"region":\{[^}]*\}/, `"region":${deep}`))
          .expect(400);
        expect(res.body.errors[0].messages).toEqual(['is nested more than 32 levels deep']);
      });
    });

    it('should answer 400 naming region when it is left out', async () => {
      const { region: _left, ...withoutRegion } = hromadaBody();
      await expectNothingWritten(async () => {
        const res = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(withoutRegion)
          .expect(400);
        expect(res.body.errors).toEqual([{ field: 'region', messages: ['is required'] }]);
      });
    });

    it('should answer 400 to a whitespace-only name instead of storing ""', async () => {
      await expectNothingWritten(async () => {
        const res = await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(hromadaBody({ nameNative: ' \u00a0\t ', region: { name: '   ' } }))
          .expect(400);
        expect(res.body.errors).toEqual([
          { field: 'nameNative', messages: ['must not be blank'] },
          { field: 'region.name', messages: ['must not be blank'] },
        ]);
      });
    });

    it('should answer 400 to SQL injection in the official code', async () => {
      await expectNothingWritten(() =>
        request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(hromadaBody({ officialCode: "UA1'; DROP TABLE municipality; --" }))
          .expect(400),
      );
    });

    it('should answer 400 to a prototype-pollution key', async () => {
      await expectNothingWritten(async () => {
        const body = JSON.stringify(hromadaBody()).replace(
          /^\{/,
          '{"__proto__": {"roles": ["registry:coordinator"]}, "constructor": {"prototype": {"x": 1}},',
        );
        await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(({} as Record<string, unknown>).roles).toBeUndefined();
      });
    });
  });

  describe('reads and edits', () => {
    it('should answer 400 to injection in the path id and in filters, and keep searching safely', async () => {
      await expectNothingWritten(async () => {
        await request(http)
          .get(`/municipalities/${encodeURIComponent("1' OR '1'='1")}`)
          .set('Authorization', coordinator)
          .expect(400);
        await request(http)
          .get('/municipalities')
          .query({ country: "UA' OR 1=1 --" })
          .set('Authorization', coordinator)
          .expect(400);
        await request(http)
          .get('/municipalities')
          .query({ limit: '1; DELETE FROM municipality' })
          .set('Authorization', coordinator)
          .expect(400);
        const search = await request(http)
          .get('/municipalities')
          .query({ q: "') | (*:* & !x' ; DROP TABLE municipality; --" })
          .set('Authorization', coordinator)
          .expect(200);
        expect(search.body.total).toBe(0);
      });
    });

    it("should answer 404 when an officer edits another municipality's profile or erases its contact, and 403 when they deactivate it", async () => {
      const officer = `Bearer ${await tokens.officer(eu.municipalityId)}`;
      await expectNothingWritten(async () => {
        await request(http)
          .patch(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', officer)
          .set('If-Match', '"1"')
          .send({ population: 1 })
          .expect(404);
        await request(http)
          .delete(`/municipalities/${hromada.municipalityId}/contacts/${hromada.contacts[0].contactId}`)
          .set('Authorization', officer)
          .expect(404);
        await request(http)
          .delete(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', officer)
          .set('If-Match', '"1"')
          .expect(403);
      });
    });

    it('should answer 400 to an attempt to change the identity of a profile', async () => {
      await expectNothingWritten(() =>
        request(http)
          .patch(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', coordinator)
          .set('If-Match', '"1"')
          .send({ country: 'PL', officialCode: 'PL_1' })
          .expect(400),
      );
    });

    it('should answer 400 to an If-Match that is not a version', async () => {
      await expectNothingWritten(() =>
        request(http)
          .patch(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', coordinator)
          .set('If-Match', '"1" OR 1=1')
          .send({ population: 1 })
          .expect(400),
      );
    });

    it('should answer 412 to a weak ETag, which never satisfies If-Match, and 400 to a blank name on PATCH', async () => {
      await expectNothingWritten(async () => {
        await request(http)
          .patch(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', coordinator)
          .set('If-Match', 'W/"1"')
          .send({ population: 1 })
          .expect(412);
        await request(http)
          .patch(`/municipalities/${hromada.municipalityId}`)
          .set('Authorization', coordinator)
          .set('If-Match', '"1"')
          .send({ nameNative: '   ' })
          .expect(400);
      });
    });

    it('should answer 401 to a forged token', async () => {
      const [header, payload] = (await tokens.coordinator()).split('.');
      await expectNothingWritten(() =>
        request(http)
          .post('/municipalities')
          .set('Authorization', `Bearer ${header}.${payload}.forged-signature`)
          .send(hromadaBody())
          .expect(401),
      );
    });
  });

  describe('POST /ingest', () => {
    it('should answer 401 to a wrong signature, a missing signature and an unknown key', async () => {
      await expectNothingWritten(async () => {
        await signedIngest(http, key, volunteer(), { signature: `v1=${'0'.repeat(64)}` }).expect(401);
        await signedIngest(http, key, volunteer(), { signature: '' }).expect(401);
        await signedIngest(http, { keyId: 'bk_doesnotexist', secret: key.secret }, volunteer()).expect(401);
        await signedIngest(http, { keyId: key.keyId, secret: otherKey.secret }, volunteer()).expect(401);
      });
    });

    it('should answer 401 when the body was changed after signing', async () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = JSON.stringify(volunteer());
      const signature = signIngestBody(key.secret, timestamp, body);
      await expectNothingWritten(() =>
        signedIngest(http, key, body.replace('"partnershipCapacity":1', '"partnershipCapacity":99'), {
          timestamp: Number(timestamp),
          signature,
        }).expect(401),
      );
    });

    it('should answer 401 to a timestamp outside the ±300 s window, even when correctly signed', async () => {
      await expectNothingWritten(async () => {
        await signedIngest(http, key, volunteer(), { timestamp: Math.floor(Date.now() / 1000) - 301 }).expect(
          401,
        );
        await signedIngest(http, key, volunteer(), { timestamp: Math.floor(Date.now() / 1000) + 301 }).expect(
          401,
        );
      });
    });

    /** Sends `body` signed at `timestamp` and waits until its effects have settled (see below). */
    const acceptAndSettle = async (body: string, timestamp: number) => {
      const accepted = await signedIngest(http, key, body, { timestamp }).expect(202);
      expect(accepted.body.status).toBe('accepted');
      // Let the request's effects settle: its inbound record, the profile update it causes, and an
      // empty outbox, so that counts only move if a replay writes.
      await t.probe.waitFor((r) => r.topic === t.topics.inbound && r.headers.ce_id === accepted.body.eventId);
      await t.probe.waitFor(
        (r) =>
          r.key === eu.municipalityId &&
          r.headers.ce_type === 'registry.municipality.profile-updated.v1' &&
          r.headers.ce_causationid === accepted.body.eventId,
      );
      await waitUntil(
        async () => (await t.dataSource.getRepository(OutboxMessageEntity).count()) === 0,
        20_000,
        'outbox drained',
      );
    };

    it('should answer 409 to a replayed request and write nothing the second time', async () => {
      const body = JSON.stringify(volunteer({ partnershipCapacity: 3 }));
      const timestamp = Math.floor(Date.now() / 1000);
      await acceptAndSettle(body, timestamp);

      await expectNothingWritten(async () => {
        const replay = await signedIngest(http, key, body, { timestamp }).expect(409);
        expect(replay.body.code).toBe('INGEST_REPLAYED');
      });
    });

    it('should refuse a replay whose signature header was rewritten, never answering 202 duplicate', async () => {
      const body = JSON.stringify(volunteer({ partnershipCapacity: 4 }));
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = signIngestBody(key.secret, String(timestamp), body);
      await acceptAndSettle(body, timestamp);
      const mac = signature.slice('v1='.length);

      await expectNothingWritten(async () => {
        // Same MAC in upper-case hex: the same signed request, so a replay.
        const upper = await signedIngest(http, key, body, {
          timestamp,
          signature: `v1=${mac.toUpperCase()}`,
        });
        expect([upper.status, upper.body.code]).toEqual([409, 'INGEST_REPLAYED']);
        // An extra entry, or the same entry twice: not the header grammar.
        const extra = await signedIngest(http, key, body, {
          timestamp,
          signature: `${signature},v1=${'0'.repeat(64)}`,
        });
        expect([extra.status, extra.body.message]).toEqual([401, expect.stringContaining('exactly one')]);
        const repeated = await signedIngest(http, key, body, {
          timestamp,
          signature: `${signature},${signature}`,
        });
        expect([repeated.status, repeated.body.message]).toEqual([
          401,
          expect.stringContaining('exactly one'),
        ]);
      });
    });

    it('should answer 409 when the same signed request is replayed under another key of the association', async () => {
      const second = (
        await request(http)
          .post(`/associations/${key.associationId}/keys`)
          .set('Authorization', coordinator)
          .send({ label: 'second' })
          .expect(201)
      ).body as TestKey;
      const body = JSON.stringify(volunteer({ partnershipCapacity: 5 }));
      const timestamp = Math.floor(Date.now() / 1000);
      await acceptAndSettle(body, timestamp);

      await expectNothingWritten(async () => {
        const replay = await signedIngest(http, second, body, { timestamp }).expect(409);
        expect(replay.body.code).toBe('INGEST_REPLAYED');
      });
    });

    it('should answer 400 naming the field when an event holds a NUL character', async () => {
      await expectNothingWritten(async () => {
        const res = await signedIngest(
          http,
          key,
          volunteer({ offers: [{ sector: 'transport', description: 'bus\u0000es' }] }),
        ).expect(400);
        expect(res.body.errors).toEqual([
          { field: 'data.offers[0].description', messages: ['must not contain NUL characters'] },
        ]);
      });
    });

    it('should answer 403 when a key publishes for another association', async () => {
      await expectNothingWritten(() => signedIngest(http, otherKey, volunteer()).expect(403));
    });

    it('should answer 400 naming the field when the event breaks its contract, has unknown fields or an unknown sector', async () => {
      await expectNothingWritten(async () => {
        const broken = await signedIngest(http, key, volunteer({ partnershipCapacity: 'lots' })).expect(400);
        expect(broken.body.errors).toContainEqual(
          expect.objectContaining({ field: 'data.partnershipCapacity' }),
        );
        const extra = await signedIngest(http, key, volunteer({ sneaky: true })).expect(400);
        expect(extra.body.errors).toContainEqual({
          field: 'data.sneaky',
          messages: ['is not an accepted field'],
        });
        const sector = await signedIngest(
          http,
          key,
          volunteer({ offers: [{ sector: 'mercenaries' }] }),
        ).expect(400);
        expect(sector.body.errors).toContainEqual(
          expect.objectContaining({ field: 'data.offers[0].sector' }),
        );
        await signedIngest(http, key, {
          ...cloudEvent(HromadaNominatedV1Event.type, {}),
          type: 'registry.municipality.registered.v1',
        }).expect(400);
        await signedIngest(http, key, { ...volunteer(), specversion: '0.3', admin: true }).expect(400);
        await signedIngest(http, key, '{"specversion": "1.0", ').expect(400);
      });
    });

    it('should answer 415 to a plain JSON body and 413 to a huge one', async () => {
      await expectNothingWritten(async () => {
        await signedIngest(http, key, volunteer(), { contentType: 'application/json' }).expect(415);
        await signedIngest(
          http,
          key,
          volunteer({ offers: [{ sector: 'transport', description: 'x'.repeat(70_000) }] }),
        ).expect(413);
      });
    });

    it('should answer 401 to a bearer token instead of a signature, and 401 to a key used as a bearer token elsewhere', async () => {
      await expectNothingWritten(async () => {
        await request(http)
          .post('/ingest')
          .set('Authorization', coordinator)
          .set('Content-Type', 'application/cloudevents+json')
          .send(JSON.stringify(volunteer()))
          .expect(401);
        await request(http).get('/municipalities').set('Authorization', `Bearer ${key.secret}`).expect(401);
      });
    });
  });
});
