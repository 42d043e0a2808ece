import { randomUUID } from 'node:crypto';
import type { ProfileState } from './municipality-profile.rules';
import { PUBLIC_PROFILE_FIELDS, toPublicMunicipalityView } from './public-municipality.view';

function hromada(overrides: Partial<ProfileState> = {}): ProfileState {
  return {
    id: randomUUID(),
    version: 3,
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
    warImpact: { formerlyOccupied: true, listedInWarZone2022: true },
    indicators: { urbanisation: 'rural' },
    seekingPartner: true,
    associationId: randomUUID(),
    contacts: [{ contactId: randomUUID(), name: 'O. K.', email: 'ok@example.org', preferredLanguage: 'uk' }],
    active: false,
    deactivationReason: 'merged into a neighbour (coordinator note)',
    ...overrides,
  };
}

describe('toPublicMunicipalityView', () => {
  it('should show names, region, population and status but no contacts, version, coordinator note or war impact', () => {
    const view = toPublicMunicipalityView(hromada());

    expect(view).toMatchObject({
      nameNative: 'Агрономічна сільська громада',
      nameLatin: 'Ahronomichna silska hromada',
      country: 'UA',
      region: { code: 'UA05000000000010236', name: 'Вінницька область' },
      population: 12000,
      location: { lat: 49.2, lon: 28.4 },
      active: false,
    });
    for (const hidden of [
      'contacts',
      'version',
      'deactivationReason',
      'associationId',
      'indicators',
      'warImpact',
      'listedInWarZone2022',
    ])
      expect(view).not.toHaveProperty(hidden);
    expect(JSON.stringify(view)).not.toContain('ok@example.org');
  });

  it('should carry only allow-listed fields and leave unknown ones absent', () => {
    const view = toPublicMunicipalityView(hromada({ population: null, areaKm2: null, warImpact: null }));

    expect(Object.keys(view).every((k) => (PUBLIC_PROFILE_FIELDS as readonly string[]).includes(k))).toBe(
      true,
    );
    expect(view).not.toHaveProperty('population');
    expect(view).not.toHaveProperty('areaKm2');
    expect(view).not.toHaveProperty('warImpact');
  });
});
