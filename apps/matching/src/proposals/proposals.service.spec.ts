import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipEstablishedV1Event, ProposalDecidedV1Event, ProposalSide } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import type { LockedPair, PartnershipCapacity } from '../partnerships/partnership-capacity';
import type { PartnershipsService } from '../partnerships/partnerships.service';
import { ProposalStatus, type ProposalEntity } from './proposal.entity';
import { ProposalWriter } from './proposal.writer';
import { ProposalsService } from './proposals.service';
import { ProposalAlreadyDecidedError, ProposalNotFoundError, ProposalNotOpenError } from './proposals.errors';

const open = (overrides: Partial<ProposalEntity> = {}): ProposalEntity => ({
  id: 'p-1',
  campaignId: 'c-1',
  hromadaId: 'h-1',
  euMunicipalityId: 'e-1',
  score: 0.8,
  rank: 1,
  mode: 'incremental',
  roundId: null,
  factors: [],
  status: ProposalStatus.Open,
  hromadaDecision: null,
  hromadaDecidedBy: null,
  euDecision: null,
  euDecidedBy: null,
  closedReason: null,
  closedAt: null,
  createdAt: new Date(),
  ...overrides,
});

const hromadaOfficer = { sub: 'officer-h', roles: [Role.MunicipalityOfficer], municipalityId: 'h-1' };
const euOfficer = { sub: 'officer-e', roles: [Role.MunicipalityOfficer], municipalityId: 'e-1' };

const stranger = { sub: 'officer-x', roles: [Role.MunicipalityOfficer], municipalityId: 'x-1' };
const lockedPair: LockedPair = {
  hromada: { municipalityId: 'h-1', capacity: null },
  eu: { municipalityId: 'e-1', capacity: 2 },
};

function setup(stored: ProposalEntity | null, fullSides: ProposalSide[] = []) {
  const save = jest.fn(() => Promise.resolve(undefined));
  const order: string[] = [];
  const manager = {
    findOne: jest.fn(() => Promise.resolve(stored)),
    findOneOrFail: jest.fn(() => {
      order.push('lock proposal');
      return Promise.resolve(stored);
    }),
    save,
    queryRunner: { isTransactionActive: true },
  } as unknown as EntityManager;
  const dataSource = {
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => Promise.resolve(work(manager)),
  } as unknown as DataSource;
  const append = jest.fn((..._args: unknown[]) => Promise.resolve({}));
  const establish = jest.fn(
    async (_m: EntityManager, publish: (d: unknown, p: unknown) => Promise<unknown>) => {
      await publish(PartnershipEstablishedV1Event, { partnershipId: 'x' });
      return { partnership: { id: 'partnership-1' }, fullSides };
    },
  );
  const withdrawEach = jest.fn((..._args: unknown[]) => Promise.resolve([]));
  const lockPair = jest.fn(() => {
    order.push('lock municipalities');
    return Promise.resolve(lockedPair);
  });
  const service = new ProposalsService(
    dataSource,
    { append } as unknown as OutboxWriter,
    { establish } as unknown as PartnershipsService,
    // The real composition of the withdrawals over the mocked statement.
    {
      withdrawEach,
      withdrawOvertakenBy: ProposalWriter.prototype.withdrawOvertakenBy,
    } as unknown as ProposalWriter,
    { lockPair } as unknown as PartnershipCapacity,
  );
  return { service, save, append, establish, withdrawEach, lockPair, order, manager };
}

