import { randomUUID } from 'node:crypto';
import {
  changedFields,
  kindOfCountry,
  normalizeOfficialCode,
  profileProblems,
  removedContacts,
  searchNameOf,
  toProfileSnapshot,
  type ProfileState,
} from './municipality-profile.rules';

function hromada(overrides: Partial<ProfileState> = {}): ProfileState {
  return {
    id: randomUUID(),
    version: 1,
    kind: 'hromada',
    country: 'UA',
    officialCode: 'UA05020030000031457',
    nameNative: 'Агрономічна сільська громада',
    nameLatin: 'Ahronomichna silska hromada',
    regionCode: 'UA05000000000010236',
    regionName: 'Вінницька область',
    settlementType: 'rural',
    population: 12000,
    populationYear: 2022,
    areaKm2: 231.5,
    latitude: 49.2,
    longitude: 28.4,
    sectors: ['water-supply'],
    needs: [{ sector: 'water-supply' }],
    offers: [],
    priorities: [],
    workingLanguages: ['uk'],
    partnershipCapacity: null,
    internationalPartners: [],
    warImpact: { formerlyOccupied: true },
    seekingPartner: true,
    associationId: null,
    contacts: [{ contactId: randomUUID(), name: 'O. K.', email: 'ok@example.org', preferredLanguage: 'uk' }],
    active: true,
    deactivationReason: null,
    ...overrides,
  };
}

const eu = (overrides: Partial<ProfileState> = {}): ProfileState =>
  hromada({
    kind: 'eu-municipality',
    country: 'PL',
    officialCode: 'PL_0201011',
    settlementType: 'town',
    needs: [],
    warImpact: null,
    partnershipCapacity: 2,
    ...overrides,
  });

describe('municipality profile rules', () => {
  describe(kindOfCountry.name, () => {
    it('should be hromada for UA and eu-municipality for a member state', () => {
      expect(kindOfCountry('UA')).toBe('hromada');
      expect(kindOfCountry('EL')).toBe('eu-municipality');
    });
  });

  describe(normalizeOfficialCode.name, () => {
    it('should prefix a bare LAU code with its country when the profile is European', () => {
      expect(normalizeOfficialCode('PL', '0201011')).toBe('PL_0201011');
      expect(normalizeOfficialCode('PL', 'pl_0201011')).toBe('PL_0201011');
    });

    it('should use the Eurostat spelling EL in Greek GISCO ids when the country is GR', () => {
      expect(normalizeOfficialCode('GR', '01010101')).toBe('EL_01010101');
      expect(normalizeOfficialCode('GR', 'EL_01010101')).toBe('EL_01010101');
    });

    it('should keep a KATOTTG code as is (upper-cased) when the profile is Ukrainian', () => {
      expect(normalizeOfficialCode('UA', 'ua05020030000031457')).toBe('UA05020030000031457');
    });
  });

  describe(profileProblems.name, () => {
    it('should accept a consistent hromada and a consistent EU municipality', () => {
      expect(profileProblems(hromada())).toEqual([]);
      expect(profileProblems(eu({ offers: [{ sector: 'transport' }] }))).toEqual([]);
    });

    it('should name each field when a hromada has offers, a capacity, an EU settlement type and a bad code', () => {
      const problems = profileProblems(
        hromada({
          offers: [{ sector: 'transport' }],
          partnershipCapacity: 1,
          settlementType: 'city',
          officialCode: 'UA123',
        }),
      );
      expect(problems.map((p) => p.split(':')[0])).toEqual([
        'officialCode',
        'settlementType',
        'offers',
        'partnershipCapacity',
      ]);
    });

    it('should refuse needs and war impact when the municipality is European', () => {
      const problems = profileProblems(
        eu({ needs: [{ sector: 'transport' }], warImpact: { damaged: true } }),
      );
      expect(problems.map((p) => p.split(':')[0])).toEqual(['needs', 'warImpact']);
    });

    it('should refuse half a location, duplicate contact emails and a repeated sector', () => {
      const c = hromada().contacts[0];
      const problems = profileProblems(
        hromada({
          longitude: null,
          contacts: [c, { ...c, contactId: randomUUID(), email: 'OK@example.org' }],
          sectors: ['transport', 'transport'],
        }),
      );
      expect(problems.map((p) => p.split(':')[0])).toEqual(['location', 'contacts', 'sectors']);
    });
  });

  describe(toProfileSnapshot.name, () => {
    it('should leave unknown war impact flags out (unknown is not false) and omit absent optional values when building the event snapshot', () => {
      const snapshot = toProfileSnapshot(hromada({ areaKm2: null }));
      expect(snapshot.warImpact).toEqual({ formerlyOccupied: true });
      expect(snapshot).not.toHaveProperty('areaKm2');
      expect(snapshot).not.toHaveProperty('partnershipCapacity');
      expect(snapshot.location).toEqual({ lat: 49.2, lon: 28.4 });
    });
  });

  describe(changedFields.name, () => {
    it('should list only the fields whose value changed, in snapshot order', () => {
      const before = eu();
      const after = { ...before, partnershipCapacity: 3, offers: [{ sector: 'transport' }], version: 9 };
      expect(changedFields(before, after)).toEqual(['offers', 'partnershipCapacity']);
    });

    it('should report nothing when only the key order of nested values differs', () => {
      const before = hromada({ needs: [{ sector: 'transport', description: 'roads' }] });
      const after = { ...before, needs: [{ description: 'roads', sector: 'transport' }] };
      expect(changedFields(before, after)).toEqual([]);
    });

    it('should report location when a coordinate moves and warImpact when a flag becomes known', () => {
      const before = hromada();
      expect(
        changedFields(before, {
          ...before,
          latitude: 50,
          warImpact: { formerlyOccupied: true, damaged: true },
        }),
      ).toEqual(['location', 'warImpact']);
    });
  });

  describe(removedContacts.name, () => {
    it('should return the contacts that are gone after a change', () => {
      const [a] = hromada().contacts;
      const b = { ...a, contactId: randomUUID(), email: 'b@example.org' };
      expect(removedContacts([a, b], [b])).toEqual([a]);
    });
  });

  describe(searchNameOf.name, () => {
    it('should lower-case Cyrillic and Latin names in the application', () => {
      expect(searchNameOf({ nameNative: 'Житківська', nameLatin: 'Zhytkivska' })).toBe(
        'житківська zhytkivska',
      );
    });
  });
});
