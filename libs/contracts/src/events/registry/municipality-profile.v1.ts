import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * The profile snapshot carried by registry events. Consumers keep their own projection of it.
 * Vocabulary values (sectors, languages, settlement types) travel as strings: a consumer must
 * tolerate a value it does not know yet (see libs/contracts/README.md, "Versioning").
 */
export const MunicipalityKind = { Hromada: 'hromada', EuMunicipality: 'eu-municipality' } as const;
export type MunicipalityKind = (typeof MunicipalityKind)[keyof typeof MunicipalityKind];

export class RegionV1 {
  /** Oblast KATOTTG code for Ukraine, NUTS code for the EU, when known. */
  @IsOptional() @IsString() @MaxLength(32) code?: string;
  @IsString() @MaxLength(200) name: string;
}

export class GeoPointV1 {
  @IsLatitude() lat: number;
  @IsLongitude() lon: number;
}

export class SectorStatementV1 {
  /** Sector id from libs/contracts/src/vocabulary/sectors.ts. */
  @IsString() @MaxLength(64) sector: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

/** Each flag is absent when unknown (public data does not say), which is not the same as false. */
export class WarImpactV1 {
  @IsOptional() @IsBoolean() hostsDisplacedPeople?: boolean;
  @IsOptional() @IsBoolean() damaged?: boolean;
  @IsOptional() @IsBoolean() formerlyOccupied?: boolean;
  /** Listed in the Minregion war-zone list in 2022. */
  @IsOptional() @IsBoolean() listedInWarZone2022?: boolean;
}

/** Degree-of-urbanisation classes, the same three on both sides (see {@link IndicatorsV1.urbanisation}). */
export const URBANISATION_CLASSES = ['city', 'town-suburb', 'rural'] as const;
export type UrbanisationClass = (typeof URBANISATION_CLASSES)[number];

/**
 * Socio-economic indicators from official statistics, for matching on comparable facts. Every field is
 * absent when the source says nothing about this municipality: absent is unknown, never 0 or false.
 * Where the two sides measure a concept differently the field says how it is made comparable
 * (docs/matching.md, "Indicators").
 */
export class IndicatorsV1 {
  /**
   * Degree of urbanisation. EU: Eurostat's official DEGURBA of the LAU (1 city, 2 town or suburb, 3 rural).
   * Ukraine: DEGURBA's rule applied to the population living in legal urban settlements (міста, селища)
   * as the clusters: `city` when that is ≥ 50,000 and ≥ 50 % of the hromada, `town-suburb` when ≥ 5,000
   * and ≥ 50 %, else `rural`.
   */
  @IsOptional() @IsIn(URBANISATION_CLASSES) urbanisation?: UrbanisationClass;
  /** EU: Eurostat's coastal-area flag of the LAU. Ukraine: KSE `near_seas`. */
  @IsOptional() @IsBoolean() coastal?: boolean;
  /** EU: the NUTS 3 region is a mountain region (Eurostat typology). Ukraine: KSE `mountain_hromada`. */
  @IsOptional() @IsBoolean() mountain?: boolean;
  /** EU: Eurostat functional urban area (city and its commuting zone) the LAU belongs to, e.g. `PL001L2`. */
  @IsOptional() @IsString() @MaxLength(16) functionalUrbanAreaId?: string;
  /** EU: population of that functional urban area (sum of its LAUs). */
  @IsOptional() @IsInt() @Min(0) functionalUrbanAreaPopulation?: number;
  /** EU: GDP per inhabitant in PPS of the NUTS 3 region, EU27 = 100 (Eurostat nama_10r_3gdp, 2019). */
  @IsOptional() @IsNumber() @Min(0) regionalGdpPpsIndex?: number;
  /**
   * Relative prosperity within the own country, 0 (poorest) to 100 (richest), comparable across sides:
   * EU from `regionalGdpPpsIndex` among the country's LAUs; Ukraine from personal income tax per head
   * among all hromadas.
   */
  @IsOptional() @IsNumber() @Min(0) @Max(100) prosperityPercentile?: number;
  /** Ukraine: personal income tax revenue per inhabitant, UAH, 2021 (income level). */
  @IsOptional() @IsNumber() @Min(0) incomeTaxPerCapitaUah?: number;
  /** Ukraine: land payment per inhabitant, UAH, 2021 (proxy of farming). */
  @IsOptional() @IsNumber() @Min(0) landPaymentPerCapitaUah?: number;
  /** Ukraine: single tax per inhabitant, UAH, 2021 (proxy of small business and farmers). */
  @IsOptional() @IsNumber() @Min(0) singleTaxPerCapitaUah?: number;
  /** Ukraine: Ministry of Finance tax capacity index, 2021 (1 = national average). */
  @IsOptional() @IsNumber() @Min(0) taxCapacityIndex?: number;
}

export class ContactV1 {
  @IsUUID() contactId: string;
  @IsString() @MaxLength(200) name: string;
  @IsOptional() @IsString() @MaxLength(200) role?: string;
  @IsEmail() email: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  /** ISO 639-1 code. */
  @IsString() @Length(2, 2) preferredLanguage: string;
}

export class MunicipalityProfileV1 {
  @IsUUID() municipalityId: string;
  /** Increases by one with every change; consumers ignore a snapshot older than the one they hold. */
  @IsInt() @Min(1) version: number;
  @IsIn(Object.values(MunicipalityKind)) kind: MunicipalityKind;
  @IsISO31661Alpha2() country: string;
  /** KATOTTG code for Ukrainian hromadas, LAU code for EU municipalities. */
  @IsString() @MaxLength(32) officialCode: string;
  @IsString() @MaxLength(200) nameNative: string;
  @IsString() @MaxLength(200) nameLatin: string;
  @ValidateNested() @Type(() => RegionV1) region: RegionV1;
  @IsString() @MaxLength(32) settlementType: string;
  @IsOptional() @IsInt() @Min(0) population?: number;
  @IsOptional() @IsInt() @Min(1800) @Max(2100) populationYear?: number;
  @IsOptional() @IsNumber() @Min(0) areaKm2?: number;
  @IsOptional() @ValidateNested() @Type(() => GeoPointV1) location?: GeoPointV1;
  @IsString({ each: true }) @ArrayMaxSize(50) sectors: string[];
  /** What a hromada asks partners for (Ukraine). */
  @ValidateNested({ each: true }) @Type(() => SectorStatementV1) @ArrayMaxSize(50) needs: SectorStatementV1[];
  /** What an EU municipality can offer (EU). */
  @ValidateNested({ each: true })
  @Type(() => SectorStatementV1)
  @ArrayMaxSize(50)
  offers: SectorStatementV1[];
  /** Free-text development priorities (e.g. from a hromada's strategy), beyond the sector vocabulary. */
  @IsString({ each: true }) @ArrayMaxSize(100) priorities: string[];
  /** ISO 639-1 codes. */
  @IsString({ each: true }) @ArrayMaxSize(20) workingLanguages: string[];
  /** EU municipalities: how many more partnerships they can take on now. */
  @IsOptional() @IsInt() @Min(0) @Max(100) partnershipCapacity?: number;
  /** Names of existing international partners. */
  @IsString({ each: true }) @ArrayMaxSize(200) internationalPartners: string[];
  @IsOptional() @ValidateNested() @Type(() => WarImpactV1) warImpact?: WarImpactV1;
  /** Socio-economic indicators from official statistics; absent when none are known. */
  @IsOptional() @ValidateNested() @Type(() => IndicatorsV1) indicators?: IndicatorsV1;
  @IsBoolean() seekingPartner: boolean;
  @IsOptional() @IsUUID() associationId?: string;
  @ValidateNested({ each: true }) @Type(() => ContactV1) @ArrayMaxSize(50) contacts: ContactV1[];
}
