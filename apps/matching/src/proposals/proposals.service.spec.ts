import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipEstablishedV1Event, ProposalDecidedV1Event } from '@bridges/contracts';
import type { OutboxWriter } from '@bridges/messaging';
import { Role } from '@bridges/platform';
import type { PartnershipsService } from '../partnerships/partnerships.service';
import type { MatchingEnv } from '../config/matching.env';
import { ProposalStatus, type ProposalEntity } from './proposal.entity';
import type { ProposalWriter } from './proposal.writer';
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

function setup(stored: ProposalEntity | null) {
  const save = jest.fn(() => Promise.resolve(undefined));
  const manager = {
    query: jest.fn(() => Promise.resolve([{ capacity: 2, live: 1 }])),
    findOne: jest.fn(() => Promise.resolve(stored)),
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
      return { id: 'partnership-1' };
    },
  );
  const withdraw = jest.fn((..._args: unknown[]) => Promise.resolve([]));
  const service = new ProposalsService(
    dataSource,
    { append } as unknown as OutboxWriter,
    { establish } as unknown as PartnershipsService,
    { withdraw } as unknown as ProposalWriter,
    { MATCHING_DEFAULT_EU_CAPACITY: 1 } as MatchingEnv,
  );
  return { service, save, append, establish, withdraw, manager };
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
      expect(establish).toHaveBeenCalledWith(
        expect.anything(),
        expect.any(Function),
        result.proposal,
        'solidarity',
        'officer-e',
      );
      expect(append.mock.calls.map((c) => c[1])).toEqual([
        ProposalDecidedV1Event,
        PartnershipEstablishedV1Event,
      ]);
    });

    it("should withdraw the EU municipality's other open proposals when the partnership takes its last slot", async () => {
      const { service, withdraw, manager } = setup(open({ hromadaDecision: 'accepted' }));
      (manager.query as jest.Mock).mockResolvedValueOnce([{ capacity: 1, live: 1 }]);
      await service.decide(euOfficer, 'p-1', 'accepted', {});
      expect(withdraw).toHaveBeenCalledWith(
        manager,
        expect.any(Function),
        { euMunicipalityId: 'e-1' },
        'The EU municipality has no partnership capacity left',
      );
    });

    it('should leave other proposals open when the EU municipality still has free slots', async () => {
      const { service, withdraw } = setup(open({ hromadaDecision: 'accepted' }));
      await service.decide(euOfficer, 'p-1', 'accepted', {});
      expect(withdraw).not.toHaveBeenCalled();
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
