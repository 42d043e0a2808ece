import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventFormat, EventKind, type SolidarityForumAnnouncedV1 } from '@bridges/contracts';
import { PermanentEventError } from '@bridges/messaging';
import type { PublishFn } from '../common/publish-fn';
import { eventShapeProblems } from '../events/event-draft';
import { EventAccess, OrganiserType, type EventEntity } from '../events/event.entity';
import { QuotaDimension } from '../events/event-quota.entity';
import { EventsService } from '../events/events.service';

/**
 * Drafts the forum an association announced, with its capacity and per-country quotas, for a coordinator
 * to complete (titles in both languages, time zone, window) and publish. One draft per announced forum
 * (association + its forum id): a repeat announcement changes nothing. An announcement that contradicts
 * itself (ends before it starts, a quota above capacity, a country twice) can never be drafted: it goes to
 * the DLQ with the reason.
 */
@Injectable()
export class ForumAnnouncementsService {
  constructor(private readonly events: EventsService) {}

  async draftForum(
    manager: EntityManager,
    publish: PublishFn,
    forum: SolidarityForumAnnouncedV1,
  ): Promise<EventEntity | null> {
    const startsAt = new Date(forum.startsAt);
    const endsAt = new Date(forum.endsAt);
    const quotas = forum.countryQuotas.map((q) => ({
      dimension: QuotaDimension.Country,
      key: q.country.toUpperCase(),
      seats: q.seats,
    }));
    const problems = eventShapeProblems({
      startsAt,
      endsAt,
      registrationOpensAt: null,
      registrationClosesAt: null,
      capacity: forum.capacity,
      quotas,
    });
    if (problems.length)
      throw new PermanentEventError(
        `Forum announcement cannot be drafted: ${problems.map((p) => p.field.replace(/^quotas/, 'countryQuotas') + ' ' + p.messages.join(', ')).join('; ')}`,
      );
    return this.events.draftOnce(manager, publish, {
      kind: EventKind.SolidarityForum,
      // The announcement has one title, in the association's language; the coordinator adds the other.
      titleUk: forum.title,
      titleEn: forum.title,
      organiserType: OrganiserType.Association,
      organiserId: forum.associationId,
      format: EventFormat.InPerson,
      venue: forum.venue,
      startsAt,
      endsAt,
      timeZone: 'UTC',
      workingLanguages: ['uk', 'en'],
      capacity: forum.capacity,
      approvalRequired: false,
      access: EventAccess.Open,
      quotas,
      origin: 'forum-announced',
      associationId: forum.associationId,
      externalForumId: forum.externalForumId,
    });
  }
}
