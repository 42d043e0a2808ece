import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { demoContactFor } from './demo-contact.policy';

describe(demoContactFor.name, () => {
  const base = {
    municipalityId: '3f1c2b9e-0000-4000-8000-000000000001',
    nameLatin: 'Kraków',
    country: 'PL',
    workingLanguages: ['pl', 'en'],
  } as MunicipalityProfileV1;

  it('should derive a local, never-routable address from the Latin name and country', () => {
    expect(demoContactFor(base).email).toBe('krakow.pl@demo.bridges.localhost');
  });

  it('should write to an EU municipality in its first working language and to a hromada in Ukrainian', () => {
    expect(demoContactFor(base).preferredLanguage).toBe('pl');
    expect(
      demoContactFor({
        ...base,
        country: 'UA',
        nameLatin: 'Bila Tserkva urban hromada',
        workingLanguages: [],
      }).preferredLanguage,
    ).toBe('uk');
  });

  it('should give the same recipient id for the same municipality when a snapshot is replayed', () => {
    expect(demoContactFor(base).contactId).toBe(demoContactFor({ ...base, nameLatin: 'Krakow' }).contactId);
    expect(demoContactFor(base).contactId).toBe('demo-3f1c2b9e-0000-4000-8000-000000000001');
  });

  it('should fall back to a neutral local part when the name has no Latin letters or digits', () => {
    expect(demoContactFor({ ...base, nameLatin: '—' }).email).toBe('municipality.pl@demo.bridges.localhost');
  });
});
