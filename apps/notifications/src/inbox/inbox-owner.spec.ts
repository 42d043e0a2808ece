import { Role } from '@bridges/platform';
import { inboxesOf } from './inbox-owner';

describe(inboxesOf.name, () => {
  it("should give an officer their own inbox and their municipality's when the token names one", () => {
    expect(inboxesOf({ sub: 'u1', roles: [Role.MunicipalityOfficer], municipalityId: 'm1' })).toEqual([
      'user:u1',
      'municipality:m1',
    ]);
  });

  it('should give a coordinator only their own inbox when they have no municipality', () => {
    expect(inboxesOf({ sub: 'c1', roles: [Role.MatchingCoordinator] })).toEqual(['user:c1']);
  });

  it('should not open a municipality inbox to a non-officer when the token carries a municipality id', () => {
    expect(inboxesOf({ sub: 'c2', roles: [Role.MatchingCoordinator], municipalityId: 'm1' })).toEqual([
      'user:c2',
    ]);
  });
});
