import type { EventDefinition } from './event-definition';
import { HromadaNominatedV1Event } from './associations/hromada-nominated.v1';
import { MemberMunicipalityVolunteeredV1Event } from './associations/member-municipality-volunteered.v1';
import { SolidarityForumAnnouncedV1Event } from './associations/solidarity-forum-announced.v1';
import { EventDraftedV1Event } from './events/event-drafted.v1';
import { EventPublishedV1Event } from './events/event-published.v1';
import { EventChangedV1Event } from './events/event-changed.v1';
import { EventCancelledV1Event } from './events/event-cancelled.v1';
import { ParticipantRegisteredV1Event } from './events/participant-registered.v1';
import { ParticipantWaitlistedV1Event } from './events/participant-waitlisted.v1';
import { ParticipantOfferedV1Event } from './events/participant-offered.v1';
import { ParticipantConfirmedV1Event } from './events/participant-confirmed.v1';
import { ParticipantOfferExpiredV1Event } from './events/participant-offer-expired.v1';
import { ParticipantCancelledV1Event } from './events/participant-cancelled.v1';
import { ParticipantSubstitutedV1Event } from './events/participant-substituted.v1';
import { ParticipantCheckedInV1Event } from './events/participant-checked-in.v1';
import { ParticipantPersonalDataErasedV1Event } from './events/participant-personal-data-erased.v1';
import { MatchProposedV1Event } from './matching/match-proposed.v1';
import { PartnershipEstablishedV1Event } from './matching/partnership-established.v1';
import { PartnershipRecordedV1Event } from './matching/partnership-recorded.v1';
import { PartnershipStatusChangedV1Event } from './matching/partnership-status-changed.v1';
import { ProposalDecidedV1Event } from './matching/proposal-decided.v1';
import { ProposalWithdrawnV1Event } from './matching/proposal-withdrawn.v1';
import { AidRequestPublishedV1Event } from './logistics/aid-request-published.v1';
import { AidRequestReminderDueV1Event } from './logistics/aid-request-reminder-due.v1';
import { AidRequestSharedV1Event } from './logistics/aid-request-shared.v1';
import { AidRequestStatusChangedV1Event } from './logistics/aid-request-status-changed.v1';
import { PledgeFlaggedV1Event } from './logistics/pledge-flagged.v1';
import { PledgeMadeV1Event } from './logistics/pledge-made.v1';
import { PledgeWithdrawnV1Event } from './logistics/pledge-withdrawn.v1';
import { ShipmentReceivedV1Event } from './logistics/shipment-received.v1';
import { ShipmentStatusChangedV1Event } from './logistics/shipment-status-changed.v1';
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
  PartnershipRecordedV1Event,
  PartnershipStatusChangedV1Event,
  AidRequestPublishedV1Event,
  AidRequestStatusChangedV1Event,
  AidRequestReminderDueV1Event,
  AidRequestSharedV1Event,
  PledgeMadeV1Event,
  PledgeWithdrawnV1Event,
  PledgeFlaggedV1Event,
  ShipmentStatusChangedV1Event,
  ShipmentReceivedV1Event,
  DeliveryStatusChangedV1Event,
  EventDraftedV1Event,
  EventPublishedV1Event,
  EventChangedV1Event,
  EventCancelledV1Event,
  ParticipantRegisteredV1Event,
  ParticipantWaitlistedV1Event,
  ParticipantOfferedV1Event,
  ParticipantConfirmedV1Event,
  ParticipantOfferExpiredV1Event,
  ParticipantCancelledV1Event,
  ParticipantSubstitutedV1Event,
  ParticipantCheckedInV1Event,
  ParticipantPersonalDataErasedV1Event,
] as unknown as readonly EventDefinition[];

const byType = new Map(EVENT_CATALOG.map((d) => [d.type, d]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
