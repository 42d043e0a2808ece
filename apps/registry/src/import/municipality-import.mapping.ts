import { MunicipalityKind } from '@bridges/contracts';
import type { ProfileState } from '../municipalities/municipality-profile.rules';
import type { WarImpact } from '../municipalities/municipality.entity';
import type { HromadaPartners, HromadaStrategy } from './hromada-strategies.loader';
import type { MunicipalityIndicators } from './socio-economic-indicators.loader';
import type { MunicipalityImportRecord } from './municipality-import.types';

/** What the strategy data set says about one hromada, joined by KATOTTG; indicators for both sides. */
export interface StrategyFacts {
  readonly strategy?: HromadaStrategy;
  readonly partners?: HromadaPartners;
  /** Official socio-economic indicators (socio-economic-indicators.loader.ts). */
  readonly indicators?: MunicipalityIndicators;
}

/** Longest priority kept (the HTTP API's limit too). */
const MAX_PRIORITY_LENGTH = 500;
const MAX_PRIORITIES = 100;

/** A new profile (version 1) from an import record; the import never invents contacts, needs or offers. */
export function profileFromRecord(
  record: MunicipalityImportRecord,
  id: string,
  facts: StrategyFacts = {},
): ProfileState {
  const isHromada = record.country === 'UA';
  return {
    id,
    version: 1,
    kind: isHromada ? MunicipalityKind.Hromada : MunicipalityKind.EuMunicipality,
    country: record.country,
    officialCode: record.officialCode,
    ...importedFields(record),
    ...strategyFields(facts, { sectors: [], priorities: [], internationalPartners: [] }),
    needs: [],
    offers: [],
    workingLanguages: [...record.workingLanguages],
    partnershipCapacity: null,
    warImpact: isHromada ? mergeWarImpact(null, record) : null,
    // Every hromada is looking for support; an EU municipality seeks a partner once it volunteers.
    indicators: facts.indicators ?? null,
    seekingPartner: isHromada,
    associationId: null,
    contacts: [],
    active: true,
    deactivationReason: null,
  };
}

/**
 * The state after re-importing `record` over `current`: the statistical fields the data set owns
 * are replaced; what officers and associations maintain (languages, needs, offers, capacity,
 * contacts, known war damage) is kept. Strategy-derived fields are replaced only when the strategy
 * data names the hromada.
 */
export function mergeImported(
  current: ProfileState,
  record: MunicipalityImportRecord,
  facts: StrategyFacts = {},
): ProfileState {
  return {
    ...current,
    ...importedFields(record),
    ...strategyFields(facts, current),
    // The statistics own the indicators: a re-import with them replaces them, one without keeps them.
    indicators: facts.indicators ?? current.indicators ?? null,
    warImpact:
      current.kind === MunicipalityKind.Hromada
        ? mergeWarImpact(current.warImpact, record)
        : current.warImpact,
  };
}

function importedFields(r: MunicipalityImportRecord) {
  return {
    nameNative: r.nameNative,
    // The data has no Latin form for Greek and Bulgarian LAU names; the native name stands in.
    nameLatin: r.nameLatin ?? r.nameNative,
    regionCode: r.region.code,
    regionName: r.region.nameNative ?? r.region.code,
    settlementType: r.settlementType,
    population: r.population,
    populationYear: r.populationYear,
    areaKm2: r.areaKm2 ?? null,
    latitude: r.latitude,
    longitude: r.longitude,
  };
}

function strategyFields(
  facts: StrategyFacts,
  current: Pick<ProfileState, 'sectors' | 'priorities' | 'internationalPartners'>,
): Pick<ProfileState, 'sectors' | 'priorities' | 'internationalPartners'> {
  const { strategy, partners } = facts;
  return {
    sectors: strategy ? [...strategy.sectors] : current.sectors,
    priorities: strategy
      ? strategy.priorities.slice(0, MAX_PRIORITIES).map((p) => p.text.slice(0, MAX_PRIORITY_LENGTH))
      : current.priorities,
    // Only registry-confirmed twinnings count; news and strategy mentions are hypotheses.
    internationalPartners: partners
      ? [...new Set(partners.partners.filter((p) => p.confidence === 'registry').map((p) => p.name))]
      : current.internationalPartners,
  };
}

function mergeWarImpact(current: WarImpact | null, r: MunicipalityImportRecord): WarImpact | null {
  const merged: WarImpact = { ...(current ?? {}) };
  if (r.warImpact?.formerlyOccupied !== undefined) merged.formerlyOccupied = r.warImpact.formerlyOccupied;
  if (r.warImpact?.listedInWarZone2022 !== undefined)
    merged.listedInWarZone2022 = r.warImpact.listedInWarZone2022;
  return Object.keys(merged).length === 0 ? null : merged;
}
