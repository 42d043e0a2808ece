import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EventDraftOrigin,
  EventFormat,
  ParticipantStatus,
  type EventCancelledV1,
  type EventChangedV1,
  type EventDraftedV1,
  type EventSummaryV1,
  type ParticipantOfferedV1,
  type ParticipantPersonalDataErasedV1,
  type ParticipantSeatV1,
} from '@bridges/contracts';
import type { EmailAttachment } from '../channels/email/email-sender';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { DirectoryService } from '../directory/directory.service';
import { RecipientEntity, RecipientKind } from '../directory/recipient.entity';
import { chooseRecipientLocale } from '../directory/recipient-locale.policy';
import { TemplateRegistry, type EventEmailData } from '../templates';
import { eventCalendarAttachment, type CalendarMethod } from './event-calendar';
import { EventNotProjectedError } from './event-notifications.errors';
import { EventParticipantEntity } from './event-participant.entity';
import { EventProjectionEntity } from './event-projection.entity';

const KICK_OFF_INVITATION = 'events.kick-off-invitation';
const CONFIRMED = 'events.registration-confirmed';
const WAITLISTED = 'events.registration-waitlisted';
const OFFERED = 'events.seat-offered';
const CHANGED = 'events.event-changed';
const CANCELLED = 'events.event-cancelled';
const REMINDER = 'events.reminder';

/** Registration statuses whose people hear of a change or a cancellation. */
const STILL_INTERESTED: readonly string[] = [
  ParticipantStatus.Pending,
  ParticipantStatus.Waitlisted,
  ParticipantStatus.Offered,
  ParticipantStatus.Confirmed,
];

/** Changes worth an email; others (capacity, status) concern organisers only. */
const SCHEDULE_OR_PLACE = ['startsAt', 'endsAt', 'timeZone', 'venue', 'address', 'format'];

/**
 * Event notifications, by email in each person's language: the partners' invitation to a new kick-off
 * meeting, and to a participant: confirmed (with `.ics`), waitlisted, offered a seat (with its deadline),
 * the event changed (updated `.ics`) or cancelled (`.ics` that removes it). Participants become
 * recipients (`participant:<id>`), so preferences, unsubscribe and erasure work for them as for anyone.
 * Runs in the Kafka handler's transaction; a replayed event writes nothing (deliveries are unique per
 * source event, recipient and template).
 */
