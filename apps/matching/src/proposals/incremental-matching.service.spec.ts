import type { EntityManager } from 'typeorm';
import { CampaignStatus, type CampaignEntity } from '../campaigns/campaign.entity';
import type { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { CAMPAIGN_2021_PRESET } from '../scoring/campaign';
import { makeEu } from '../scoring/candidate-profile.fixture';
import { PreparedEuPool } from '../scoring/prepared-profile';
import type { EuPoolCache } from './eu-pool.cache';
import { IncrementalMatchingService } from './incremental-matching.service';
import type { ProposalDraft, ProposalWriter } from './proposal.writer';

const campaign: CampaignEntity = {
  ...CAMPAIGN_2021_PRESET,
  id: 'c-1',
  slug: 'demo',
  status: CampaignStatus.Active,
  topK: 3,
  createdAt: new Date(),
};

const hromadaRow = (overrides: Partial<MunicipalityProjectionEntity> = {}): MunicipalityProjectionEntity => ({
  municipalityId: 'h-1',
  kind: 'hromada',
  version: 1,
  active: true,
  country: 'UA',
  officialCode: 'UA1',
  nameLatin: 'H',
  nameNative: 'Г',
  regionName: 'Lvivska',
  settlementType: 'rural',
  population: 10_000,
  areaKm2: 200,
  lat: 49.8,
  lon: 24,
  sectors: [],
  needs: ['water', 'education'],
  offers: [],
  priorities: ['tourism'],
  workingLanguages: ['uk', 'en'],
  partnershipCapacity: null,
  internationalPartnerCount: 0,
  hostsDisplacedPeople: false,
  damaged: false,
  formerlyOccupied: false,
  seekingPartner: true,
  poolSeq: '1',
  updatedAt: new Date(),
  ...overrides,
});

/** Four eligible Polish municipalities; e-1 fits best (offers both needed sectors). */
const pool = new PreparedEuPool([
  makeEu({ id: 'e-1', offers: ['water', 'education'] }),
  makeEu({ id: 'e-2', offers: ['water'] }),
  makeEu({ id: 'e-3', offers: ['education'] }),
  makeEu({ id: 'e-4', offers: [] }),
]);

/**
 * A manager whose queries answer like the proposal and partnership tables would: `excluded` counterparts,
 * whether the EU municipality has anything open, and `openCounts` open proposals per EU municipality of
 * the campaign (other hromadas').
 */
function setup(excluded: string[] = [], euHasOpenProposals = true, openCounts: Record<string, number> = {}) {
  const propose = jest.fn((_m: EntityManager, _p: unknown, drafts: ProposalDraft[]) =>
    Promise.resolve(drafts.map((d) => ({ id: d.euMunicipalityId }))),
  );
  const withdraw = jest.fn(() => Promise.resolve([]));
  const writer = { propose, withdraw } as unknown as ProposalWriter;
  const snapshot = () => Promise.resolve({ pool, signature: 's', readAt: 0 });
  const cache = { get: jest.fn(snapshot), getRecent: jest.fn(snapshot) } as unknown as EuPoolCache;
  const manager = {
    find: jest.fn(() => Promise.resolve([campaign])),
    query: jest.fn((sql: string, params: string[] = []) => {
      if (sql.startsWith('SELECT 1 FROM proposal')) return Promise.resolve(euHasOpenProposals ? [{}] : []);
      if (sql.includes('GROUP BY eu_municipality_id'))
        return Promise.resolve(Object.entries(openCounts).map(([id, n]) => ({ id, n })));
      if (sql.includes('count(*)::int AS n FROM proposal'))
        return Promise.resolve([{ n: openCounts[params[1]] ?? 0 }]);
      return Promise.resolve(
        sql.includes('FROM partnership WHERE status') ? [] : excluded.map((id) => ({ id })),
      );
    }),
  } as unknown as EntityManager;
  return {
    cache,
    service: new IncrementalMatchingService(cache, writer),
    propose,
    withdraw,
    manager,
    publish: jest.fn(),
  };
}

describe(IncrementalMatchingService.name, () => {
  describe('onHromadaChanged', () => {
    it('should propose the top-k eligible EU municipalities, best first, when a hromada is registered', async () => {
      const { service, propose, withdraw, manager, publish } = setup();
      await service.onHromadaChanged(manager, publish, hromadaRow(), { cause: 'registered' });
      const drafts: ProposalDraft[] = propose.mock.calls[0][2];
      expect(drafts.map((d) => [d.euMunicipalityId, d.candidate.rank])).toEqual([
        ['e-1', 1],
        expect.arrayContaining([expect.stringMatching(/e-[23]/), 2]),
        expect.arrayContaining([expect.stringMatching(/e-[23]/), 3]),
      ]);
      expect(drafts.every((d) => d.mode === 'incremental' && d.campaignId === 'c-1')).toBe(true);
      expect(withdraw).not.toHaveBeenCalled();
    });

    it('should rank a candidate already proposed to many other hromadas lower and say so in its explanation', async () => {
      // e-2, e-3 and e-4 tie (one of two needs offered, or no offers declared: neutral) and rank by id
      // without live counts; e-2 is already proposed to two other hromadas, so it drops out of the top 3.
      // e-1 offers both needs: popularity refines, it does not override a clearly better fit.
      const { service, propose, manager, publish } = setup([], true, { 'e-1': 20, 'e-2': 2 });
      await service.onHromadaChanged(manager, publish, hromadaRow(), { cause: 'registered' });
      const drafts: ProposalDraft[] = propose.mock.calls[0][2];
      const popularity = (id: string) =>
        drafts
          .find((d) => d.euMunicipalityId === id)
          ?.candidate.factors.find((f) => f.factor === 'popularity');

      expect(drafts.map((d) => d.euMunicipalityId)).toEqual(['e-1', 'e-3', 'e-4']);
      expect(popularity('e-1')).toMatchObject({
        value: 1 / (1 + 20 / 10),
        reason: expect.stringContaining('already proposed to 20 other hromada(s)'),
      });
      expect(popularity('e-3')).toMatchObject({ value: 1, reason: 'not yet proposed to another hromada' });
      // Its own open proposals do not count against it, and only this campaign's do.
      expect(manager.query).toHaveBeenCalledWith(expect.stringContaining('hromada_id <> $2'), ['c-1', 'h-1']);
      // The shared pool is untouched: the live counts were this query's own.
      expect(pool.openProposalsOf(pool.indexOf('e-1'))).toBe(0);
    });

    it('should skip pairs already declined or partnered and fill up with the next best when some are excluded', async () => {
      const { service, propose, manager, publish } = setup(['e-1']);
      await service.onHromadaChanged(manager, publish, hromadaRow(), { cause: 'registered' });
      const drafts: ProposalDraft[] = propose.mock.calls[0][2];
      expect(drafts.map((d) => d.euMunicipalityId)).not.toContain('e-1');
      expect(drafts).toHaveLength(3);
      expect(drafts.map((d) => d.candidate.rank)).toEqual([1, 2, 3]);
    });

    it('should withdraw what fell out of the top-k, keeping accepted ones, when the profile changed materially', async () => {
      const { service, withdraw, manager, publish } = setup();
      await service.onHromadaChanged(manager, publish, hromadaRow({ needs: ['education'] }), {
        cause: 'updated',
        materialChanges: ['needs'],
      });
      expect(withdraw).toHaveBeenCalledWith(
        manager,
        publish,
        expect.objectContaining({
          hromadaId: 'h-1',
          campaignId: 'c-1',
          keepAccepted: true,
          euNotIn: expect.any(Array),
        }),
        expect.stringContaining('(needs)'),
      );
    });

    it('should withdraw every open proposal and propose nothing when the hromada was deactivated', async () => {
      const { service, propose, withdraw, manager, publish } = setup();
      await service.onHromadaChanged(manager, publish, hromadaRow({ active: false }), { cause: 'updated' });
      expect(withdraw).toHaveBeenCalledWith(
        manager,
        publish,
        { hromadaId: 'h-1' },
        expect.stringMatching(/deactivated/),
      );
      expect(propose).not.toHaveBeenCalled();
    });

    it('should propose nothing when the hromada no longer seeks a partner', async () => {
      const { service, propose, manager, publish } = setup();
      await service.onHromadaChanged(manager, publish, hromadaRow({ seekingPartner: false }), {
        cause: 'updated',
      });
      expect(propose).not.toHaveBeenCalled();
    });
  });

  describe('onEuMunicipalityChanged', () => {
    it('should neither rebuild the pool nor write when an imported, non-volunteering municipality has nothing open', async () => {
      const { service, cache, propose, withdraw, manager, publish } = setup([], false);
      await service.onEuMunicipalityChanged(
        manager,
        publish,
        hromadaRow({ municipalityId: 'e-1', kind: 'eu-municipality', seekingPartner: false }),
        { cause: 'registered' },
      );
      expect(cache.get).not.toHaveBeenCalled();
      expect(cache.getRecent).not.toHaveBeenCalled();
      expect(propose).not.toHaveBeenCalled();
      expect(withdraw).not.toHaveBeenCalled();
    });

    it('should offer a volunteer a few hromadas per free slot when it registers seeking a partner', async () => {
      const { service, propose, manager, publish } = setup([], false);
      (manager.find as jest.Mock)
        .mockResolvedValueOnce([campaign])
        .mockResolvedValueOnce(
          Array.from({ length: 10 }, (_, i) => hromadaRow({ municipalityId: `h-${i}` })),
        );
      await service.onEuMunicipalityChanged(
        manager,
        publish,
        hromadaRow({ municipalityId: 'e-2', kind: 'eu-municipality', seekingPartner: true }),
        { cause: 'registered' },
      );
      const drafts: ProposalDraft[] = propose.mock.calls[0][2];
      // makeEu has capacity 1: three hromadas (the campaign's top-k is 3 too), all for e-2.
      expect(drafts).toHaveLength(3);
      expect(drafts.every((d) => d.euMunicipalityId === 'e-2')).toBe(true);
      expect(drafts[0].candidate.factors.find((f) => f.factor === 'popularity')?.reason).toBe(
        'not yet proposed to another hromada',
      );
    });

    it('should tell each hromada how many open proposals already name a volunteer', async () => {
      const { service, propose, manager, publish } = setup([], false, { 'e-2': 7 });
      (manager.find as jest.Mock)
        .mockResolvedValueOnce([campaign])
        .mockResolvedValueOnce([hromadaRow({ municipalityId: 'h-9' })]);
      await service.onEuMunicipalityChanged(
        manager,
        publish,
        hromadaRow({ municipalityId: 'e-2', kind: 'eu-municipality', seekingPartner: true }),
        { cause: 'registered' },
      );
      const drafts: ProposalDraft[] = propose.mock.calls[0][2];
      expect(drafts[0].candidate.factors.find((f) => f.factor === 'popularity')).toMatchObject({
        value: 1 / (1 + 7 / 10),
        reason: expect.stringContaining('already proposed to 7 other hromada(s)'),
      });
    });

    it('should withdraw its open proposals with the reason when it has no capacity left', async () => {
      const { withdraw, manager, publish } = setup();
      const full = new PreparedEuPool([makeEu({ id: 'e-1', capacity: 0 })]);
      const s = new IncrementalMatchingService(
        { get: () => Promise.resolve({ pool: full, signature: 'x' }) } as unknown as EuPoolCache,
        { withdraw, propose: jest.fn() } as unknown as ProposalWriter,
      );
      await s.onEuMunicipalityChanged(
        manager,
        publish,
        hromadaRow({ municipalityId: 'e-1', kind: 'eu-municipality' }),
        { cause: 'updated', materialChanges: ['partnershipCapacity'] },
      );
      expect(withdraw).toHaveBeenCalledWith(
        manager,
        publish,
        expect.objectContaining({ euMunicipalityId: 'e-1', campaignId: 'c-1' }),
        'The EU municipality has no partnership capacity left',
      );
    });
  });
});
