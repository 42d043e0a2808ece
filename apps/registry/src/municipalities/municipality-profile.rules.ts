import { MunicipalityKind, type MunicipalityProfileV1 } from '@bridges/contracts';
import {
  EU_SETTLEMENT_TYPES,
  eurostatCountryCode,
  isEuCountryCode,
  UA_SETTLEMENT_TYPES,
} from '@bridges/contracts/vocabulary';
import type { MunicipalityContact, MunicipalityEntity } from './municipality.entity';

/** The part of a profile a change can touch: everything but identity and bookkeeping. */
export type ProfileState = Omit<MunicipalityEntity, 'createdAt' | 'updatedAt' | 'searchName'>;

/** The row to store for a profile state: the state plus its derived search column. */
export function toMunicipalityRow(p: ProfileState): Omit<MunicipalityEntity, 'createdAt' | 'updatedAt'> {
  const { searchName: _derived, ...state } = p as ProfileState & { searchName?: string };
  return { ...state, searchName: searchNameOf(p) };
}

/** Lower-cased native and Latin names: what name search matches against. */
export function searchNameOf(p: Pick<ProfileState, 'nameNative' | 'nameLatin'>): string {
  return `${p.nameNative} ${p.nameLatin}`.normalize('NFC').toLowerCase();
}

const KATOTTG = /^UA\d{17}$/;

/** `hromada` for Ukraine, `eu-municipality` for any other (EU) country. */
export function kindOfCountry(country: string): MunicipalityKind {
  return country === 'UA' ? MunicipalityKind.Hromada : MunicipalityKind.EuMunicipality;
}

/**
 * The stored form of an official code: KATOTTG upper-cased for Ukraine; for the EU the GISCO id
 * `<CC>_<LAU>`, so a bare LAU code (unique only within its country) gets its country prefix.
 */
export function normalizeOfficialCode(country: string, officialCode: string): string {
  const code = officialCode.trim().toUpperCase();
  if (country === 'UA') return code;
  // GISCO ids use the Eurostat spelling: Greece (GR) is EL_…
  const prefix = `${isEuCountryCode(country) ? eurostatCountryCode(country) : country}_`;
  return code.startsWith(prefix) ? code : `${prefix}${code}`;
}

/**
 * Rules spanning several fields, which DTO validation cannot see. Returns one message per broken
 * rule, naming the field; empty when the profile is consistent.
 */
export function profileProblems(p: ProfileState): string[] {
  const problems: string[] = [];
  if (p.kind === MunicipalityKind.Hromada) {
    if (!KATOTTG.test(p.officialCode))
      problems.push('officialCode: must be a KATOTTG code (UA + 17 digits) for a hromada');
    if (!(UA_SETTLEMENT_TYPES as readonly string[]).includes(p.settlementType))
      problems.push(`settlementType: must be one of ${UA_SETTLEMENT_TYPES.join(', ')} for a hromada`);
    if (p.offers.length > 0)
      problems.push('offers: only EU municipalities make offers; a hromada states needs');
    if (p.partnershipCapacity !== null)
      problems.push('partnershipCapacity: only EU municipalities have a capacity');
  } else {
    if (!(EU_SETTLEMENT_TYPES as readonly string[]).includes(p.settlementType))
      problems.push(
        `settlementType: must be one of ${EU_SETTLEMENT_TYPES.join(', ')} for an EU municipality`,
      );
    if (p.needs.length > 0)
      problems.push('needs: only hromadas state needs; an EU municipality makes offers');
    if (p.warImpact !== null) problems.push('warImpact: only hromadas have a war impact');
  }
  if ((p.latitude === null) !== (p.longitude === null)) problems.push('location: needs both lat and lon');
  const emails = p.contacts.map((c) => c.email.toLowerCase());
  if (new Set(emails).size !== emails.length) problems.push('contacts: two contacts have the same email');
  if (new Set(p.sectors).size !== p.sectors.length) problems.push('sectors: a sector is listed twice');
  return problems;
}

/** The profile as it travels on `registry.municipality.v1`, contacts included. */
export function toProfileSnapshot(p: ProfileState): MunicipalityProfileV1 {
  const snapshot: MunicipalityProfileV1 = {
    municipalityId: p.id,
    version: p.version,
    kind: p.kind,
    country: p.country,
    officialCode: p.officialCode,
    nameNative: p.nameNative,
    nameLatin: p.nameLatin,
    region: p.regionCode === null ? { name: p.regionName } : { code: p.regionCode, name: p.regionName },
    settlementType: p.settlementType,
    sectors: [...p.sectors],
    needs: p.needs.map((s) => ({ ...s })),
    offers: p.offers.map((s) => ({ ...s })),
    priorities: [...p.priorities],
    workingLanguages: [...p.workingLanguages],
    internationalPartners: [...p.internationalPartners],
    seekingPartner: p.seekingPartner,
    contacts: p.contacts.map((c) => ({ ...c })),
  };
  if (p.population !== null) snapshot.population = p.population;
  if (p.populationYear !== null) snapshot.populationYear = p.populationYear;
  if (p.areaKm2 !== null) snapshot.areaKm2 = p.areaKm2;
  if (p.latitude !== null && p.longitude !== null) snapshot.location = { lat: p.latitude, lon: p.longitude };
  if (p.partnershipCapacity !== null) snapshot.partnershipCapacity = p.partnershipCapacity;
  // Only known flags travel: an unknown flag is absent, which consumers must not read as false.
  if (p.warImpact !== null) {
    const known = Object.entries(p.warImpact).filter(([, value]) => value !== undefined && value !== null);
    if (known.length > 0) snapshot.warImpact = Object.fromEntries(known);
  }
  if (p.associationId !== null) snapshot.associationId = p.associationId;
  if (p.indicators) snapshot.indicators = { ...p.indicators };
  return snapshot;
}

/** Content fields of the snapshot in contract order (MunicipalityProfileV1), the order changes are reported in. */
export const PROFILE_FIELDS = [
  'kind',
  'country',
  'officialCode',
  'nameNative',
  'nameLatin',
  'region',
  'settlementType',
  'population',
  'populationYear',
  'areaKm2',
  'location',
  'sectors',
  'needs',
  'offers',
  'priorities',
  'workingLanguages',
  'partnershipCapacity',
  'internationalPartners',
  'warImpact',
  'indicators',
  'seekingPartner',
  'associationId',
  'contacts',
] as const satisfies readonly (keyof MunicipalityProfileV1)[];

/**
 * Top-level snapshot fields whose value differs between two states of one profile, in snapshot
 * order (e.g. `['offers', 'partnershipCapacity']`); empty when nothing a consumer sees changed.
 */
export function changedFields(before: ProfileState, after: ProfileState): string[] {
  const a = toProfileSnapshot(before) as unknown as Record<string, unknown>;
  const b = toProfileSnapshot(after) as unknown as Record<string, unknown>;
  return PROFILE_FIELDS.filter((k) => canonical(a[k]) !== canonical(b[k]));
}

/** Contacts present before and absent after: their data is gone and consumers must purge it. */
export function removedContacts(
  before: readonly MunicipalityContact[],
  after: readonly MunicipalityContact[],
): MunicipalityContact[] {
  const kept = new Set(after.map((c) => c.contactId));
  return before.filter((c) => !kept.has(c.contactId));
}

/** JSON with sorted keys and without undefined, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
          )
        : v,
    ) ?? 'undefined'
  );
}
