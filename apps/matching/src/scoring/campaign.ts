import type { SettlementType } from './candidate-profile';

/** The explained factors of a match score, in the order the breakdown lists them. */
export const FACTOR_KEYS = [
  'sizeSimilarity',
  'settlementType',
  'sectorFit',
  'sharedPriorities',
  'languages',
  'distance',
  'hromadaPriority',
  'euCapacity',
  'landscape',
  'prosperity',
  'popularity',
] as const;

export type FactorKey = (typeof FACTOR_KEYS)[number];

/** Non-negative weight per factor; a zero weight switches a factor off. */
export type FactorWeights = Readonly<Record<FactorKey, number>>;

/**
 * Default weights. Size (with its population share, SIZE_POPULATION_SHARE), settlement type, distance,
 * landscape and prosperity are calibrated on 378 real Ukrainian–EU partnerships (conditional logit,
 * `npm run eval:matching`, docs/matching.md "Calibration"); the factors the open data cannot inform yet
 * (sectors, priorities, languages, capacity, the hromada's priority) keep judgement weights. Popularity's
 * weight keeps every EU municipality in at most 5 % of the hromadas' top-20 lists on both evaluated pools with a
 * margin (weight 1 already does, at 4.8 % on the 2021 pool: too close; docs/matching-evaluation.md). Campaigns
 * may change any of them.
 */
export const DEFAULT_WEIGHTS: FactorWeights = {
  sizeSimilarity: 2.83,
  settlementType: 0.21,
  sectorFit: 3,
  sharedPriorities: 1.5,
  languages: 1,
  distance: 2.74,
  hromadaPriority: 1.5,
  euCapacity: 1,
  landscape: 0.12,
  prosperity: 0.1,
  popularity: 2,
};

/** Which EU municipalities may be proposed. Absent fields do not restrict. */
export interface EuEligibility {
  /** Country codes as in the data (`PL`, `EE`, …). */
  readonly countries?: readonly string[];
  readonly populationMin?: number;
  readonly populationMax?: number;
  readonly excludeMetropolitan?: boolean;
  /** Only municipalities with free capacity (capacity > 0). Default true. */
  readonly requireFreeCapacity?: boolean;
}

/** Which hromadas take part. Absent fields do not restrict. */
export interface HromadaEligibility {
  readonly oblasts?: readonly string[];
  readonly settlementTypes?: readonly SettlementType[];
  /** Only hromadas that have no international partner yet. */
  readonly withoutInternationalPartnerOnly?: boolean;
}

/** A matching campaign: who is eligible, how factors weigh, how many proposals. */
export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly euEligibility: EuEligibility;
  readonly hromadaEligibility: HromadaEligibility;
  readonly weights: FactorWeights;
  /** Proposals per profile in incremental matching. */
  readonly topK: number;
  /** New partners one hromada may receive in one global round. */
  readonly maxNewPartnersPerHromadaPerRound: number;
  /** Candidates per hromada kept in the sparse graph of a global round. */
  readonly candidatesPerHromada: number;
  /** Candidates per EU municipality added to that graph (the reverse direction), 0 to disable. */
  readonly candidatesPerEuMunicipality: number;
  /** Pairs scoring at or below this are never proposed nor assigned. */
  readonly minScore: number;
  /** Distance at which the distance factor is 0.5. */
  readonly distanceHalfScoreKm: number;
  /** Share of population (the rest: area) in the size similarity; absent: the calibrated default. */
  readonly sizePopulationShare?: number;
}

/** Defaults every campaign starts from. */
export const DEFAULT_CAMPAIGN: Campaign = {
  id: 'default',
  name: 'Open matching, all EU municipalities',
  euEligibility: { requireFreeCapacity: true },
  hromadaEligibility: {},
  weights: DEFAULT_WEIGHTS,
  topK: 20,
  maxNewPartnersPerHromadaPerRound: 1,
  candidatesPerHromada: 40,
  candidatesPerEuMunicipality: 0,
  minScore: 0,
  distanceHalfScoreKm: 1_000,
};

/**
 * The 2021-like call: EU pool limited to Estonia, Lithuania, Latvia, Poland and Slovakia,
 * municipalities of 400 to 50,000 inhabitants, non-metropolitan.
 */
export const CAMPAIGN_2021_PRESET: Campaign = {
  ...DEFAULT_CAMPAIGN,
  id: 'bridges-2021',
  name: '2021-like call: EE, LT, LV, PL, SK; 400–50,000 inhabitants; non-metropolitan',
  euEligibility: {
    countries: ['EE', 'LT', 'LV', 'PL', 'SK'],
    populationMin: 400,
    populationMax: 50_000,
    excludeMetropolitan: true,
    requireFreeCapacity: true,
  },
};

/** A campaign from the defaults with some fields replaced. */
export function defineCampaign(overrides: Partial<Campaign> & Pick<Campaign, 'id' | 'name'>): Campaign {
  return { ...DEFAULT_CAMPAIGN, ...overrides, weights: { ...DEFAULT_WEIGHTS, ...overrides.weights } };
}
