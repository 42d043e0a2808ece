import type { MatchFactorId, MatchProposedV1, ProposalFactorV1 } from '@bridges/contracts';
import type { FactorKey } from '../scoring/campaign';
import type { FactorScore } from '../scoring/match-scorer';
import type { ProposalEntity } from './proposal.entity';

/** Wire ids (libs/contracts vocabulary) of the scorer's factors. */
export const FACTOR_WIRE_IDS: Readonly<Record<FactorKey, MatchFactorId>> = {
  sizeSimilarity: 'size-similarity',
  settlementType: 'settlement-type',
  sectorFit: 'sector-fit',
  sharedPriorities: 'shared-priorities',
  languages: 'working-languages',
  distance: 'distance',
  hromadaPriority: 'priority',
  euCapacity: 'capacity',
  landscape: 'landscape',
  prosperity: 'prosperity',
  popularity: 'popularity',
};

/** Keeps a float inside [0, 1]: an 8-term sum may overshoot by a rounding error. */
export function clampUnit(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The published "why this match" of a score breakdown. */
export function toFactorsV1(factors: readonly FactorScore[]): ProposalFactorV1[] {
  return factors.map((f) => ({
    factor: FACTOR_WIRE_IDS[f.factor],
    score: clampUnit(f.value),
    weight: f.weight,
    explanation: f.reason.slice(0, 500),
  }));
}

/** The event announcing a stored proposal. */
export function toMatchProposedV1(p: ProposalEntity): MatchProposedV1 {
  return {
    proposalId: p.id,
    campaignId: p.campaignId,
    hromadaId: p.hromadaId,
    euMunicipalityId: p.euMunicipalityId,
    score: p.score,
    rank: p.rank,
    mode: p.mode,
    ...(p.roundId ? { roundId: p.roundId } : {}),
    factors: p.factors,
  };
}
