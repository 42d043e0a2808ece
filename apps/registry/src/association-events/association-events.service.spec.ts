import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MemberMunicipalityVolunteeredV1 } from '@bridges/contracts';
import { PermanentEventError } from '@bridges/messaging';
import type { MunicipalitiesService } from '../municipalities/municipalities.service';
import { InvalidProfileError } from '../municipalities/municipalities.errors';
import type { ProfileState } from '../municipalities/municipality-profile.rules';
import { AssociationEventsService } from './association-events.service';

const associationId = randomUUID();

function euProfile(overrides: Partial<ProfileState> = {}): ProfileState {
  return {
    id: randomUUID(),
    version: 1,
    kind: 'eu-municipality',
    country: 'PL',
    officialCode: 'PL_0201011',
    nameNative: 'Gmina',
    nameLatin: 'Gmina',
    regionCode: 'PL515',
    regionName: 'PL515',
    settlementType: 'town',
    population: 1,
    populationYear: 2020,
    areaKm2: 1,
    latitude: 50,
    longitude: 15,
    sectors: [],
    needs: [],
    offers: [],
    priorities: [],
    workingLanguages: ['pl'],
    partnershipCapacity: null,
    internationalPartners: [],
    warImpact: null,
    seekingPartner: false,
    associationId: null,
    contacts: [],
    active: true,
    deactivationReason: null,
    ...overrides,
  };
}

const volunteer = (
  overrides: Partial<MemberMunicipalityVolunteeredV1> = {},
): MemberMunicipalityVolunteeredV1 => ({
  associationId,
  country: 'PL',
  officialCode: '0201011',
  offers: [{ sector: 'transport' }],
  partnershipCapacity: 2,
  ...overrides,
});

describe(AssociationEventsService.name, () => {
  const setup = (found: ProfileState | null, associationKnown = true) => {
    const municipalities = {
      findForChangeByCode: jest.fn().mockResolvedValue(found),
      saveChange: jest
        .fn()
        .mockImplementation((_m: unknown, before: ProfileState, after: ProfileState) =>
          Promise.resolve({ profile: after, changedFields: before === after ? [] : ['offers'] }),
        ),
    };
    const manager = { existsBy: jest.fn().mockResolvedValue(associationKnown) } as unknown as EntityManager;
    const service = new AssociationEventsService(municipalities as unknown as MunicipalitiesService);
    return { service, municipalities, manager, publish: jest.fn() };
  };

  describe('applyVolunteer', () => {
    it('should set offers, capacity, seekingPartner and the association when an EU municipality volunteers', async () => {
      const { service, municipalities, manager, publish } = setup(euProfile());

      await service.applyVolunteer(
        manager,
        volunteer({ contact: { name: 'Jan', email: 'jan@example.pl', preferredLanguage: 'pl' } }),
        publish,
      );

      expect(municipalities.findForChangeByCode).toHaveBeenCalledWith(manager, 'PL', '0201011');
      const after = municipalities.saveChange.mock.calls[0][2] as ProfileState;
      expect(after).toMatchObject({
        offers: [{ sector: 'transport' }],
        partnershipCapacity: 2,
        seekingPartner: true,
        associationId,
        contacts: [{ email: 'jan@example.pl' }],
      });
      expect(municipalities.saveChange.mock.calls[0][3]).toBe(publish);
    });

    it('should fail permanently, changing nothing, when the municipality is unknown, a hromada, deactivated or the association unregistered', async () => {
      for (const { found, known, reason } of [
        { found: null, known: true, reason: /not in the registry/ },
        {
          found: euProfile({ kind: 'hromada', country: 'UA' }),
          known: true,
          reason: /not an EU municipality/,
        },
        { found: euProfile({ active: false }), known: true, reason: /deactivated/ },
        { found: euProfile(), known: false, reason: /unregistered association/ },
      ]) {
        const { service, municipalities, manager, publish } = setup(found, known);
        await expect(service.applyVolunteer(manager, volunteer(), publish)).rejects.toThrow(reason);
        expect(municipalities.saveChange).not.toHaveBeenCalled();
      }
    });

    it('should fail permanently without looking anything up when an offer names a sector outside the vocabulary', async () => {
      const { service, municipalities, manager, publish } = setup(euProfile());
      await expect(
        service.applyVolunteer(manager, volunteer({ offers: [{ sector: 'mercenaries' }] }), publish),
      ).rejects.toBeInstanceOf(PermanentEventError);
      expect(municipalities.findForChangeByCode).not.toHaveBeenCalled();
    });

    it('should turn a broken profile rule into a permanent failure (DLQ), not a retry', async () => {
      const { service, municipalities, manager, publish } = setup(euProfile());
      municipalities.saveChange.mockRejectedValue(new InvalidProfileError(['x: broken']));
      await expect(service.applyVolunteer(manager, volunteer(), publish)).rejects.toBeInstanceOf(
        PermanentEventError,
      );
    });
  });

  describe('applyNomination', () => {
    it("should set the hromada's needs and seekingPartner when its association nominates it", async () => {
      const hromada = euProfile({
        kind: 'hromada',
        country: 'UA',
        officialCode: 'UA05020030000031457',
        settlementType: 'rural',
      });
      const { service, municipalities, manager, publish } = setup(hromada);

      await service.applyNomination(
        manager,
        {
          associationId,
          officialCode: 'UA05020030000031457',
          needs: [{ sector: 'healthcare', description: 'Ambulances' }],
        },
        publish,
      );

      expect(municipalities.findForChangeByCode).toHaveBeenCalledWith(manager, 'UA', 'UA05020030000031457');
      expect(municipalities.saveChange.mock.calls[0][2]).toMatchObject({
        needs: [{ sector: 'healthcare', description: 'Ambulances' }],
        seekingPartner: true,
        associationId,
      });
    });
  });
});
