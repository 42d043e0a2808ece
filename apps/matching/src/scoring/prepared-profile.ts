import type { EuMunicipalityProfile, HromadaProfile, ProfileIndicators } from './candidate-profile';
import type { Campaign } from './campaign';
import { isMetropolitan, metropolitanFlags } from './metropolitan';
import {
  SETTLEMENT_ORDINAL,
  UNKNOWN_ORDINAL,
  URBANISATION_ORDINAL,
  euCapacityFactor,
  flagCode,
  hromadaPriority,
  unitVector,
} from './scoring-factors';
import { OpenProposalCounts } from './open-proposal-counts';
import { TermIndex } from './term-index';

/** Natural log of a positive size, NaN when unknown or not positive. */
function logOrNaN(value: number | null): number {
  return value !== null && value > 0 ? Math.log(value) : NaN;
}

/** The comparable indicators of a profile as typed-array codes ({@link UNKNOWN_ORDINAL} / NaN: unknown). */
function indicatorCodes(i: ProfileIndicators | undefined) {
  return {
    urbanisation: i?.urbanisation !== undefined ? URBANISATION_ORDINAL[i.urbanisation] : UNKNOWN_ORDINAL,
    coastal: flagCode(i?.coastal),
    mountain: flagCode(i?.mountain),
    prosperity: i?.prosperityPercentile ?? NaN,
  };
}

/** The vocabularies shared by a prepared pool and the hromadas scored against it. */
export interface PreparedVocabulary {
  readonly sectors: TermIndex;
  readonly priorities: TermIndex;
  readonly languages: TermIndex;
}

/**
 * An EU pool in struct-of-arrays form: one typed array per field, rows sorted by id so that index
 * order is a deterministic tie-break. Built once per pool snapshot and shared by every query.
 */
export class PreparedEuPool {
  readonly size: number;
  readonly ids: readonly string[];
  readonly profiles: readonly EuMunicipalityProfile[];
  readonly logPopulation: Float64Array;
  readonly logArea: Float64Array;
  readonly settlement: Uint8Array;
  /** Unit vectors of the centres, see {@link unitVector}. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly offerBits: Uint32Array;
  readonly offerCount: Uint16Array;
  /** Degree of urbanisation, coast and mountain codes, prosperity percentile (see {@link indicatorCodes}). */
  readonly urbanisation: Uint8Array;
  readonly coastal: Uint8Array;
  readonly mountain: Uint8Array;
  readonly prosperity: Float64Array;
  /**
   * Open proposals naming each row as the profiles carry them (`openProposalCount`); a query may pass live
   * counts of its own instead (see {@link OpenProposalCounts}).
   */
  readonly openProposals: OpenProposalCounts;
  readonly priorityBits: Uint32Array;
  readonly priorityCount: Uint16Array;
  readonly languageBits: Uint32Array;
  readonly languageCount: Uint16Array;
  readonly capacity: Int32Array;
  readonly existing: Int32Array;
  /** {@link euCapacityFactor} per row. */
  readonly capacityFactor: Float64Array;
  /** 1 when metropolitan, see {@link metropolitanFlags}. */
  readonly metropolitan: Uint8Array;
  readonly vocabulary: PreparedVocabulary;
  readonly sectorWords: number;
  readonly priorityWords: number;
  readonly languageWords: number;
  private readonly eligibleCache = new WeakMap<Campaign['euEligibility'], Int32Array>();

