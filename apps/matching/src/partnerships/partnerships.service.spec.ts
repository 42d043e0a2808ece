import { ForbiddenException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipStatusChangedV1Event } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import type { PartnershipEntity } from './partnership.entity';
import { PartnershipsService } from './partnerships.service';
import { InvalidPartnershipTransitionError, TrackUnchangedError } from './partnerships.errors';

const partnership = (overrides: Partial<PartnershipEntity> = {}): PartnershipEntity => ({
  id: 'ps-1',
  proposalId: 'p-1',
  campaignId: 'c-1',
  hromadaId: 'h-1',
  euMunicipalityId: 'e-1',
  status: 'established',
  track: 'formal',
  establishedAt: new Date(),
  updatedAt: new Date(),
  poolSeq: '1',
  ...overrides,
});

const coordinator = { sub: 'coord', roles: [Role.MatchingCoordinator] };

function setup(stored: PartnershipEntity) {
  const writes: string[] = [];
  const chain = {
    update: () => chain,
    set: () => chain,
    where: () => chain,
    execute: () => Promise.resolve(writes.push('update')),
  };
  const manager = {
    findOne: jest.fn(() => Promise.resolve(stored)),
    findOneBy: jest.fn(() => Promise.resolve(stored)),
    find: jest.fn(() => Promise.resolve([])),
    insert: jest.fn(() => Promise.resolve(writes.push('insert'))),
    createQueryBuilder: () => chain,
    query: jest.fn(),
    queryRunner: { isTransactionActive: true },
  } as unknown as EntityManager;
  const dataSource = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => Promise.resolve(work(manager)),
  } as unknown as DataSource;
  const append = jest.fn((..._args: unknown[]) => Promise.resolve({}));
  return {
    service: new PartnershipsService(dataSource, { append } as unknown as OutboxWriter),
    writes,
    append,
  };
}

describe(PartnershipsService.name, () => {
  describe('changeStatus', () => {
    it('should record the step and publish PartnershipStatusChangedV1 when the step is allowed', async () => {
      const { service, writes, append } = setup(partnership());
      await service.changeStatus(coordinator, 'ps-1', { status: 'active', reason: 'agreement signed' });
      expect(writes).toEqual(['update', 'insert']);
      expect(append).toHaveBeenCalledWith(
        expect.anything(),
        PartnershipStatusChangedV1Event,
        expect.objectContaining({
          from: 'established',
          to: 'active',
          reason: 'agreement signed',
          changedBy: 'coord',
        }),
        expect.anything(),
      );
    });

    it('should refuse a skipped step with the allowed transitions and write nothing', async () => {
      const { service, writes, append } = setup(partnership());
      const error = await service
        .changeStatus(coordinator, 'ps-1', { status: 'dormant' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidPartnershipTransitionError);
      expect((error as InvalidPartnershipTransitionError).allowedTransitions).toEqual(['active', 'ended']);
      expect(writes).toEqual([]);
      expect(append).not.toHaveBeenCalled();
    });

    it('should let an officer of either side move the partnership', async () => {
      const { service, append } = setup(partnership({ status: 'active' }));
      await service.changeStatus(
        { sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: 'e-1' },
        'ps-1',
        { status: 'dormant' },
      );
      expect(append).toHaveBeenCalledTimes(1);
    });

    it('should refuse an officer of a third municipality and write nothing', async () => {
      const { service, writes } = setup(partnership());
      await expect(
        service.changeStatus({ sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: 'x-1' }, 'ps-1', {
          status: 'active',
        }),
      ).rejects.toThrow(ForbiddenException);
      expect(writes).toEqual([]);
    });
  });

  describe('changeTrack', () => {
    it('should publish a status-changed event with the same status and the new track', async () => {
      const { service, append } = setup(partnership({ status: 'active' }));
      await service.changeTrack(coordinator, 'ps-1', { track: 'solidarity' });
      expect(append).toHaveBeenCalledWith(
        expect.anything(),
        PartnershipStatusChangedV1Event,
        expect.objectContaining({ from: 'active', to: 'active', track: 'solidarity' }),
        expect.anything(),
      );
    });

    it('should refuse a track the partnership is on already', async () => {
      const { service, writes } = setup(partnership());
      await expect(service.changeTrack(coordinator, 'ps-1', { track: 'formal' })).rejects.toThrow(
        TrackUnchangedError,
      );
      expect(writes).toEqual([]);
    });
  });
});
