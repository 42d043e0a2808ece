import type { MunicipalityProfileV1 } from '@bridges/contracts';
import type { MunicipalityProjectionEntity } from './municipality-projection.entity';
import { scoringSettlementType, toEuProfile, toHromadaProfile, toProjectionRow } from './profile.mapper';

const snapshot = (overrides: Partial<MunicipalityProfileV1> = {}): MunicipalityProfileV1 => ({
  municipalityId: '6f1c2f8e-8a43-4c61-9a53-0a6a3f0b1c01',
  version: 4,
  kind: 'hromada',
  country: 'ua',
  officialCode: 'UA46060000000042795',
  nameNative: 'Жовківська',
  nameLatin: 'Zhovkivska',
  region: { code: 'UA46', name: 'Lvivska' },
  settlementType: 'urban',
  population: 39_000,
  areaKm2: 640,
  location: { lat: 50.05, lon: 23.97 },
  sectors: ['education'],
  needs: [{ sector: 'water-supply', description: 'pumping station' }, { sector: 'water-supply' }],
  offers: [],
  priorities: ['tourism'],
  workingLanguages: ['UK', 'en'],
  internationalPartners: ['Gmina Lubaczów'],
  warImpact: { hostsDisplacedPeople: true, damaged: false, formerlyOccupied: false },
  seekingPartner: true,
  contacts: [
    {
      contactId: '6f1c2f8e-8a43-4c61-9a53-0a6a3f0b1c02',
      name: 'Olena',
      email: 'o@example.org',
      preferredLanguage: 'uk',
    },
  ],
  ...overrides,
});

const row = (overrides: Partial<MunicipalityProjectionEntity> = {}): MunicipalityProjectionEntity => ({
  ...toProjectionRow(snapshot()),
  poolSeq: '1',
  updatedAt: new Date(),
  ...overrides,
});

describe('profile mapper', () => {
  describe(toProjectionRow.name, () => {
    it('should keep what matching scores on and drop the contacts when given a full snapshot', () => {
      const r = toProjectionRow(snapshot());
      expect(r).toMatchObject({
        version: 4,
        active: true,
        country: 'UA',
        needs: ['water-supply'],
        workingLanguages: ['uk', 'en'],
        internationalPartnerCount: 1,
      });
      expect(JSON.stringify(r)).not.toContain('o@example.org');
      expect(r).not.toHaveProperty('contacts');
    });
  });

  describe(scoringSettlementType.name, () => {
    it('should map both vocabularies onto the scorer scale when the type is known', () => {
      expect(
        ['urban', 'city', 'settlement', 'town', 'rural'].map((t) => scoringSettlementType(t, 1, 1)),
      ).toEqual(['urban', 'urban', 'settlement', 'settlement', 'rural']);
    });

    it('should derive the type from size when the value is one matching does not know yet', () => {
      expect(scoringSettlementType('megacity', 500, 100)).toBe('rural');
    });
  });

  describe(toHromadaProfile.name, () => {
    it('should count a partnership matching established as an international partner when the registry lists none', () => {
      expect(toHromadaProfile(row({ internationalPartnerCount: 0 }), 0)!.hasInternationalPartner).toBe(false);
      expect(toHromadaProfile(row({ internationalPartnerCount: 0 }), 1)!.hasInternationalPartner).toBe(true);
    });

    it('should give nothing to score when the location is unknown', () => {
      expect(toHromadaProfile(row({ lat: null, lon: null }))).toBeNull();
    });
  });

  describe(toEuProfile.name, () => {
    it('should subtract live partnerships from the stated capacity when matching established some', () => {
      expect(toEuProfile(row({ kind: 'eu-municipality', partnershipCapacity: 3 }), 1, 2)!.capacity).toBe(1);
      expect(toEuProfile(row({ kind: 'eu-municipality', partnershipCapacity: 1 }), 1, 2)!.capacity).toBe(0);
    });

    it('should assume the default capacity when the profile states none', () => {
      expect(toEuProfile(row({ kind: 'eu-municipality', partnershipCapacity: null }), 2, 0)!.capacity).toBe(
        2,
      );
    });
  });
});