@Injectable()
export class EventNotificationsService {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly directory: DirectoryService,
    private readonly deliveries: DeliveryQueue,
    private readonly templates: TemplateRegistry,
  ) {}

  /** Keeps the projection current; returns it (the newer of the stored one and this record). */
  async project(
    manager: EntityManager,
    source: SourceEvent,
    event: EventSummaryV1,
  ): Promise<EventProjectionEntity> {
    const sourceTime = new Date(source.time);
    await manager
      .createQueryBuilder()
      .insert()
      .into(EventProjectionEntity)
      .values({
        eventId: event.eventId,
        kind: event.kind,
        status: event.status,
        titleUk: event.titleUk,
        titleEn: event.titleEn,
        format: event.format,
        venue: event.venue ?? null,
        address: event.address ?? null,
        startsAt: new Date(event.startsAt),
        endsAt: new Date(event.endsAt),
        timeZone: event.timeZone,
        invitedMunicipalityIds: event.invitedMunicipalityIds,
        sourceTime,
      })
      .orUpdate(
        [
          'kind',
          'status',
          'title_uk',
          'title_en',
          'format',
          'venue',
          'address',
          'starts_at',
          'ends_at',
          'time_zone',
          'invited_municipality_ids',
          'source_time',
          'updated_at',
        ],
        ['event_id'],
        { overwriteCondition: { where: 'event_projection.source_time <= EXCLUDED.source_time' } },
      )
      .execute();
    return manager.findOneByOrFail(EventProjectionEntity, { eventId: event.eventId });
  }

  /** A kick-off meeting drafted for a new partnership: each partner's contacts get the invitation with `.ics`. */
  async inviteKickOffPartners(
    manager: EntityManager,
    source: SourceEvent,
    event: EventDraftedV1,
  ): Promise<void> {
    const projected = await this.project(manager, source, event);
    if (event.origin !== EventDraftOrigin.PartnershipEstablished) return;
    const locales = this.templates.get(KICK_OFF_INVITATION).locales;
    const invited: Array<{ recipient: RecipientEntity; locale: string }> = [];
    for (const municipalityId of event.invitedMunicipalityIds) {
      const municipality = await this.directory.requireMunicipality(manager, municipalityId);
      for (const r of await this.directory.contactsOf(manager, municipalityId)) {
        invited.push({
          recipient: r,
          locale: chooseRecipientLocale(r.preferredLanguage, municipality.country, locales),
        });
      }
    }
    // Everyone invited is an attendee of the one meeting, so each calendar shows who else comes.
    const attendees = invited
      .filter(({ recipient }) => recipient.email)
      .map(({ recipient }) => ({ name: recipient.name ?? undefined, email: recipient.email!, rsvp: true }));
    for (const { recipient, locale } of invited) {
      await this.send(
        manager,
        source,
        recipient,
        KICK_OFF_INVITATION,
        projected,
        locale,
        {},
        'REQUEST',
        attendees,
      );
    }
  }

  async confirmed(manager: EntityManager, source: SourceEvent, seat: ParticipantSeatV1): Promise<void> {
    await this.toParticipant(manager, source, seat, CONFIRMED, {}, 'PUBLISH');
  }

  async waitlisted(manager: EntityManager, source: SourceEvent, seat: ParticipantSeatV1): Promise<void> {
    await this.toParticipant(manager, source, seat, WAITLISTED, {});
  }

  async offered(manager: EntityManager, source: SourceEvent, seat: ParticipantOfferedV1): Promise<void> {
    await this.toParticipant(manager, source, seat, OFFERED, { offerExpiresAt: seat.offerExpiresAt });
  }

  /**
   * Another person took a delegate's seat (same participant id, new name and address): the newcomer is
   * the recipient from now on and, when the seat is confirmed, gets their own confirmation with `.ics`.
   */
  async substituted(manager: EntityManager, source: SourceEvent, seat: ParticipantSeatV1): Promise<void> {
    if (seat.status === ParticipantStatus.Confirmed) await this.confirmed(manager, source, seat);
    else await this.track(manager, source, seat);
  }

  /** Any other registration event: only remembered, so a later change reaches the right people. */
  async track(manager: EntityManager, source: SourceEvent, seat: ParticipantSeatV1): Promise<void> {
    await this.rememberParticipant(manager, source, seat);
  }

  /** The time or place changed: everyone still registered gets the news and an updated `.ics`. */
  async changed(manager: EntityManager, source: SourceEvent, event: EventChangedV1): Promise<void> {
    const projected = await this.project(manager, source, event);
    if (!event.changedFields.some((f) => SCHEDULE_OR_PLACE.includes(f))) return;
    await this.toEveryoneRegistered(manager, source, projected, CHANGED, event.reason, 'REQUEST');
  }

  async cancelled(manager: EntityManager, source: SourceEvent, event: EventCancelledV1): Promise<void> {
    const projected = await this.project(manager, source, event);
    await this.toEveryoneRegistered(manager, source, projected, CANCELLED, event.reason, 'CANCEL');
  }

  /**
   * Reminds the confirmed participants of an event starting soon. The source id names the start, so a
   * second round for the same start writes nothing, and a moved event is reminded of its new start.
   */
  async remind(manager: EntityManager, event: EventProjectionEntity, now: Date): Promise<void> {
    const source: SourceEvent = {
      id: `event-reminder:${event.eventId}:${event.startsAt.toISOString()}`,
      type: 'notifications.event-reminder',
      correlationId: null,
      time: now.toISOString(),
      subject: event.eventId,
    };
    await this.toEveryoneRegistered(manager, source, event, REMINDER, undefined, 'PUBLISH', [
      ParticipantStatus.Confirmed,
    ]);
  }

  private async toEveryoneRegistered(
    manager: EntityManager,
    source: SourceEvent,
    event: EventProjectionEntity,
    templateId: string,
    reason: string | undefined,
    method: CalendarMethod,
    statuses: readonly string[] = STILL_INTERESTED,
  ): Promise<void> {
    const recipients = await manager
      .getRepository(RecipientEntity)
      .createQueryBuilder('r')
      .innerJoin(EventParticipantEntity, 'p', 'p.recipient_id = r.id')
      .where('p.event_id = :eventId AND p.status IN (:...statuses)', {
        eventId: event.eventId,
        statuses,
      })
      .orderBy('r.id')
      .getMany();
    const locales = this.templates.get(templateId).locales;
    for (const r of recipients) {
      const locale = chooseRecipientLocale(r.preferredLanguage, null, locales);
      await this.send(manager, source, r, templateId, event, locale, reason ? { reason } : {}, method);
    }
  }

  private async toParticipant(
    manager: EntityManager,
    source: SourceEvent,
    seat: ParticipantSeatV1,
    templateId: string,
    extra: Partial<EventEmailData>,
    method?: CalendarMethod,
  ): Promise<void> {
    const event = await manager.findOneBy(EventProjectionEntity, { eventId: seat.eventId });
    if (!event) throw new EventNotProjectedError(seat.eventId);
    const recipient = await this.rememberParticipant(manager, source, seat);
    const locale = chooseRecipientLocale(seat.language, seat.country, this.templates.get(templateId).locales);
    await this.send(manager, source, recipient, templateId, event, locale, extra, method);
  }

  /**
   * A participant's personal data was erased in events (on request or after the event): their recipient
   * `participant:<id>` is erased like a contact (deliveries lose address, content and attachments; open
   * ones fail) and their statuses are forgotten. A replay finds nothing left to erase.
   */
  async eraseParticipant(manager: EntityManager, erased: ParticipantPersonalDataErasedV1): Promise<void> {
    const recipientId = participantRecipientId(erased.participantId);
    await this.directory.eraseRecipient(manager, recipientId, RecipientKind.EventParticipant);
    await manager.delete(EventParticipantEntity, { recipientId });
  }

  /** Upserts the participant as a recipient (name, address, language as of this event) and their status. */
  private async rememberParticipant(
    manager: EntityManager,
    source: SourceEvent,
    seat: ParticipantSeatV1,
  ): Promise<RecipientEntity> {
    const id = participantRecipientId(seat.participantId);
    const recipient: Partial<RecipientEntity> = {
      id,
      kind: RecipientKind.EventParticipant,
      municipalityId: seat.municipalityId ?? null,
      associationId: seat.associationId ?? null,
      name: seat.fullName,
      email: seat.email ?? null,
      preferredLanguage: seat.language,
      active: true,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(RecipientEntity)
      .values(recipient)
      .orUpdate(['name', 'email', 'preferred_language', 'updated_at'], ['id'])
      .execute();
    await manager
      .createQueryBuilder()
      .insert()
      .into(EventParticipantEntity)
      .values({
        eventId: seat.eventId,
        recipientId: id,
        status: seat.status,
        sourceTime: new Date(source.time),
      })
      .orUpdate(['status', 'source_time'], ['event_id', 'recipient_id'], {
        overwriteCondition: { where: 'event_participant.source_time <= EXCLUDED.source_time' },
      })
      .execute();
    return manager.findOneByOrFail(RecipientEntity, { id });
  }

  private async send(
    manager: EntityManager,
    source: SourceEvent,
    recipient: RecipientEntity,
    templateId: string,
    event: EventProjectionEntity,
    locale: string,
    extra: Partial<EventEmailData>,
    method?: CalendarMethod,
    attendees?: Array<{ name?: string; email: string; rsvp: boolean }>,
  ): Promise<void> {
    const online = event.format === EventFormat.Online;
    const place = [event.venue, event.address].filter(Boolean).join(', ');
    const attachments: EmailAttachment[] = method
      ? [
          eventCalendarAttachment(event, {
            method,
            locale,
            organizerEmail: this.organizerEmail(),
            attendees:
              attendees ??
              (recipient.email ? [{ name: recipient.name ?? undefined, email: recipient.email }] : []),
          }),
        ]
      : [];
    await this.deliveries.enqueueEmail<EventEmailData>(
      manager,
      source,
      recipient,
      templateId,
      {
        titleUk: event.titleUk,
        titleEn: event.titleEn,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        timeZone: event.timeZone,
        online,
        ...(place ? { place } : {}),
        ...extra,
        ...(recipient.name ? { recipientName: recipient.name } : {}),
      },
      locale,
      attachments,
    );
  }

  /** The address part of MAIL_FROM (`Bridges <notifications@…>`), the calendar entry's organiser. */
  private organizerEmail(): string {
    const from = this.env.MAIL_FROM;
    return /<([^>]+)>/.exec(from)?.[1] ?? from;
  }
}

/** The recipient id of an event participant. */
function participantRecipientId(participantId: string): string {
  return `participant:${participantId}`;
}
