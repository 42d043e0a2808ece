import { DEFAULT_CAMPAIGN, type EuEligibility, type HromadaEligibility } from '../scoring/campaign';

/** Eligibility as a campaign stores it: the defaults with what the coordinator gave on top. */
export function campaignEligibility(given: {
  euEligibility?: EuEligibility;
  hromadaEligibility?: HromadaEligibility;
}): { euEligibility: EuEligibility; hromadaEligibility: HromadaEligibility } {
  return {
    euEligibility: { ...DEFAULT_CAMPAIGN.euEligibility, ...given.euEligibility },
    hromadaEligibility: { ...DEFAULT_CAMPAIGN.hromadaEligibility, ...given.hromadaEligibility },
  };
}
