import type { Campaign } from '../scoring/campaign';
import type { CampaignEntity } from './campaign.entity';

/** The scorer's campaign for a stored one. */
export function toScoringCampaign(c: CampaignEntity): Campaign {
  return {
    id: c.id,
    name: c.name,
    euEligibility: c.euEligibility,
    hromadaEligibility: c.hromadaEligibility,
    weights: c.weights,
    topK: c.topK,
    maxNewPartnersPerHromadaPerRound: c.maxNewPartnersPerHromadaPerRound,
    candidatesPerHromada: c.candidatesPerHromada,
    candidatesPerEuMunicipality: c.candidatesPerEuMunicipality,
    minScore: c.minScore,
    distanceHalfScoreKm: c.distanceHalfScoreKm,
  };
}
