import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventFormat, EventKind, type PartnershipEstablishedV1 } from '@bridges/contracts';
import type { PublishFn } from '../common/publish-fn';
import { EventAccess, OrganiserType, type EventEntity } from '../events/event.entity';
import { QuotaDimension } from '../events/event-quota.entity';
import { EventsService } from '../events/events.service';
import { proposeKickOffSlot } from './kick-off-slot';

/** Seats of a kick-off meeting: a handful of people per side. */
export const KICK_OFF_CAPACITY = 20;
export const KICK_OFF_SEATS_PER_MUNICIPALITY = 10;

/**
 * Drafts the bilateral kick-off meeting of a new partnership: online, invitation-only (both partners
 * invited), a proposed slot within two weeks, for a coordinator to adjust and publish. Exactly one per
 * partnership: the inbox stops a redelivered event, and the partnership id (unique on the event) stops a
 * replay under another event id.
 */
@Injectable()
export class KickOffService {
  constructor(private readonly events: EventsService) {}

  draftMeeting(
    manager: EntityManager,
    publish: PublishFn,
    partnership: PartnershipEstablishedV1,
  ): Promise<EventEntity | null> {
    const { startsAt, endsAt } = proposeKickOffSlot(new Date(partnership.establishedAt));
    return this.events.draftOnce(manager, publish, {
      kind: EventKind.KickOffMeeting,
      titleUk: 'Стартова зустріч нового партнерства',
      titleEn: 'Kick-off meeting of a new partnership',
      descriptionUk:
        'Перша онлайн-зустріч партнерів: знайомство, спільні пріоритети, наступні кроки. Час запропоновано; координатор узгодить його з партнерами.',
      descriptionEn:
        'The partners’ first online meeting: introductions, shared priorities, next steps. The time is a proposal the coordinator agrees with both partners.',
      organiserType: OrganiserType.Coordinators,
      format: EventFormat.Online,
      startsAt,
      endsAt,
      timeZone: 'Europe/Kyiv',
      workingLanguages: ['uk', 'en'],
      capacity: KICK_OFF_CAPACITY,
      approvalRequired: false,
      access: EventAccess.InvitationOnly,
      quotas: [{ dimension: QuotaDimension.Municipality, key: '*', seats: KICK_OFF_SEATS_PER_MUNICIPALITY }],
      invitedMunicipalityIds: [partnership.hromadaId, partnership.euMunicipalityId],
      origin: 'partnership-established',
      partnershipId: partnership.partnershipId,
    });
  }
}
