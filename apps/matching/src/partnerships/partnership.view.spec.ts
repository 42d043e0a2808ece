import { randomUUID } from 'node:crypto';
import type { MunicipalitySummaryDto } from '../municipality-summaries/dto/municipality-summary.dto';
import { toDecisionView } from '../proposals/proposal.view';
import type { ProposalEntity } from '../proposals/proposal.entity';
import type { PartnershipEntity } from './partnership.entity';
import { partyIds, toPartnershipDetailView, toPartnershipView } from './partnership.view';

const hromadaId = randomUUID();
const euMunicipalityId = randomUUID();

const partnership: PartnershipEntity = {
  id: randomUUID(),
  proposalId: randomUUID(),
  campaignId: randomUUID(),
  hromadaId,
  euMunicipalityId,
  status: 'established',
  track: 'formal',
  establishedAt: new Date('2026-11-01T10:00:00Z'),
  updatedAt: new Date('2026-11-01T10:00:00Z'),
  origin: 'matching',
  note: null,
  poolSeq: '4711',
};

const summary = (municipalityId: string, regionName: string): MunicipalitySummaryDto => ({
  municipalityId,
  kind: 'eu-municipality',
  country: 'PL',
  nameNative: 'Biłgoraj',
  nameLatin: 'Bilgoraj',
  regionName,
  population: 26329,
  lat: 50.5,
  lon: 22.7,
  publicProfileUrl: `http://registry.example/municipalities/${municipalityId}/public`,
});
const parties = new Map([[euMunicipalityId, summary(euMunicipalityId, 'Chełmsko-zamojski')]]);

describe('partnership views', () => {
  describe(toPartnershipView.name, () => {
    it('should leave out the EU pool bookkeeping (poolSeq) and name the sides matching knows', () => {
      const view = toPartnershipView(partnership, parties);

      expect(view).not.toHaveProperty('poolSeq');
      expect(view.euMunicipality).toMatchObject({ regionName: 'Chełmsko-zamojski', population: 26329 });
      expect(view.hromada).toBeNull();
      expect(view).toMatchObject({ id: partnership.id, status: 'established', origin: 'matching' });
    });
  });

  describe(toPartnershipDetailView.name, () => {
    it('should leave out poolSeq when the partnership comes with its history', () => {
      const view = toPartnershipDetailView(
        { ...partnership, history: [], allowedTransitions: ['active', 'ended'] },
        parties,
      );

      expect(view).not.toHaveProperty('poolSeq');
      expect(view.allowedTransitions).toEqual(['active', 'ended']);
    });
  });

  describe(toDecisionView.name, () => {
    it('should leave out poolSeq from the partnership a second acceptance established', () => {
      const proposal = {
        id: randomUUID(),
        hromadaId,
        euMunicipalityId,
        factors: [],
      } as unknown as ProposalEntity;

      const view = toDecisionView({ proposal, partnership }, parties);

      expect(JSON.stringify(view)).not.toContain('poolSeq');
      expect(view.proposal.euMunicipality?.publicProfileUrl).toContain(
        `/municipalities/${euMunicipalityId}/public`,
      );
    });
  });

  describe(partyIds.name, () => {
    it('should list both sides of every row', () => {
      expect(partyIds([partnership])).toEqual([hromadaId, euMunicipalityId]);
    });
  });
});
