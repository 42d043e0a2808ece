import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { toProfileSnapshot, type ProfileState } from './municipality-profile.rules';

/** A profile as the HTTP API shows it: the event snapshot plus status, contacts only when allowed. */
export type MunicipalityView = Omit<MunicipalityProfileV1, 'contacts'> & {
  contacts?: MunicipalityProfileV1['contacts'];
  active: boolean;
  deactivationReason?: string;
  listedInWarZone2022?: boolean;
};

/** Renders a profile for a caller; `withContacts` only for registry coordinators and the municipality's own officers. */
export function toMunicipalityView(p: ProfileState, withContacts: boolean): MunicipalityView {
  const { contacts, ...snapshot } = toProfileSnapshot(p);
  const view: MunicipalityView = { ...snapshot, active: p.active };
  // The API shows the unknowns the event contract cannot carry.
  if (p.warImpact !== null) {
    const { listedInWarZone2022, ...flags } = p.warImpact;
    view.warImpact = flags;
    if (listedInWarZone2022 !== undefined) view.listedInWarZone2022 = listedInWarZone2022;
  }
  if (p.deactivationReason !== null) view.deactivationReason = p.deactivationReason;
  if (withContacts) view.contacts = contacts;
  return view;
}
