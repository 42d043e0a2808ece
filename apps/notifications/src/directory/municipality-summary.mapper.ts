import type { MunicipalityProfileSummary, MunicipalityRef } from '../templates';
import type { MunicipalityDirectoryEntity } from './municipality-directory.entity';

/** How a template names a municipality. */
export function toMunicipalityRef(m: MunicipalityDirectoryEntity): MunicipalityRef {
  return { nameNative: m.nameNative, nameLatin: m.nameLatin, countryCode: m.country };
}

/** The partner's profile summary shown in a partnership email. */
export function toProfileSummary(m: MunicipalityDirectoryEntity): MunicipalityProfileSummary {
  return {
    ...toMunicipalityRef(m),
    ...(m.regionName ? { region: m.regionName } : {}),
    ...(m.population !== null ? { population: m.population } : {}),
    sectors: m.sectors,
    offers: m.offers,
    needs: m.needs,
  };
}

/** What a webhook body says about a municipality: ids and names, no contacts. */
export function toWebhookMunicipality(m: MunicipalityDirectoryEntity): Record<string, string | null> {
  return {
    municipalityId: m.municipalityId,
    nameNative: m.nameNative,
    nameLatin: m.nameLatin,
    country: m.country,
    associationId: m.associationId,
  };
}
