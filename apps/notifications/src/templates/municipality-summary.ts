import { countryName } from './locale.util';

/** How a municipality is named in a notification. */
export interface MunicipalityName {
  /** Name in its own language and script, e.g. `Житомирська міська громада`, `Kraków`. */
  nameNative: string;
  /** Latin-script name, e.g. `Zhytomyr urban hromada`, `Krakow`; shown when it differs. */
  nameLatin?: string;
}

/** A municipality with its country. */
export interface MunicipalityRef extends MunicipalityName {
  /** Eurostat country code: `UA` or an EU member state (`EL` for Greece). */
  countryCode: string;
}

/** The partner's profile as shown in a partnership email. */
export interface MunicipalityProfileSummary extends MunicipalityRef {
  region?: string;
  population?: number;
  /** Sector ids (contracts vocabulary) the municipality prioritises; unknown ids are shown as given. */
  sectors?: readonly string[];
  /** Sector ids it can offer to partners (EU side). */
  offers?: readonly string[];
  /** Sector ids it needs support in (Ukrainian side). */
  needs?: readonly string[];
}

/** "Native (Latin)" when the Latin spelling differs, otherwise the name once. */
export function displayName(m: MunicipalityName): string {
  const latin = m.nameLatin?.trim();
  return latin && latin !== m.nameNative.trim() ? `${m.nameNative} (${latin})` : m.nameNative;
}

/**
 * The name to use in running text for a reader of `locale`: the native name, except that readers other
 * than Ukrainian get the Latin spelling of a Cyrillic name (a Polish officer cannot read "Житомир").
 */
export function shortName(m: MunicipalityName, locale: string): string {
  if (locale !== 'uk' && /\p{Script=Cyrillic}/u.test(m.nameNative) && m.nameLatin?.trim())
    return m.nameLatin.trim();
  return m.nameNative;
}

/** "Name, Country" for a one-line mention. */
export function nameWithCountry(m: MunicipalityRef, locale: string): string {
  return `${displayName(m)}, ${countryName(m.countryCode, locale)}`;
}
