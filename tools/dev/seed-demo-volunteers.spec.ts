import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MemberMunicipalityVolunteeredV1 } from '@bridges/contracts';
import { inboundVocabularyProblems } from '../../apps/registry/src/association-events/inbound-event.rules';
import { parseLauCsv } from '../../apps/registry/src/import/lau-csv.parser';
import type { MunicipalityImportRecord } from '../../apps/registry/src/import/municipality-import.types';
import {
  euIndicators,
  loadEuIndicatorTables,
} from '../../apps/registry/src/import/socio-economic-indicators.loader';
import { IngestCloudEventDto } from '../../apps/registry/src/ingest/dto/ingest-cloud-event.dto';
import { CAMPAIGN_2021_PRESET } from '../../apps/matching/src/scoring/campaign';
import { METROPOLITAN } from '../../apps/matching/src/scoring/metropolitan';
import { DEMO_VOLUNTEERS } from './demo-volunteers.data';
import {
  DEMO_OFFER_MARK,
  volunteerCloudEvent,
  volunteerEventId,
  volunteerPayload,
} from './seed-demo-volunteers';

const ASSOCIATION_ID = '5b0e7c1a-9f3d-4e2b-8a61-0c4d2f7e9b13';
const strict = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

describe('demo volunteers', () => {
  it('should be 20 to 40 distinct municipalities across the five countries of the demo registry', () => {
    const codes = DEMO_VOLUNTEERS.map((v) => v.officialCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    expect(codes.length).toBeLessThanOrEqual(40);
    expect(new Set(DEMO_VOLUNTEERS.map((v) => v.country))).toEqual(new Set(['EE', 'LT', 'LV', 'PL', 'SK']));
  });

  // Reads the five countries' LAU files and the indicator tables: seconds on a loaded machine.
  it('should be real municipalities of data/, each eligible in the demo campaign (size, country, not metropolitan)', async () => {
    const tables = await loadEuIndicatorTables();
    const rule = CAMPAIGN_2021_PRESET.euEligibility;
    for (const country of new Set(DEMO_VOLUNTEERS.map((v) => v.country))) {
      const records: MunicipalityImportRecord[] = [];
      for await (const row of parseLauCsv(country)) if (row.kind === 'accepted') records.push(row.record);
      // FUA populations are sums over the whole country's file, as the registry import computes them.
      const indicators = euIndicators(records, tables);
      for (const v of DEMO_VOLUNTEERS.filter((d) => d.country === country)) {
        const record = records.find((r) => r.officialCode === v.officialCode);
        expect({ code: v.officialCode, name: record?.nameNative }).toEqual({
          code: v.officialCode,
          name: v.name,
        });
        expect(rule.countries).toContain(v.country);
        expect(record!.population).toBeGreaterThanOrEqual(rule.populationMin!);
        expect(record!.population).toBeLessThanOrEqual(rule.populationMax!);
        const fua = indicators.get(v.officialCode)?.functionalUrbanAreaPopulation ?? 0;
        expect({
          code: v.officialCode,
          metropolitan: fua >= METROPOLITAN.functionalUrbanAreaMinPopulation,
        }).toEqual({
          code: v.officialCode,
          metropolitan: false,
        });
      }
    }
  }, 60_000);

  it('should publish events the registry accepts: contract, vocabulary and envelope, every offer marked as demo data', async () => {
    for (const v of DEMO_VOLUNTEERS) {
      const payload = volunteerPayload(ASSOCIATION_ID, v);
      expect(await validate(plainToInstance(MemberMunicipalityVolunteeredV1, payload), strict)).toEqual([]);
      expect(inboundVocabularyProblems(payload)).toEqual([]);
      expect(
        await validate(plainToInstance(IngestCloudEventDto, volunteerCloudEvent(payload)), strict),
      ).toEqual([]);
      expect(new Set(payload.offers.map((o) => o.sector)).size).toBe(payload.offers.length);
      expect(payload.offers.length).toBeGreaterThanOrEqual(3);
      expect(payload.offers.every((o) => o.description?.startsWith(`${DEMO_OFFER_MARK} `))).toBe(true);
      expect(payload.partnershipCapacity).toBeGreaterThanOrEqual(1);
    }
  });

  it('should give the same content the same event id, and changed content a new one', () => {
    const [first, second] = DEMO_VOLUNTEERS;
    const payload = volunteerPayload(ASSOCIATION_ID, first);
    expect(volunteerEventId(volunteerPayload(ASSOCIATION_ID, first))).toBe(volunteerEventId(payload));
    expect(volunteerEventId(volunteerPayload(ASSOCIATION_ID, second))).not.toBe(volunteerEventId(payload));
    expect(volunteerEventId({ ...payload, partnershipCapacity: payload.partnershipCapacity + 1 })).not.toBe(
      volunteerEventId(payload),
    );
  });
});
