import type { CountryCode, LanguageCode, SettlementType } from '@bridges/contracts/vocabulary';

/** Where an imported record came from, so a rejected or surprising value can be traced. */
export interface ImportSource {
  /** Data set folder name, e.g. `kse-loc-data-hub` or `edjnet-lau-2020`. */
  readonly dataset: 'kse-loc-data-hub' | 'edjnet-lau-2020';
  /** Line of the row in its CSV file; the header is line 1. */
  readonly rowNumber: number;
}

/** The region a municipality belongs to. */
export interface ImportRegion {
  /** Ukraine: the oblast's KATOTTG code. EU: the NUTS 3 code (2021 classification). */
  readonly code: string;
  /** `oblast` for Ukraine, `nuts3` for the EU. */
  readonly level: 'oblast' | 'nuts3';
  /**
   * Ukraine: e.g. `Вінницька область`. EU: the NUTS name in the region's language (e.g. `Bialski`),
   * joined from Eurostat's NUTS names by code, since the LAU file carries only codes.
   */
  readonly nameNative?: string;
  /** Ukraine: transliterated, e.g. `Vinnytska oblast`. */
  readonly nameLatin?: string;
  /** EU: the NUTS 2 code containing the NUTS 3 region. */
  readonly parentCode?: string;
}

/**
 * War impact of a hromada, only as far as the source data says it. A field the data cannot
 * support is left undefined (unknown), never false.
 */
export interface ImportWarImpact {
  /** Occupied before 24 February 2022 (KSE `occipied_before_2022`). */
  readonly formerlyOccupied?: boolean;
  /**
   * On Minregion's list of hromadas in the area of hostilities or under temporary occupation at
   * any of its 2022 snapshots (KSE `war_zone_27_04_2022` … `war_zone_10_10_2022`, metadata sheet
   * `minregion-war-status`). Not the same as "damaged"; kept separate so matching can weigh it.
   */
  readonly listedInWarZone2022?: boolean;
  /** Not in the KSE data: left undefined on import, set by officers. */
  readonly damaged?: boolean;
  /** Not in the KSE data: left undefined on import, set by officers. */
  readonly hostingDisplacedPeople?: boolean;
}

/** A municipality normalised from any import source, ready for the registry to upsert. */
export interface MunicipalityImportRecord {
  /** `UA` or the EU member state, ISO 3166-1 alpha-2 (Greece is `GR`, though its LAU ids start `EL_`). */
  readonly country: CountryCode;
  /**
   * Unique within `country`. Ukraine: the hromada's KATOTTG code (`UA` + 17 digits). EU: the GISCO
   * id (`<CC>_<LAU id>`), which stays unique when records from several countries are mixed.
   */
  readonly officialCode: string;
  /** Official name in the native script, e.g. `Агрономічна сільська громада`, `Alutaguse vald`. */
  readonly nameNative: string;
  /**
   * Latin-script name. Ukraine: transliterated by the 2010 official rules. EU: the LAU name when it
   * is written in Latin script; Bulgarian names transliterated by the official Streamlined System;
   * undefined for Greek names (Greece, Cyprus: no Latin name in the data).
   */
  readonly nameLatin?: string;
  /** Short name without the legal type, e.g. `Агрономічна` (Ukraine only). */
  readonly shortNameNative?: string;
  /** Transliterated short name, e.g. `Ahronomichna` (Ukraine only). */
  readonly shortNameLatin?: string;
  readonly region: ImportRegion;
  readonly settlementType: SettlementType;
  readonly population: number;
  /** Reference year of `population` (Ukraine: 1 January 2022; EU: LAU 2020). */
  readonly populationYear: number;
  /** Undefined when the source has no area (31 hromadas occupied before 2022). */
  readonly areaKm2?: number;
  /** Ukraine: the administrative centre; EU: the population-weighted centre of the LAU. */
  readonly latitude: number;
  readonly longitude: number;
  /** Pre-filled from the country's usual languages; officers refine them. */
  readonly workingLanguages: readonly LanguageCode[];
  /** Ukraine only. */
  readonly warImpact?: ImportWarImpact;
  readonly source: ImportSource;
}

/** A row that could not be turned into a record, with a reason a coordinator can act on. */
export interface RejectedRow {
  /** Line of the row in its CSV file; the header is line 1. */
  readonly rowNumber: number;
  readonly reason: string;
}

/** One row's outcome: a record to upsert or a rejection for the report. */
export type ParsedRow =
  | { readonly kind: 'accepted'; readonly record: MunicipalityImportRecord }
  | { readonly kind: 'rejected'; readonly rejected: RejectedRow };
