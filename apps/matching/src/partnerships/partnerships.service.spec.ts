import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipStatusChangedV1Event } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import type { PartnershipEntity } from './partnership.entity';
import { PartnershipsService } from './partnerships.service';
import type { MatchingEnv } from '../config/matching.env';
import type { ProposalEntity } from '../proposals/proposal.entity';
import { PartnershipCapacity, type LockedPair } from './partnership-capacity';
import {
  InvalidPartnershipTransitionError,
  PairAlreadyPartneredError,
  PartnershipCapacityExhaustedError,
  PartnershipNotFoundError,
  TrackUnchangedError,
} from './partnerships.errors';

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
  origin: 'matching',
  note: null,
  ...overrides,
});

const coordinator = { sub: 'coord', roles: [Role.MatchingCoordinator] };

function setup(stored: PartnershipEntity, live: { hromada: number; eu: number } = { hromada: 0, eu: 0 }) {
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
    query: jest.fn(() => Promise.resolve([live])),
    existsBy: jest.fn(() => Promise.resolve(false)),
    findOneByOrFail: jest.fn(() => Promise.resolve(stored)),
    queryRunner: { isTransactionActive: true },
  } as unknown as EntityManager;
  const dataSource = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => Promise.resolve(work(manager)),
  } as unknown as DataSource;
  const append = jest.fn((..._args: unknown[]) => Promise.resolve({}));
  return {
    service: new PartnershipsService(
      dataSource,
      { append } as unknown as OutboxWriter,
      new PartnershipCapacity({ MATCHING_DEFAULT_EU_CAPACITY: 1 } as MatchingEnv),
    ),
    manager,
    writes,
    append,
  };
}

const accepted = {
  id: 'p-1',
  campaignId: 'c-1',
  hromadaId: 'h-1',
  euMunicipalityId: 'e-1',
} as ProposalEntity;
const pair = (hromadaCapacity: number | null, euCapacity: number): LockedPair => ({
  hromada: { municipalityId: 'h-1', capacity: hromadaCapacity },
  eu: { municipalityId: 'e-1', capacity: euCapacity },
});
const publish = () => Promise.resolve();

describe(PartnershipsService.name, () => {
  describe('establish', () => {
    it('should insert the partnership and report the EU side full when it takes the last slot', async () => {
      const { service, writes, manager } = setup(partnership(), { hromada: 0, eu: 1 });
      const result = await service.establish(manager, publish, accepted, pair(null, 2), 'formal', 'u');
      expect(writes).toEqual(['insert', 'insert']);
      expect(result.fullSides).toEqual(['eu-municipality']);
    });

    it('should refuse with 409 PARTNERSHIP_CAPACITY_EXHAUSTED and write nothing when the EU side is full', async () => {
      const { service, writes, manager } = setup(partnership(), { hromada: 0, eu: 2 });
      const error = await service
        .establish(manager, publish, accepted, pair(null, 2), 'formal', 'u')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PartnershipCapacityExhaustedError);
      expect(error).toMatchObject({ code: 'PARTNERSHIP_CAPACITY_EXHAUSTED', side: 'eu-municipality' });
      expect(writes).toEqual([]);
    });

    it('should refuse and write nothing when a hromada that states a capacity is full', async () => {
      const { service, writes, manager } = setup(partnership(), { hromada: 1, eu: 0 });
      await expect(
        service.establish(manager, publish, accepted, pair(1, 5), 'formal', 'u'),
      ).rejects.toMatchObject({ side: 'hromada' });
      expect(writes).toEqual([]);
    });

    it('should not limit a hromada that states no capacity', async () => {
      const { service, manager } = setup(partnership(), { hromada: 7, eu: 0 });
      const result = await service.establish(manager, publish, accepted, pair(null, 5), 'formal', 'u');
      expect(result.fullSides).toEqual([]);
    });

    it('should refuse with 409 and write nothing when the pair already has a live partnership', async () => {
      const { service, writes, manager } = setup(partnership());
      (manager.existsBy as jest.Mock).mockResolvedValueOnce(true);
      await expect(
        service.establish(manager, publish, accepted, pair(null, 5), 'formal', 'u'),
      ).rejects.toBeInstanceOf(PairAlreadyPartneredError);
      expect(writes).toEqual([]);
    });
  });

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

    it('should answer not found, as for a missing partnership, and write nothing when an officer of a third municipality acts', async () => {
      const { service, writes } = setup(partnership());
      await expect(
        service.changeStatus({ sub: 'o', roles: [Role.MunicipalityOfficer], municipalityId: 'x-1' }, 'ps-1', {
          status: 'active',
        }),
      ).rejects.toThrow(PartnershipNotFoundError);
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
