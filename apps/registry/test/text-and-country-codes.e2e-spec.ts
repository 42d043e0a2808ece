import request from 'supertest';
import type { App } from 'supertest/types';
import { euMunicipalityBody, hromadaBody } from './support/municipality.factory';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';

/** What the registry stores and publishes for text and country codes, as its README and Swagger say. */
describe('registry text normalisation and country codes', () => {
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

  const registeredSnapshot = async (id: string) =>
    (
      await t.probe.waitFor(
        (r) =>
          r.topic === t.topics.municipality &&
          r.key === id &&
          r.headers.ce_type === 'registry.municipality.registered.v1',
      )
    ).value as { profile: Record<string, unknown> };

  describe('text', () => {
    it('should store and publish names trimmed and in NFC when they are sent decomposed and padded', async () => {
      const decomposed = 'Бі\u0301ла Церква'.normalize('NFD');
      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(
          hromadaBody({
            nameNative: `  ${decomposed}\t`,
            needs: [{ sector: 'water-supply', description: ' Two pumping\u0020stations ' }],
            priorities: ['  schools '],
          }),
        )
        .expect(201);

      const expected = 'Бі\u0301ла Церква'.normalize('NFC');
      expect(res.body.nameNative).toBe(expected);
      const { profile } = await registeredSnapshot(res.body.municipalityId);
      expect(profile).toMatchObject({
        nameNative: expected,
        needs: [{ sector: 'water-supply', description: 'Two pumping stations' }],
        priorities: ['schools'],
      });
    });
  });

  describe('country', () => {
    it("should accept Eurostat's EL for Greece and store and publish it as GR", async () => {
      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(
          euMunicipalityBody({
            country: 'EL',
            officialCode: '19010101',
            region: { code: 'EL303', name: 'Κεντρικός Τομέας Αθηνών' },
            workingLanguages: ['el', 'en'],
          }),
        )
        .expect(201);

      expect(res.body).toMatchObject({ country: 'GR', officialCode: 'EL_19010101' });
      expect((await registeredSnapshot(res.body.municipalityId)).profile.country).toBe('GR');
      const listed = await request(http)
        .get('/municipalities')
        .query({ country: 'EL', includeInactive: 'true' })
        .set('Authorization', coordinator)
        .expect(200);
      expect(listed.body.items.map((m: { municipalityId: string }) => m.municipalityId)).toEqual([
        res.body.municipalityId,
      ]);
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(euMunicipalityBody({ country: 'GR', officialCode: 'EL_19010101' }))
        .expect(409);
    });

    it('should name both spellings of Greece in the message when the country is unknown', async () => {
      const res = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(euMunicipalityBody({ country: 'XX' }))
        .expect(400);

      expect(res.body.errors).toEqual([
        {
          field: 'country',
          messages: ['must be UA or an EU member state code (ISO 3166-1 alpha-2; Greece is GR or EL)'],
        },
      ]);
    });

    it('should list EL beside the ISO codes in the OpenAPI document', async () => {
      const res = await request(http).get('/docs-json').expect(200);

      const country = res.body.components.schemas.CreateMunicipalityDto.properties.country;
      expect(country.enum).toEqual(expect.arrayContaining(['GR', 'EL', 'UA']));
      expect(country.description).toContain('stored and published as GR');
    });
  });
});
