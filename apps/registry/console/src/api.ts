import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type { components, paths } from '../generated/api';

/** The registry API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

export type Municipality = components['schemas']['MunicipalityResponseDto'];
export type MunicipalityPage = components['schemas']['MunicipalityPageDto'];
export type CreateMunicipality = components['schemas']['CreateMunicipalityDto'];
export type UpdateMunicipality = components['schemas']['UpdateMunicipalityDto'];
export type Association = components['schemas']['AssociationResponseDto'];
export type ApiKey = components['schemas']['ApiKeyResponseDto'];
export type IssuedApiKey = components['schemas']['IssuedApiKeyResponseDto'];
export type ImportRun = components['schemas']['ImportRunResponseDto'];
export type StartImportRun = components['schemas']['StartImportRunDto'];
export type IngestedEvent = components['schemas']['IngestedEventResponseDto'];
export type RetryingEvent = components['schemas']['RetryingEventResponseDto'];
export type IngestRejection = components['schemas']['IngestRejectionResponseDto'];
export type ListQuery = NonNullable<paths['/municipalities']['get']['parameters']['query']>;
export type CountryCode = NonNullable<ListQuery['country']>;
export type SettlementType = NonNullable<ListQuery['type']>;
export type Sector = NonNullable<ListQuery['sector']>;

/** Every value of an API enum, checked against the generated type both ways (none missing, none extra). */
const allOf = <T extends string>(values: Record<T, true>): T[] => Object.keys(values) as T[];

export const COUNTRIES = allOf<CountryCode>({
  UA: true,
  AT: true,
  BE: true,
  BG: true,
  CY: true,
  CZ: true,
  DE: true,
  DK: true,
  EE: true,
  EL: true,
  ES: true,
  FI: true,
  FR: true,
  GR: true,
  HR: true,
  HU: true,
  IE: true,
  IT: true,
  LT: true,
  LU: true,
  LV: true,
  MT: true,
  NL: true,
  PL: true,
  PT: true,
  RO: true,
  SE: true,
  SI: true,
  SK: true,
}).filter((c) => c !== 'EL'); // EL is Eurostat's alias of GR: offer one
export const SETTLEMENT_TYPES = allOf<SettlementType>({
  urban: true,
  settlement: true,
  rural: true,
  city: true,
  town: true,
});
export const SECTORS = allOf<Sector>({
  'water-supply': true,
  'waste-management': true,
  'energy-efficiency': true,
  transport: true,
  'urban-planning': true,
  housing: true,
  education: true,
  healthcare: true,
  'social-services': true,
  accessibility: true,
  youth: true,
  sport: true,
  culture: true,
  tourism: true,
  'local-economy': true,
  agriculture: true,
  environment: true,
  'digital-services': true,
  'good-governance': true,
  'civil-protection': true,
  'mine-action': true,
  reconstruction: true,
  'veterans-reintegration': true,
  'idp-integration': true,
  'gender-equality': true,
});
