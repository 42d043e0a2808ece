import type { EntityManager } from 'typeorm';
import type { SolidarityForumAnnouncedV1 } from '@bridges/contracts';
import { PermanentEventError } from '@bridges/messaging';
import type { EventsService } from '../events/events.service';
import { ForumAnnouncementsService } from './forum-announcements.service';

const forum = (overrides: Partial<SolidarityForumAnnouncedV1> = {}): SolidarityForumAnnouncedV1 => ({
  associationId: '3f6c2b1a-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
  externalForumId: 'fr-ua-2027',
  title: 'France–Ukraine Solidarity Forum',
  startsAt: '2027-10-01T08:00:00.000Z',
  endsAt: '2027-10-02T16:00:00.000Z',
  venue: 'Lyon, Hôtel de Ville',
  capacity: 400,
  countryQuotas: [
    { country: 'fr', seats: 150 },
    { country: 'UA', seats: 250 },
  ],
  ...overrides,
});

describe(ForumAnnouncementsService.name, () => {
  const manager = {} as EntityManager;
  const publish = jest.fn();
  let draftOnce: jest.Mock;
  let service: ForumAnnouncementsService;

  beforeEach(() => {
    draftOnce = jest.fn().mockResolvedValue(null);
    service = new ForumAnnouncementsService({ draftOnce } as unknown as EventsService);
  });

  describe('draftForum', () => {
    it('should draft an open in-person forum with the announced capacity and upper-case country quotas, keyed by association and forum id', async () => {
      await service.draftForum(manager, publish, forum());

      expect(draftOnce).toHaveBeenCalledTimes(1);
      expect(draftOnce.mock.calls[0][2]).toMatchObject({
        kind: 'solidarity-forum',
        format: 'in-person',
        access: 'open',
        capacity: 400,
        venue: 'Lyon, Hôtel de Ville',
        organiserType: 'association',
        associationId: forum().associationId,
        externalForumId: 'fr-ua-2027',
        quotas: [
          { dimension: 'country', key: 'FR', seats: 150 },
          { dimension: 'country', key: 'UA', seats: 250 },
        ],
      });
    });

    it('should refuse for good, naming the announcement’s fields, and draft nothing when the forum contradicts itself', async () => {
      const bad = forum({
        endsAt: '2027-09-30T08:00:00.000Z',
        countryQuotas: [
          { country: 'UA', seats: 401 },
          { country: 'UA', seats: 1 },
        ],
      });

      const refusal = service.draftForum(manager, publish, bad);

      await expect(refusal).rejects.toBeInstanceOf(PermanentEventError);
      await expect(refusal).rejects.toThrow(
        /endsAt must be after startsAt; countryQuotas\[0\]\.seats must not exceed capacity; countryQuotas\[1\] repeats country:UA/,
      );
      expect(draftOnce).not.toHaveBeenCalled();
    });
  });
});
