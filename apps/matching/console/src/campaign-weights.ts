import type { MatchFactorId } from '@bridges/contracts/vocabulary/match-factors';
import type { CampaignWeights } from './api';

/**
 * A campaign's weight keys and the factor each weighs, by its wire id (named in the reader's language by
 * the kit). Kept equal to the service's table (proposal.mapper.ts) by campaign-weights.spec.ts.
 */
export const WEIGHT_FACTORS: Readonly<Record<keyof CampaignWeights, MatchFactorId>> = {
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
