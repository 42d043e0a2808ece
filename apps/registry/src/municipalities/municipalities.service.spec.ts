import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { MunicipalityContactErasedV1Event, MunicipalityProfileUpdatedV1Event } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import { InvalidProfileError } from './municipalities.errors';
import { applyUpdate, MunicipalitiesService, toPrefixTsQuery } from './municipalities.service';
import type { ProfileState } from './municipality-profile.rules';

function profile(overrides: Partial<ProfileState> = {}): ProfileState {
  return {
    id: randomUUID(),
    version: 4,
    kind: 'eu-municipality',
    country: 'PL',
    officialCode: 'PL_0201011',
    nameNative: 'Bolesławiec',
    nameLatin: 'Bolesławiec',
    regionCode: 'PL515',
    regionName: 'PL515',
    settlementType: 'town',
    population: 38000,
    populationYear: 2020,
    areaKm2: 23.6,
    latitude: 51.26,
    longitude: 15.56,
    sectors: [],
    needs: [],
    offers: [{ sector: 'transport' }],
    priorities: [],
    workingLanguages: ['pl'],
    partnershipCapacity: 1,
    internationalPartners: [],
    warImpact: null,
    seekingPartner: false,
    associationId: null,
    contacts: [{ contactId: randomUUID(), name: 'Anna', email: 'anna@example.pl', preferredLanguage: 'pl' }],
    active: true,
    deactivationReason: null,
    ...overrides,
  };
}

describe(MunicipalitiesService.name, () => {
  const service = new MunicipalitiesService({} as DataSource, {} as OutboxWriter);
  const fakeManager = () => ({ save: jest.fn().mockResolvedValue(undefined) });

  describe('saveChange', () => {
    it('should store the next version and publish profile-updated with the changed fields when something changed', async () => {
      const manager = fakeManager();
      const publish = jest.fn().mockResolvedValue(undefined);
      const before = profile();

      const outcome = await service.saveChange(
        manager as unknown as EntityManager,
        before,
        { ...before, partnershipCapacity: 3 },
        publish,
      );

      expect(outcome.changedFields).toEqual(['partnershipCapacity']);
      expect(outcome.profile.version).toBe(5);
      expect(manager.save).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({
          version: 5,
          partnershipCapacity: 3,
          searchName: 'bolesławiec bolesławiec',
        }),
      );
      expect(publish).toHaveBeenCalledTimes(1);
      expect(publish).toHaveBeenCalledWith(MunicipalityProfileUpdatedV1Event, {
        changedFields: ['partnershipCapacity'],
        profile: expect.objectContaining({ municipalityId: before.id, version: 5, partnershipCapacity: 3 }),
      });
    });

    it('should also publish contact-erased for each contact the change removed', async () => {
      const manager = fakeManager();
      const publish = jest.fn().mockResolvedValue(undefined);
      const before = profile();

      await service.saveChange(
        manager as unknown as EntityManager,
        before,
        { ...before, contacts: [] },
        publish,
      );

      expect(publish).toHaveBeenNthCalledWith(2, MunicipalityContactErasedV1Event, {
        municipalityId: before.id,
        version: 5,
        contactId: before.contacts[0].contactId,
      });
    });

    it('should write nothing and publish nothing when nothing a consumer sees changed', async () => {
      const manager = fakeManager();
      const publish = jest.fn();
      const before = profile();

      const outcome = await service.saveChange(
        manager as unknown as EntityManager,
        before,
        { ...before },
        publish,
      );

      expect(outcome).toEqual({ profile: before, changedFields: [] });
      expect(manager.save).not.toHaveBeenCalled();
      expect(publish).not.toHaveBeenCalled();
    });

    it('should refuse an inconsistent profile without writing or publishing when a rule is broken', async () => {
      const manager = fakeManager();
      const publish = jest.fn();
      const before = profile();

      await expect(
        service.saveChange(
          manager as unknown as EntityManager,
          before,
          { ...before, needs: [{ sector: 'transport' }] },
          publish,
        ),
      ).rejects.toBeInstanceOf(InvalidProfileError);
      expect(manager.save).not.toHaveBeenCalled();
      expect(publish).not.toHaveBeenCalled();
    });
  });

  describe('canSeeContacts', () => {
    it('should allow registry coordinators and the own officer, and not other coordinators or officers', () => {
      const id = randomUUID();
      expect(service.canSeeContacts({ sub: 'c', roles: [Role.RegistryCoordinator] }, id)).toBe(true);
      expect(
        service.canSeeContacts({ sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: id }, id),
      ).toBe(true);
      expect(service.canSeeContacts({ sub: 'm', roles: [Role.MatchingCoordinator] }, id)).toBe(false);
      expect(
        service.canSeeContacts(
          { sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: randomUUID() },
          id,
        ),
      ).toBe(false);
    });
  });
});

describe(applyUpdate.name, () => {
  it('should replace given fields, clear nulls and keep absent ones', () => {
    const before = profile();
    const after = applyUpdate(before, { population: null, partnershipCapacity: 2 } as never);
    expect(after).toMatchObject({
      population: null,
      partnershipCapacity: 2,
      areaKm2: 23.6,
      offers: before.offers,
    });
  });

  it('should keep the id of an existing contact and give a new contact a fresh id', () => {
    const before = profile();
    const [anna] = before.contacts;
    const after = applyUpdate(before, {
      contacts: [
        { ...anna, name: 'Anna K.' },
        { name: 'Piotr', email: 'piotr@example.pl', preferredLanguage: 'pl' },
      ],
    });
    expect(after.contacts[0]).toEqual({ ...anna, name: 'Anna K.' });
    expect(after.contacts[1].contactId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should refuse a contact id the profile does not have', () => {
    expect(() =>
      applyUpdate(profile(), {
        contacts: [{ contactId: randomUUID(), name: 'X', email: 'x@example.pl', preferredLanguage: 'pl' }],
      }),
    ).toThrow(InvalidProfileError);
  });
});

describe(toPrefixTsQuery.name, () => {
  it('should turn words of either script into lower-case prefix terms', () => {
    expect(toPrefixTsQuery('Vinn  Oblast')).toBe('vinn:* & oblast:*');
    expect(toPrefixTsQuery('Житків')).toBe('житків:*');
  });

  it('should drop tsquery operators and quotes so user input cannot change the query', () => {
    expect(toPrefixTsQuery("') | (*:* & !x' ; --")).toBe('x:*');
    expect(toPrefixTsQuery('!!! & |')).toBeUndefined();
  });
});
