import { InvalidCampaignWeightsError } from './campaigns.errors';
import { DEFAULT_CAMPAIGN, DEFAULT_WEIGHTS, FACTOR_KEYS, type FactorWeights } from '../scoring/campaign';

export { DEFAULT_CAMPAIGN, DEFAULT_WEIGHTS };

/** Weights as stored: every factor present; at least one positive (the scorer divides by their sum). */
export function normaliseWeightsForStorage(weights: FactorWeights): FactorWeights {
  const complete = Object.fromEntries(FACTOR_KEYS.map((k) => [k, weights[k] ?? 0])) as Record<
    (typeof FACTOR_KEYS)[number],
    number
  >;
  if (!FACTOR_KEYS.some((k) => complete[k] > 0)) throw new InvalidCampaignWeightsError();
  return complete;
}
