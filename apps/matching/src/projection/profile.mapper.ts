import type { IndicatorsV1, MunicipalityProfileV1 } from '@bridges/contracts';
import { SETTLEMENT_TYPE_URBANITY, isSettlementType } from '@bridges/contracts/vocabulary';
import type {
  EuMunicipalityProfile,
  HromadaProfile,
  ProfileIndicators,
  SettlementType,
} from '../scoring/candidate-profile';
import { METROPOLITAN } from '../scoring/metropolitan';
import { deriveSettlementType } from '../scoring/settlement-type';
import type { MunicipalityProjectionEntity } from './municipality-projection.entity';

/** The projection row for a registry snapshot; contacts are deliberately left out (matching needs none). */
export function toProjectionRow(
  p: MunicipalityProfileV1,
): Omit<MunicipalityProjectionEntity, 'poolSeq' | 'updatedAt'> {
  return {
    municipalityId: p.municipalityId,
    kind: p.kind,
    version: p.version,
    active: true,
    country: p.country.toUpperCase(),
    officialCode: p.officialCode,
    nameLatin: p.nameLatin,
    nameNative: p.nameNative,
    regionName: p.region.name,
    settlementType: p.settlementType,
    population: p.population ?? null,
    areaKm2: p.areaKm2 ?? null,
    lat: p.location?.lat ?? null,
    lon: p.location?.lon ?? null,
    sectors: unique(p.sectors),
    needs: unique(p.needs.map((n) => n.sector)),
    offers: unique(p.offers.map((o) => o.sector)),
    priorities: unique(p.priorities),
    workingLanguages: unique(p.workingLanguages.map((l) => l.toLowerCase())),
    partnershipCapacity: p.partnershipCapacity ?? null,
    internationalPartnerCount: p.internationalPartners.length,
    hostsDisplacedPeople: p.warImpact?.hostsDisplacedPeople ?? false,
    damaged: p.warImpact?.damaged ?? false,
    formerlyOccupied: p.warImpact?.formerlyOccupied ?? false,
    seekingPartner: p.seekingPartner,
    indicators: p.indicators ?? null,
  };
}

/** The comparable indicators the scorer uses; absent when none is known. */
function scoringIndicators(i: IndicatorsV1 | null | undefined): ProfileIndicators | undefined {
  if (!i) return undefined;
  return {
    urbanisation: i.urbanisation,
    coastal: i.coastal,
    mountain: i.mountain,
    prosperityPercentile: i.prosperityPercentile,
  };
}

/** Metropolitan from official data: in a functional urban area of ≥ 250,000; unknown without FUA data. */
function metropolitanOf(i: IndicatorsV1 | null | undefined): boolean | undefined {
  if (!i || i.urbanisation === undefined) return undefined; // no Eurostat LAU record: unknown
  return (i.functionalUrbanAreaPopulation ?? 0) >= METROPOLITAN.functionalUrbanAreaMinPopulation;
}

/** The scorer's three-step settlement scale; a type matching does not know yet is derived from size. */
export function scoringSettlementType(
  type: string,
  population: number,
  areaKm2: number | null,
): SettlementType {
  if (!isSettlementType(type)) return deriveSettlementType(population, areaKm2);
  switch (SETTLEMENT_TYPE_URBANITY[type]) {
    case 2:
      return 'urban';
    case 1:
      return 'settlement';
    case 0:
      return 'rural';
  }
}

/**
 * The scorer's view of a hromada, or null when it cannot be scored (no population or no location).
 * `livePartnerships` are partnerships matching established that have not ended.
 */
export function toHromadaProfile(
  row: MunicipalityProjectionEntity,
  livePartnerships = 0,
): HromadaProfile | null {
  if (row.population === null || row.lat === null || row.lon === null) return null;
  return {
    id: row.municipalityId,
    oblast: row.regionName,
    population: row.population,
    areaKm2: row.areaKm2,
    settlementType: scoringSettlementType(row.settlementType, row.population, row.areaKm2),
    lat: row.lat,
    lon: row.lon,
    // Until an officer states needs, the sectors of the hromada's own strategy stand for them.
    needs: row.needs.length > 0 ? row.needs : row.sectors,
    priorities: row.priorities,
    languages: row.workingLanguages,
    ...(row.indicators ? { indicators: scoringIndicators(row.indicators) } : {}),
    hasInternationalPartner: row.internationalPartnerCount > 0 || livePartnerships > 0,
    warImpact: {
      hostsDisplaced: row.hostsDisplacedPeople,
      damaged: row.damaged,
      formerlyOccupied: row.formerlyOccupied,
    },
  };
}

/**
 * The scorer's view of an EU municipality, or null when it cannot be scored. Capacity is what the profile
 * states (or `defaultCapacity` when it states none) minus the partnerships matching established since,
 * which the registry may not have counted yet.
 */
export function toEuProfile(
  row: MunicipalityProjectionEntity,
  defaultCapacity: number,
  livePartnerships = 0,
): EuMunicipalityProfile | null {
  if (row.population === null || row.lat === null || row.lon === null) return null;
  const stated = row.partnershipCapacity ?? defaultCapacity;
  return {
    id: row.municipalityId,
    country: row.country,
    population: row.population,
    areaKm2: row.areaKm2,
    settlementType: scoringSettlementType(row.settlementType, row.population, row.areaKm2),
    lat: row.lat,
    lon: row.lon,
    offers: row.offers,
    priorities: row.priorities,
    languages: row.workingLanguages,
    capacity: Math.max(0, stated - livePartnerships),
    existingPartnershipCount: row.internationalPartnerCount + livePartnerships,
    ...(row.indicators
      ? { indicators: scoringIndicators(row.indicators), metropolitan: metropolitanOf(row.indicators) }
      : {}),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