describe(ProposalsService.name, () => {
  describe('decide', () => {
    it('should record the first acceptance and publish the decision without a partnership when the other side has not decided', async () => {
      const { service, save, append, establish } = setup(open());
      const result = await service.decide(hromadaOfficer, 'p-1', 'accepted', {});
      expect(result.partnership).toBeNull();
      expect(result.proposal).toMatchObject({
        status: 'open',
        hromadaDecision: 'accepted',
        hromadaDecidedBy: 'officer-h',
      });
      expect(save).toHaveBeenCalledTimes(1);
      expect(append).toHaveBeenCalledWith(
        expect.anything(),
        ProposalDecidedV1Event,
        expect.objectContaining({ side: 'hromada', decision: 'accepted' }),
        expect.anything(),
      );
      expect(establish).not.toHaveBeenCalled();
    });

    it('should establish the partnership in the same transaction when the second side accepts', async () => {
      const { service, append, establish } = setup(
        open({ hromadaDecision: 'accepted', hromadaDecidedBy: 'officer-h' }),
      );
      const result = await service.decide(euOfficer, 'p-1', 'accepted', { track: 'solidarity' });
      expect(result.proposal.status).toBe('accepted');
      expect(result.partnership).toEqual({ id: 'partnership-1' });
      expect(establish).toHaveBeenCalledWith(
        expect.anything(),
        expect.any(Function),
        result.proposal,
        lockedPair,
        'solidarity',
        'officer-e',
      );
      expect(append.mock.calls.map((c) => c[1])).toEqual([
        ProposalDecidedV1Event,
        PartnershipEstablishedV1Event,
      ]);
    });

    it("should lock both municipalities' rows before the proposal when deciding", async () => {
      const { service, order } = setup(open());
      await service.decide(hromadaOfficer, 'p-1', 'accepted', {});
      expect(order).toEqual(['lock municipalities', 'lock proposal']);
    });

    it("should withdraw the pair's other open proposals and the full side's in one call when the partnership takes the EU municipality's last slot", async () => {
      const { service, withdrawEach, manager } = setup(open({ hromadaDecision: 'accepted' }), [
        ProposalSide.EuMunicipality,
      ]);
      await service.decide(euOfficer, 'p-1', 'accepted', {});
      expect(withdrawEach).toHaveBeenCalledTimes(1);
      expect(withdrawEach).toHaveBeenCalledWith(manager, expect.any(Function), [
        {
          scope: { hromadaId: 'h-1', euIn: ['e-1'] },
          reason: 'The hromada and the EU municipality are partners already',
        },
        {
          scope: { euMunicipalityId: 'e-1' },
          reason: 'The EU municipality has no partnership capacity left',
        },
      ]);
    });

    it("should withdraw the hromada's other open proposals when the partnership takes the hromada's last slot", async () => {
      const { service, withdrawEach } = setup(open({ euDecision: 'accepted' }), [ProposalSide.Hromada]);
      await service.decide(hromadaOfficer, 'p-1', 'accepted', {});
      expect(withdrawEach.mock.calls[0][2]).toContainEqual({
        scope: { hromadaId: 'h-1' },
        reason: 'The hromada has no partnership capacity left',
      });
    });

    it("should withdraw only the pair's proposals in other campaigns when both sides still have free slots", async () => {
      const { service, withdrawEach } = setup(open({ hromadaDecision: 'accepted' }));
      await service.decide(euOfficer, 'p-1', 'accepted', {});
      expect(withdrawEach.mock.calls[0][2]).toEqual([
        expect.objectContaining({ scope: { hromadaId: 'h-1', euIn: ['e-1'] } }),
      ]);
    });

    it('should answer not found, as for a missing proposal, and lock nothing when an officer of a third municipality decides', async () => {
      const { service, save, lockPair } = setup(open());
      await expect(service.decide(stranger, 'p-1', 'accepted', {})).rejects.toThrow(ProposalNotFoundError);
      expect(lockPair).not.toHaveBeenCalled();
      expect(save).not.toHaveBeenCalled();
    });

    it('should close the proposal with the reason and establish nothing when a side declines', async () => {
      const { service, establish } = setup(open({ hromadaDecision: 'accepted' }));
      const result = await service.decide(euOfficer, 'p-1', 'declined', { reason: 'too far' });
      expect(result.proposal).toMatchObject({
        status: 'declined',
        closedReason: 'too far',
        euDecision: 'declined',
      });
      expect(establish).not.toHaveBeenCalled();
    });

    it('should do nothing when the same side repeats the same decision', async () => {
      const { service, save, append } = setup(open({ hromadaDecision: 'accepted' }));
      await service.decide(hromadaOfficer, 'p-1', 'accepted', {});
      expect(save).not.toHaveBeenCalled();
      expect(append).not.toHaveBeenCalled();
    });

    it('should refuse a change of mind with 409 and write nothing', async () => {
      const { service, save, append } = setup(open({ hromadaDecision: 'accepted' }));
      await expect(service.decide(hromadaOfficer, 'p-1', 'declined', {})).rejects.toThrow(
        ProposalAlreadyDecidedError,
      );
      expect(save).not.toHaveBeenCalled();
      expect(append).not.toHaveBeenCalled();
    });

    it('should refuse a decision on a withdrawn proposal and write nothing', async () => {
      const { service, save, append } = setup(open({ status: ProposalStatus.Withdrawn }));
      await expect(service.decide(euOfficer, 'p-1', 'accepted', {})).rejects.toThrow(ProposalNotOpenError);
      expect(save).not.toHaveBeenCalled();
      expect(append).not.toHaveBeenCalled();
    });

    it('should answer not found when the proposal does not exist', async () => {
      const { service } = setup(null);
      await expect(service.decide(euOfficer, 'p-404', 'accepted', {})).rejects.toThrow(ProposalNotFoundError);
    });
  });
});

describe(`${ProposalsService.name}.get`, () => {
  it('should answer not found, exactly as for a missing proposal, when an officer of a third municipality asks', async () => {
    const proposal = open();
    const dataSource = {
      getRepository: () => ({ findOneBy: () => Promise.resolve(proposal) }),
    } as unknown as DataSource;
    const service = new ProposalsService(
      dataSource,
      {} as OutboxWriter,
      {} as PartnershipsService,
      {} as ProposalWriter,
      {} as PartnershipCapacity,
    );
    await expect(service.get(stranger, 'p-1')).rejects.toThrow(ProposalNotFoundError);
    await expect(service.get(euOfficer, 'p-1')).resolves.toBe(proposal);
  });
});