  constructor(profiles: readonly EuMunicipalityProfile[], vocabulary?: PreparedVocabulary) {
    const sorted = [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const n = sorted.length;
    this.size = n;
    this.profiles = sorted;
    this.ids = sorted.map((p) => p.id);
    this.vocabulary = vocabulary ?? {
      sectors: TermIndex.of(sorted.map((p) => p.offers)),
      priorities: TermIndex.of(sorted.map((p) => p.priorities)),
      languages: TermIndex.of(sorted.map((p) => p.languages)),
    };
    this.sectorWords = this.vocabulary.sectors.words;
    this.priorityWords = this.vocabulary.priorities.words;
    this.languageWords = this.vocabulary.languages.words;
    this.logPopulation = new Float64Array(n);
    this.logArea = new Float64Array(n);
    this.settlement = new Uint8Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    this.offerBits = new Uint32Array(n * this.sectorWords);
    this.offerCount = new Uint16Array(n);
    this.urbanisation = new Uint8Array(n);
    this.coastal = new Uint8Array(n);
    this.mountain = new Uint8Array(n);
    this.prosperity = new Float64Array(n);
    this.openProposals = new OpenProposalCounts(n);
    this.priorityBits = new Uint32Array(n * this.priorityWords);
    this.priorityCount = new Uint16Array(n);
    this.languageBits = new Uint32Array(n * this.languageWords);
    this.languageCount = new Uint16Array(n);
    this.capacity = new Int32Array(n);
    this.existing = new Int32Array(n);
    this.capacityFactor = new Float64Array(n);
    this.metropolitan = metropolitanFlags(sorted);
    for (let i = 0; i < n; i++) {
      const p = sorted[i];
      this.logPopulation[i] = logOrNaN(Math.max(1, p.population));
      this.logArea[i] = logOrNaN(p.areaKm2);
      this.settlement[i] = SETTLEMENT_ORDINAL[p.settlementType];
      [this.x[i], this.y[i], this.z[i]] = unitVector(p.lat, p.lon);
      this.offerCount[i] = this.vocabulary.sectors.encode(p.offers, this.offerBits, i * this.sectorWords);
      const codes = indicatorCodes(p.indicators);
      this.urbanisation[i] = codes.urbanisation;
      this.coastal[i] = codes.coastal;
      this.mountain[i] = codes.mountain;
      this.prosperity[i] = codes.prosperity;
      this.openProposals.set(i, p.openProposalCount ?? 0);
      this.priorityCount[i] = this.vocabulary.priorities.encode(
        p.priorities,
        this.priorityBits,
        i * this.priorityWords,
      );
      this.languageCount[i] = this.vocabulary.languages.encode(
        p.languages,
        this.languageBits,
        i * this.languageWords,
      );
      this.capacity[i] = p.capacity;
      this.existing[i] = p.existingPartnershipCount;
      this.capacityFactor[i] = euCapacityFactor(p.capacity, p.existingPartnershipCount);
    }
  }

  /** {@link popularityFactor} per row, from the profiles' own counts. */
  get popularity(): Float64Array {
    return this.openProposals.popularity;
  }

  /** Open proposals naming row `j`, as its profile carried them. */
  openProposalsOf(j: number): number {
    return this.openProposals.of(j);
  }

  /** Pool row of an EU municipality id (rows are sorted by id), or -1. */
  indexOf(id: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ids[mid];
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Pool indices eligible under a campaign's EU eligibility, ascending; cached per eligibility object. */
  eligibleIndices(campaign: Campaign): Int32Array {
    const rule = campaign.euEligibility;
    const cached = this.eligibleCache.get(rule);
    if (cached) return cached;
    const countries = rule.countries ? new Set(rule.countries) : null;
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) {
      if (isEuEligible(this.profiles[i], campaign, countries, this.metropolitan[i] === 1)) out.push(i);
    }
    const result = Int32Array.from(out);
    this.eligibleCache.set(rule, result);
    return result;
  }
}

/**
 * Whether one EU municipality is eligible under a campaign. Without pool context, `metropolitan` falls back
 * to the profile's flag or, absent that, to being a metropolitan core itself.
 */
export function isEuEligible(
  p: EuMunicipalityProfile,
  campaign: Campaign,
  countries: ReadonlySet<string> | null = campaign.euEligibility.countries
    ? new Set(campaign.euEligibility.countries)
    : null,
  metropolitan: boolean = isMetropolitan(p),
): boolean {
  const rule = campaign.euEligibility;
  if (countries && !countries.has(p.country)) return false;
  if (rule.populationMin !== undefined && p.population < rule.populationMin) return false;
  if (rule.populationMax !== undefined && p.population > rule.populationMax) return false;
  if (rule.excludeMetropolitan && metropolitan) return false;
  if ((rule.requireFreeCapacity ?? true) && p.capacity <= 0) return false;
  return true;
}

/** Whether a hromada takes part in a campaign. */
export function isHromadaEligible(h: HromadaProfile, campaign: Campaign): boolean {
  const rule = campaign.hromadaEligibility;
  if (rule.oblasts && !rule.oblasts.includes(h.oblast)) return false;
  if (rule.settlementTypes && !rule.settlementTypes.includes(h.settlementType)) return false;
  if (rule.withoutInternationalPartnerOnly && h.hasInternationalPartner) return false;
  return true;
}

/** A hromada precomputed against a pool's vocabulary. */
export interface PreparedHromada {
  readonly profile: HromadaProfile;
  readonly logPopulation: number;
  readonly logArea: number;
  readonly settlement: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly needBits: Uint32Array;
  readonly needCount: number;
  readonly priorityBits: Uint32Array;
  readonly priorityCount: number;
  readonly languageBits: Uint32Array;
  readonly languageCount: number;
  readonly warImpactCount: number;
  readonly urbanisation: number;
  readonly coastal: number;
  readonly mountain: number;
  readonly prosperity: number;
  /** {@link hromadaPriority}: it depends on the hromada alone. */
  readonly priorityFactor: number;
}

/** Precomputes a hromada against the vocabulary of the pool it will be scored against. */
export function prepareHromada(h: HromadaProfile, vocabulary: PreparedVocabulary): PreparedHromada {
  const needBits = new Uint32Array(vocabulary.sectors.words);
  const priorityBits = new Uint32Array(vocabulary.priorities.words);
  const languageBits = new Uint32Array(vocabulary.languages.words);
  const w = h.warImpact;
  const warImpactCount = (w.hostsDisplaced ? 1 : 0) + (w.damaged ? 1 : 0) + (w.formerlyOccupied ? 1 : 0);
  const [x, y, z] = unitVector(h.lat, h.lon);
  return {
    profile: h,
    logPopulation: Math.log(Math.max(1, h.population)),
    logArea: logOrNaN(h.areaKm2),
    settlement: SETTLEMENT_ORDINAL[h.settlementType],
    x,
    y,
    z,
    needBits,
    needCount: vocabulary.sectors.encode(h.needs, needBits, 0),
    priorityBits,
    priorityCount: vocabulary.priorities.encode(h.priorities, priorityBits, 0),
    languageBits,
    languageCount: vocabulary.languages.encode(h.languages, languageBits, 0),
    warImpactCount,
    ...indicatorCodes(h.indicators),
    priorityFactor: hromadaPriority(h.hasInternationalPartner, warImpactCount),
  };
}
