import type { ProfileState } from './municipality-profile.rules';
import { toMunicipalityView, type MunicipalityView } from './municipality.view';

/**
 * What any signed-in officer or coordinator may read of a profile: an allow-list, so a field added to
 * profiles later (personal or internal) stays out until someone decides it is public. No contacts, no
 * deactivation reason (a coordinator's note), no version (nobody edits through this view), no war impact.
 */
export const PUBLIC_PROFILE_FIELDS = [
  'municipalityId',
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
  // Not warImpact / listedInWarZone2022: war damage and occupation are for coordinators and the
  // municipality itself, not for every officer of every municipality.
  'seekingPartner',
  'active',
] as const satisfies readonly (keyof MunicipalityView)[];

export type PublicMunicipalityView = Pick<MunicipalityView, (typeof PUBLIC_PROFILE_FIELDS)[number]>;

/** The public profile: the allow-listed fields of the full view, absent ones left absent. */
export function toPublicMunicipalityView(p: ProfileState): PublicMunicipalityView {
  const full = toMunicipalityView(p, false);
  const view: Partial<Record<keyof MunicipalityView, unknown>> = {};
  for (const field of PUBLIC_PROFILE_FIELDS) if (full[field] !== undefined) view[field] = full[field];
  return view as PublicMunicipalityView;
}
