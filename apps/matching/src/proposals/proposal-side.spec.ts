import { Role } from '@bridges/platform';
import { resolveDecidingSide } from './proposal-side';
import { NotYourSideError, ProposalSideRequiredError } from './proposals.errors';

const proposal = { hromadaId: 'h-1', euMunicipalityId: 'e-1' };

describe(resolveDecidingSide.name, () => {
  it('should decide for the hromada side when the officer belongs to the hromada', () => {
    expect(
      resolveDecidingSide({ sub: 'u', roles: [Role.MunicipalityOfficer], municipalityId: 'h-1' }, proposal),
    ).toBe('hromada');
  });

  it('should decide for the EU side when the officer belongs to the EU municipality', () => {
    expect(
      resolveDecidingSide({ sub: 'u', roles: [Role.MunicipalityOfficer], municipalityId: 'e-1' }, proposal),
    ).toBe('eu-municipality');
  });

  it('should refuse an officer who names the other side', () => {
    expect(() =>
      resolveDecidingSide(
        { sub: 'u', roles: [Role.MunicipalityOfficer], municipalityId: 'h-1' },
        proposal,
        'eu-municipality',
      ),
    ).toThrow(NotYourSideError);
  });

  it('should refuse an officer of a third municipality', () => {
    expect(() =>
      resolveDecidingSide({ sub: 'u', roles: [Role.MunicipalityOfficer], municipalityId: 'x-9' }, proposal),
    ).toThrow(NotYourSideError);
  });

  it('should refuse another console coordinator even when they name a side', () => {
    expect(() =>
      resolveDecidingSide({ sub: 'u', roles: [Role.RegistryCoordinator] }, proposal, 'hromada'),
    ).toThrow(NotYourSideError);
  });

  it('should decide on behalf of the named side when a matching coordinator names it', () => {
    expect(
      resolveDecidingSide({ sub: 'c', roles: [Role.MatchingCoordinator] }, proposal, 'eu-municipality'),
    ).toBe('eu-municipality');
  });

  it('should ask a matching coordinator to name the side when none is given', () => {
    expect(() => resolveDecidingSide({ sub: 'c', roles: [Role.MatchingCoordinator] }, proposal)).toThrow(
      ProposalSideRequiredError,
    );
  });
});
