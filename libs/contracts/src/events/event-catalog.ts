import type { EventDefinition } from './event-definition';
import { HromadaNominatedV1Event } from './associations/hromada-nominated.v1';
import { MemberMunicipalityVolunteeredV1Event } from './associations/member-municipality-volunteered.v1';
import { SolidarityForumAnnouncedV1Event } from './associations/solidarity-forum-announced.v1';
import { MatchProposedV1Event } from './matching/match-proposed.v1';
import { PartnershipEstablishedV1Event } from './matching/partnership-established.v1';
import { PartnershipStatusChangedV1Event } from './matching/partnership-status-changed.v1';
import { ProposalDecidedV1Event } from './matching/proposal-decided.v1';
import { ProposalWithdrawnV1Event } from './matching/proposal-withdrawn.v1';
import { DeliveryStatusChangedV1Event } from './notifications/delivery-status-changed.v1';
import { MunicipalityContactErasedV1Event } from './registry/municipality-contact-erased.v1';
import { MunicipalityDeactivatedV1Event } from './registry/municipality-deactivated.v1';
import { MunicipalityProfileUpdatedV1Event } from './registry/municipality-profile-updated.v1';
import { MunicipalityRegisteredV1Event } from './registry/municipality-registered.v1';

/** Every event type of the system. Consumers look definitions up here by `ce_type`. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  MunicipalityRegisteredV1Event,
  MunicipalityProfileUpdatedV1Event,
  MunicipalityDeactivatedV1Event,
  MunicipalityContactErasedV1Event,
  MemberMunicipalityVolunteeredV1Event,
  HromadaNominatedV1Event,
  SolidarityForumAnnouncedV1Event,
  MatchProposedV1Event,
  ProposalDecidedV1Event,
  ProposalWithdrawnV1Event,
  PartnershipEstablishedV1Event,
  PartnershipStatusChangedV1Event,
  DeliveryStatusChangedV1Event,
] as unknown as readonly EventDefinition[];

const byType = new Map(EVENT_CATALOG.map((d) => [d.type, d]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
