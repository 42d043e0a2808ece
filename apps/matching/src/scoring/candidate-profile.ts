/**
 * Candidate profiles as the scorer sees them. The matching service projects them from
 * `registry.municipality.v1`; the scorer never reads anything else, so it stays pure and testable.
 */

/**
 * Ordinal settlement type. Ukrainian hromadas carry it legally (міська = urban, селищна = settlement,
 * сільська = rural); for EU LAUs it is a density proxy, see {@link deriveSettlementType}.
 */
export type SettlementType = 'urban' | 'settlement' | 'rural';

/** How the war touched a hromada; each flag raises its priority in a campaign. */
export interface WarImpact {
  /** Hosts internally displaced people. */
  readonly hostsDisplaced: boolean;
  /** Infrastructure damaged by hostilities. */
  readonly damaged: boolean;
  /** Was occupied and has been liberated. */
  readonly formerlyOccupied: boolean;
}

/** Degree of urbanisation, by the same DEGURBA rule on both sides (libs/contracts `IndicatorsV1`). */
export type UrbanisationClass = 'city' | 'town-suburb' | 'rural';

/**
 * Comparable socio-economic indicators (libs/contracts `IndicatorsV1`). Every field is optional: absent
 * is unknown, and a factor whose inputs are unknown on either side is neutral.
 */
export interface ProfileIndicators {
  readonly urbanisation?: UrbanisationClass;
  readonly coastal?: boolean;
  readonly mountain?: boolean;
  /** Relative prosperity within the own country, 0 (poorest) to 100 (richest). */
  readonly prosperityPercentile?: number;
}

/** A Ukrainian hromada (territorial community) seeking EU partners. */
export interface HromadaProfile {
  /** KATOTTG code, e.g. `UA05020010000053508`. */
  readonly id: string;
  readonly oblast: string;
  readonly population: number;
  /** Area in km²; `null` when unknown (31 hromadas occupied before 2022 have no area). */
  readonly areaKm2: number | null;
  readonly settlementType: SettlementType;
  readonly lat: number;
  readonly lon: number;
  /** Sector ids (controlled vocabulary) the hromada needs help with. */
  readonly needs: readonly string[];
  /** Development priority ids from its strategy. */
  readonly priorities: readonly string[];
  /** ISO 639-1 codes of the languages its officers can work in. */
  readonly languages: readonly string[];
  readonly hasInternationalPartner: boolean;
  readonly warImpact: WarImpact;
  readonly indicators?: ProfileIndicators;
}

/** An EU municipality (LAU) in a campaign's pool. */
export interface EuMunicipalityProfile {
  /** GISCO id, e.g. `PL_1001121200101`. */
  readonly id: string;
  /** ISO 3166-1 alpha-2 country code as Eurostat writes it (`EL` for Greece). */
  readonly country: string;
  readonly population: number;
  readonly areaKm2: number | null;
  readonly settlementType: SettlementType;
  readonly lat: number;
  readonly lon: number;
  /** Sector ids it can offer expertise or help in. */
  readonly offers: readonly string[];
  readonly priorities: readonly string[];
  readonly languages: readonly string[];
  /** Remaining partnership slots it is willing to take; 0 = not available now. */
  readonly capacity: number;
  readonly existingPartnershipCount: number;
  /**
   * Part of a metropolitan area, when the source knows it. Absent: derived over the pool by
   * `metropolitanFlags` (a pool-level rule in metropolitan.ts).
   */
  readonly metropolitan?: boolean;
  readonly indicators?: ProfileIndicators;
  /**
   * Open proposals that already name this municipality (other hromadas' lists). Feeds the popularity
   * factor, which spreads proposals; absent counts as none.
   */
  readonly openProposalCount?: number;
}
