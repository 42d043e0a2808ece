import request from 'supertest';
import type { App } from 'supertest/types';
import { MunicipalityEntity } from '../src/municipalities/municipality.entity';
import { euMunicipalityBody, hromadaBody } from './support/municipality.factory';
import { contractViolations } from './support/contract-check';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';

describe('registry municipalities over HTTP and Kafka', () => {
  let t: RegistryTestApp;
  let http: App;
  let coordinator: string;

  beforeAll(async () => {
    t = await startRegistryTestApp();
    http = t.app.getHttpServer() as App;
    coordinator = `Bearer ${await tokens.coordinator()}`;
  });

  afterAll(async () => {
    await t?.close();
  });

  const eventsOf = (id: string) =>
    t.probe.all().filter((r) => r.topic === t.topics.municipality && r.key === id);

  /**
   * Proves that nothing was published for `id` since `registered`: makes a real change as a marker
   * and waits for its record. One key is one partition, so a record the earlier requests wrongly
   * caused would be on the topic before the marker's, however late it was relayed.
   */
  const expectOnlyRegisteredBeforeMarker = async (id: string) => {
    await request(http)
      .patch(`/municipalities/${id}`)
      .set('Authorization', coordinator)
      .set('If-Match', '"1"')
      .send({ population: 54321 })
      .expect(200);
    await t.probe.waitFor(
      (r) =>
        r.topic === t.topics.municipality &&
        r.key === id &&
        r.headers.ce_type === 'registry.municipality.profile-updated.v1',
    );
    expect(
      eventsOf(id).map((r) => [
        r.headers.ce_type,
        (r.value as { profile?: { version?: number } }).profile?.version,
      ]),
    ).toEqual([
      ['registry.municipality.registered.v1', 1],
      ['registry.municipality.profile-updated.v1', 2],
    ]);
  };

  describe('POST /municipalities', () => {
    it('should register a hromada, answer 201 with ETag "1", and publish registered with its envelope when a coordinator posts a valid profile', async () => {
      const body = hromadaBody();
      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(body)
        .expect(201);

      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/municipalities/${res.body.municipalityId}`);
      expect(res.body).toMatchObject({
        version: 1,
        kind: 'hromada',
        nameLatin: 'Ahronomichna silska hromada',
        seekingPartner: true,
      });
      const record = await t.probe.waitFor((r) => r.key === res.body.municipalityId);
      expect(record.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: 'registry.municipality.registered.v1',
        ce_source: '/bridges/registry',
        ce_subject: res.body.municipalityId,
        'content-type': 'application/json',
      });
      expect(record.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(record.value).toMatchObject({
        profile: {
          municipalityId: res.body.municipalityId,
          version: 1,
          officialCode: body.officialCode,
          contacts: [{ email: 'olena@example.org' }],
        },
      });
    });

    it('should answer 409 naming the existing profile when the country and official code are taken', async () => {
      const body = euMunicipalityBody();
      const first = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(body)
        .expect(201);
      const before = await t.dataSource.getRepository(MunicipalityEntity).count();

      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send({ ...body, officialCode: body.officialCode.slice(3) }) // bare LAU code: same profile
        .expect(409);

      expect(res.body.code).toBe('MUNICIPALITY_DUPLICATE');
      expect(res.body.message).toContain(first.body.municipalityId);
      expect(await t.dataSource.getRepository(MunicipalityEntity).count()).toBe(before);
    });

    it('should answer 400 naming the field when a hromada states offers', async () => {
      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody({ offers: [{ sector: 'transport' }] }))
        .expect(400);
      expect(res.body.message).toContain('offers: only EU municipalities make offers');
    });

    it('should answer 403 when a municipality officer tries to register a profile', async () => {
      await request(http)
        .post('/municipalities')
        .set('Authorization', `Bearer ${await tokens.officer('0b8f5a3e-4a9c-4c1e-9d8f-1a2b3c4d5e6f')}`)
        .send(hromadaBody())
        .expect(403);
    });
  });

  describe('PATCH /municipalities/:id', () => {
    it('should publish registered then profile-updated with the changed fields and version 2, in order, when the If-Match is current', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(euMunicipalityBody())
        .expect(201);
      const id = created.body.municipalityId as string;

      const res = await request(http)
        .patch(`/municipalities/${id}`)
        .set('Authorization', coordinator)
        .set('If-Match', '"1"')
        .send({ partnershipCapacity: 3, offers: [{ sector: 'transport' }] })
        .expect(200);

      expect(res.headers.etag).toBe('"2"');
      const [registered, updated] = await t.probe.waitForCount((r) => r.key === id, 2);
      expect(registered.headers.ce_type).toBe('registry.municipality.registered.v1');
      expect(updated.headers.ce_type).toBe('registry.municipality.profile-updated.v1');
      expect(updated.partition).toBe(registered.partition);
      expect(BigInt(updated.offset)).toBeGreaterThan(BigInt(registered.offset));
      expect(updated.value).toMatchObject({
        changedFields: ['offers', 'partnershipCapacity'],
        profile: { version: 2, partnershipCapacity: 3 },
      });
      expect(await contractViolations(registered)).toEqual([]);
      expect(await contractViolations(updated)).toEqual([]);
    });

    it('should answer 428 without If-Match and 412 with a stale one, writing and publishing nothing', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;
      await t.probe.waitFor((r) => r.key === id);

      await request(http)
        .patch(`/municipalities/${id}`)
        .set('Authorization', coordinator)
        .send({ population: 1 })
        .expect(428);
      const stale = await request(http)
        .patch(`/municipalities/${id}`)
        .set('Authorization', coordinator)
        .set('If-Match', '"7"')
        .send({ population: 1 })
        .expect(412);

      expect(stale.headers.etag).toBe('"1"');
      expect(await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id })).toMatchObject({
        version: 1,
        population: 12034,
      });
      await expectOnlyRegisteredBeforeMarker(id);
    });

    it('should let exactly one of two concurrent edits of the same version win and answer 412 to the other', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;

      const [a, b] = await Promise.all([
        request(http)
          .patch(`/municipalities/${id}`)
          .set('Authorization', coordinator)
          .set('If-Match', '"1"')
          .send({ population: 20000 }),
        request(http)
          .patch(`/municipalities/${id}`)
          .set('Authorization', coordinator)
          .set('If-Match', '"1"')
          .send({ population: 30000 }),
      ]);

      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? 20000 : 30000;
      expect(await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id })).toMatchObject({
        version: 2,
        population: winner,
      });
    });

    it('should let an officer edit their own municipality and answer 404 for another one, as if it did not exist', async () => {
      const own = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const other = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const officer = `Bearer ${await tokens.officer(own.body.municipalityId)}`;

      await request(http)
        .patch(`/municipalities/${own.body.municipalityId}`)
        .set('Authorization', officer)
        .set('If-Match', '"1"')
        .send({ population: 13000 })
        .expect(200);
      await request(http)
        .patch(`/municipalities/${other.body.municipalityId}`)
        .set('Authorization', officer)
        .set('If-Match', '"1"')
        .send({ population: 1 })
        .expect(404);
      await request(http)
        .get(`/municipalities/${other.body.municipalityId}`)
        .set('Authorization', officer)
        .expect(404);

      expect(
        await t.dataSource
          .getRepository(MunicipalityEntity)
          .findOneByOrFail({ id: other.body.municipalityId }),
      ).toMatchObject({ version: 1, population: 12034 });
    });

    it('should write nothing and publish nothing when the change changes nothing', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;
      const res = await request(http)
        .patch(`/municipalities/${id}`)
        .set('Authorization', coordinator)
        .set('If-Match', '"1"')
        .send({ population: 12034 })
        .expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id })).toMatchObject({
        version: 1,
        population: 12034,
      });
      await t.probe.waitFor(
        (r) =>
          r.topic === t.topics.municipality &&
          r.key === id &&
          r.headers.ce_type === 'registry.municipality.registered.v1',
      );
      await expectOnlyRegisteredBeforeMarker(id);
    });
  });

  describe('GET /municipalities/:id', () => {
    it('should show contacts to the registry coordinator and the own officer but not to a matching coordinator', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;

      const asCoordinator = await request(http)
        .get(`/municipalities/${id}`)
        .set('Authorization', coordinator)
        .expect(200);
      const asOfficer = await request(http)
        .get(`/municipalities/${id}`)
        .set('Authorization', `Bearer ${await tokens.officer(id)}`)
        .expect(200);
      const asMatcher = await request(http)
        .get(`/municipalities/${id}`)
        .set('Authorization', `Bearer ${await tokens.matchingCoordinator()}`)
        .expect(200);

      expect(asCoordinator.headers.etag).toBe('"1"');
      expect(asCoordinator.body.contacts).toHaveLength(1);
      expect(asOfficer.body.contacts).toHaveLength(1);
      expect(asMatcher.body).not.toHaveProperty('contacts');
    });

    it('should answer 401 without a token, 403 to an association publisher token, and 404 for an unknown id', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      await request(http).get(`/municipalities/${created.body.municipalityId}`).expect(401);
      await request(http)
        .get(`/municipalities/${created.body.municipalityId}`)
        .set('Authorization', `Bearer ${await tokens.publisher()}`)
        .expect(403);
      await request(http)
        .get('/municipalities/3b241101-e2bb-4255-8caf-4136c566a962')
        .set('Authorization', coordinator)
        .expect(404);
    });
  });

  describe('GET /municipalities/:id/public', () => {
    it("should show another municipality's officer the public profile, with names, region and population but no contacts", async () => {
      const partner = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(
          euMunicipalityBody({
            contacts: [{ name: 'Anna Nowak', email: 'anna@example.org', preferredLanguage: 'pl' }],
          }),
        )
        .expect(201);
      const reader = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = partner.body.municipalityId as string;
      const officer = `Bearer ${await tokens.officer(reader.body.municipalityId)}`;

      const res = await request(http)
        .get(`/municipalities/${id}/public`)
        .set('Authorization', officer)
        .expect(200);

      expect(partner.body.contacts).toHaveLength(1); // the profile has a contact the public view must hide
      expect(res.body).toMatchObject({
        municipalityId: id,
        kind: 'eu-municipality',
        country: partner.body.country,
        nameNative: partner.body.nameNative,
        nameLatin: partner.body.nameLatin,
        region: partner.body.region,
        population: partner.body.population,
        active: true,
      });
      expect(res.body).not.toHaveProperty('contacts');
      expect(res.body).not.toHaveProperty('version');
      expect(JSON.stringify(res.body)).not.toContain('@');
      // The full profile stays the officer's own: another municipality's is still a 404.
      await request(http).get(`/municipalities/${id}`).set('Authorization', officer).expect(404);
    });

    it('should answer every console coordinator, 401 without a token, 403 to an association publisher and 404 for an unknown id', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const path = `/municipalities/${created.body.municipalityId}/public`;

      const asMatcher = await request(http)
        .get(path)
        .set('Authorization', `Bearer ${await tokens.matchingCoordinator()}`)
        .expect(200);
      expect(asMatcher.body).not.toHaveProperty('contacts');
      await request(http).get(path).expect(401);
      await request(http)
        .get(path)
        .set('Authorization', `Bearer ${await tokens.publisher()}`)
        .expect(403);
      const unknown = await request(http)
        .get('/municipalities/3b241101-e2bb-4255-8caf-4136c566a962/public')
        .set('Authorization', `Bearer ${await tokens.officer(created.body.municipalityId)}`)
        .expect(404);
      expect(unknown.body.code).toBe('MUNICIPALITY_NOT_FOUND');
      await request(http)
        .get('/municipalities/not-a-uuid/public')
        .set('Authorization', coordinator)
        .expect(400);
    });
  });

  describe('GET /municipalities', () => {
    it('should filter by country, sector and seeking partner and find names in either script by word prefix', async () => {
      const name = `Zhytkivska${Date.now()}`;
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(
          hromadaBody({
            nameNative: `Житківська${Date.now()} сільська громада`,
            nameLatin: `${name} silska hromada`,
          }),
        )
        .expect(201);
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(euMunicipalityBody({ sectors: ['tourism'], offers: [{ sector: 'tourism' }] }))
        .expect(201);

      const latin = await request(http)
        .get('/municipalities')
        .query({ q: name.slice(0, 8) })
        .set('Authorization', coordinator)
        .expect(200);
      const cyrillic = await request(http)
        .get('/municipalities')
        .query({ q: 'Житківськ', country: 'UA' })
        .set('Authorization', coordinator)
        .expect(200);
      const tourism = await request(http)
        .get('/municipalities')
        .query({ sector: 'tourism', seekingPartner: 'false', country: 'PL' })
        .set('Authorization', coordinator)
        .expect(200);

      expect(latin.body.items.map((m: { nameLatin: string }) => m.nameLatin)).toEqual([
        `${name} silska hromada`,
      ]);
      expect(cyrillic.body.total).toBe(1);
      expect(tourism.body.total).toBe(1);
      expect(tourism.body.items[0].offers).toEqual([{ sector: 'tourism' }]);
    });

    it('should answer 403 to a municipality officer', async () => {
      await request(http)
        .get('/municipalities')
        .set('Authorization', `Bearer ${await tokens.officer('3b241101-e2bb-4255-8caf-4136c566a962')}`)
        .expect(403);
    });
  });

  describe('OpenAPI document', () => {
    it('should describe every registry route with its request and response schemas', async () => {
      const doc = (await request(http).get('/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/municipalities',
          '/municipalities/{id}',
          '/municipalities/{id}/contacts/{contactId}',
          '/associations',
          '/associations/{id}/keys',
          '/associations/{id}/keys/{keyId}',
          '/ingest',
        ]),
      );
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining([
          'CreateMunicipalityDto',
          'UpdateMunicipalityDto',
          'MunicipalityResponseDto',
          'MunicipalityPageDto',
          'IssuedApiKeyResponseDto',
          'IngestOutcomeDto',
        ]),
      );
    });
  });

  describe('anonymous access', () => {
    it('should answer health without a token and 401 on every registry route', async () => {
      await request(http).get('/health/live').expect(200);
      await request(http).get('/municipalities').expect(401);
      await request(http).post('/municipalities').send(hromadaBody()).expect(401);
      await request(http).get('/associations').expect(401);
      await request(http).post('/associations').send({ name: 'Anonymous association' }).expect(401);
    });
  });

  describe('DELETE /municipalities/:id', () => {
    it('should deactivate with If-Match and publish deactivated with the next version', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;
      await request(http)
        .delete(`/municipalities/${id}`)
        .query({ reason: 'merged' })
        .set('Authorization', coordinator)
        .set('If-Match', '"1"')
        .expect(200);

      const record = await t.probe.waitFor(
        (r) => r.key === id && r.headers.ce_type === 'registry.municipality.deactivated.v1',
      );
      expect(record.value).toEqual({ municipalityId: id, version: 2, reason: 'merged' });
      const list = await request(http)
        .get('/municipalities')
        .query({ q: 'Агрономічна', limit: 100 })
        .set('Authorization', coordinator)
        .expect(200);
      expect(list.body.items.map((m: { municipalityId: string }) => m.municipalityId)).not.toContain(id);
    });
  });

  describe('GET /municipalities sorting and range filters', () => {
    // A word no other test's names carry isolates this test's rows from the rest of the database.
    const word = `Sortova${Date.now().toString(36)}`;
    const list = (query: Record<string, unknown>) =>
      request(http)
        .get('/municipalities')
        .query({ q: word, limit: 100, ...query })
        .set('Authorization', coordinator);
    const names = (res: { body: { items: { nameNative: string }[] } }) =>
      res.body.items.map((m) => m.nameNative);

    beforeAll(async () => {
      const rows = [
        { nameNative: `${word} Bravo`, population: 5000, internationalPartners: ['Lublin'] },
        { nameNative: `${word} Alfa`, population: 90000 },
        { nameNative: `${word} Charlie`, population: 20000 },
        { nameNative: `${word} Delta`, population: null },
      ];
      for (const row of rows)
        await request(http)
          .post('/municipalities')
          .set('Authorization', coordinator)
          .send(euMunicipalityBody(row))
          .expect(201);
    });

    it('should sort by population in either direction with unknown populations last, and by name by default', async () => {
      expect(names(await list({ sort: 'population', order: 'desc' }).expect(200))).toEqual([
        `${word} Alfa`,
        `${word} Charlie`,
        `${word} Bravo`,
        `${word} Delta`,
      ]);
      expect(names(await list({ sort: 'population' }).expect(200))).toEqual([
        `${word} Bravo`,
        `${word} Charlie`,
        `${word} Alfa`,
        `${word} Delta`,
      ]);
      expect(names(await list({}).expect(200))).toEqual([
        `${word} Alfa`,
        `${word} Bravo`,
        `${word} Charlie`,
        `${word} Delta`,
      ]);
      expect(names(await list({ sort: 'nameNative', order: 'desc' }).expect(200))[0]).toBe(`${word} Delta`);
    });

    it('should keep only populations inside the range, ends included, and filter by a registry-confirmed partner', async () => {
      const inRange = await list({ populationMin: 5000, populationMax: 20000, sort: 'population' }).expect(
        200,
      );
      expect(names(inRange)).toEqual([`${word} Bravo`, `${word} Charlie`]);
      expect(inRange.body.total).toBe(2);
      expect(names(await list({ populationMin: 20001 }).expect(200))).toEqual([`${word} Alfa`]);
      expect(names(await list({ hasPartner: true }).expect(200))).toEqual([`${word} Bravo`]);
      expect(names(await list({ hasPartner: false }).expect(200))).toHaveLength(3);
    });

    it('should answer 400 naming the field for a range upside down, a negative bound, an unknown sort or order', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ populationMin: 10, populationMax: 9 }, 'populationMax'],
        [{ populationMin: -1 }, 'populationMin'],
        [{ populationMax: 'many' }, 'populationMax'],
        [{ sort: 'area' }, 'sort'],
        [{ order: 'up' }, 'order'],
        [{ hasPartner: 'yes' }, 'hasPartner'],
      ];
      for (const [query, field] of cases) {
        const res = await list(query).expect(400);
        expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
      }
    });
  });

  describe('DELETE /municipalities/:id/contacts/:contactId', () => {
    it('should erase the contact and publish contact-erased so consumers purge it', async () => {
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const id = created.body.municipalityId as string;
      const contactId = created.body.contacts[0].contactId as string;

      await request(http)
        .delete(`/municipalities/${id}/contacts/${contactId}`)
        .set('Authorization', `Bearer ${await tokens.officer(id)}`)
        .expect(204);

      const record = await t.probe.waitFor(
        (r) => r.key === id && r.headers.ce_type === 'registry.municipality.contact-erased.v1',
      );
      expect(record.value).toEqual({ municipalityId: id, version: 2, contactId });
      const stored = await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id });
      expect(stored.contacts).toEqual([]);
    });
  });
});
