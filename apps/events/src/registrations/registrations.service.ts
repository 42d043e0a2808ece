import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ParticipantPersonalDataErasedV1Event,
  PersonalDataErasureReason,
  EventStatus,
  ParticipantCancelledV1Event,
  ParticipantConfirmedV1Event,
  ParticipantOfferExpiredV1Event,
  ParticipantRegisteredV1Event,
  ParticipantStatus,
  ParticipantSubstitutedV1Event,
  ParticipantWaitlistedV1Event,
  SEAT_HOLDING_STATUSES,
} from '@bridges/contracts';
import { OutboxWriter, type PendingEvent } from '@bridges/messaging';
import {
  assertCanActOnMunicipality,
  CorrelationContext,
  validationFailed,
  type AuthenticatedUser,
  type FieldError,
  type Page,
} from '@bridges/platform';
import { CheckInCodes } from '../check-in/check-in-code';
import {
  assertInScope,
  EVENTS_COORDINATORS,
  isEventsCoordinator,
  officerMunicipalityOf,
} from '../common/access';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { EventInvitationEntity } from '../events/event-invitation.entity';
import { EventAccess, EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { EventNotFoundError } from '../events/events.errors';
import { SeatLedgerRepository, type LockedEvent } from '../seats/seat-ledger.repository';
import { WaitlistService } from '../seats/waitlist.service';
import type { ListRegistrationsDto } from './dto/list-registrations.dto';
import type { ParticipantDto } from './dto/participant.dto';
import type { RegisterDto } from './dto/register.dto';
import { participantSeat, personalDataErased } from './participant-events';
import { ParticipantEntity } from './participant.entity';
import { RegistrationEntity, RegistrationType } from './registration.entity';
import {
  InvalidParticipantStepError,
  NotInvitedError,
  OfferExpiredError,
  ParticipantNotFoundError,
  PersonalDataErasedError,
  RegistrationClosedError,
  RegistrationNotFoundError,
} from './registrations.errors';
import { toRegistrationView, type RegistrationView } from './registration.mapper';

/** What stays of a person whose personal data was erased. */
export const ERASED_NAME = '(erased)';

/**
 * Registrations and the seats of their participants. Every change that takes or frees a seat runs in one
 * transaction under the event's lock ({@link SeatLedgerRepository}): the seat counters, the participants'
 * statuses, the offers a freed seat triggers and the events announcing all of it commit together or not at
 * all, on whichever instance. Contention is retried, then answered 409, never 500.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly ledgers: SeatLedgerRepository,
    private readonly waitlist: WaitlistService,
    private readonly events: EventsService,
    private readonly codes: CheckInCodes,
  ) {}

  /**
   * Registers a delegation or a person. Each participant, in the order given, gets a seat when capacity and
   * every quota of the delegation allow (`pending` when the event needs approval, else `confirmed`), or joins
   * the waiting list. An officer registers only their own municipality (another one is 404, as if unknown).
   */
  async register(user: AuthenticatedUser, eventId: string, dto: RegisterDto): Promise<RegistrationView> {
    const municipalityId = this.registeringMunicipality(user, dto);
    await this.events.findVisible(this.dataSource.manager, user, eventId);
    const { registration, event } = await retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const locked = await this.ledgers.lock(manager, eventId);
        if (!locked) throw new EventNotFoundError(eventId);
        const { event, ledger } = locked;
        this.assertTakesRegistrations(event);
        const problems = participantProblems(event, dto.type, dto.participants);
        if (problems.length) throw validationFailed(problems);
        if (event.access === EventAccess.InvitationOnly && !isEventsCoordinator(user)) {
          const invited =
            municipalityId !== null &&
            (await manager.existsBy(EventInvitationEntity, { eventId, municipalityId }));
          if (!invited) throw new NotInvitedError();
        }
        const now = new Date();
        const registration: Omit<RegistrationEntity, 'createdAt'> = {
          id: randomUUID(),
          eventId,
          type: dto.type,
          country: dto.country,
          municipalityId,
          associationId: dto.associationId ?? null,
          contactName: dto.contact?.name ?? null,
          contactEmail: dto.contact?.email ?? null,
          contactLanguage: dto.contact?.language ?? dto.participants[0].language,
          registeredBy: user.sub,
        };
        await manager.insert(RegistrationEntity, registration);
        // Arrival order is taken under the event's lock: it is the order registrations were served in.
        const arrivals: { seq: string }[] = await manager.query(
          `SELECT nextval('participant_arrival_seq')::text AS seq FROM generate_series(1, $1)`,
          [dto.participants.length],
        );
        const keys = { country: dto.country, municipalityId, associationId: registration.associationId };
        const participants = dto.participants.map((p, i): ParticipantEntity => {
          const seated = ledger.hold(keys) === null;
          const status = !seated
            ? ParticipantStatus.Waitlisted
            : event.approvalRequired
              ? ParticipantStatus.Pending
              : ParticipantStatus.Confirmed;
          return {
            id: randomUUID(),
            registrationId: registration.id,
            eventId,
            position: i + 1,
            status,
            ...keys,
            arrivalSeq: arrivals[i].seq,
            waitlistSeq: seated ? null : arrivals[i].seq,
            offerExpiresAt: null,
            ...this.personalData(event, p, now),
            checkedInAt: null,
            personalDataErasedAt: null,
            createdAt: now,
            updatedAt: now,
          };
        });
        await manager.insert(ParticipantEntity, participants);
        await this.ledgers.save(manager, locked);
        // One multi-row append for every event of the registration: the event's lock is held meanwhile.
        await this.outbox.appendMany(
          manager,
          participants.flatMap((p): PendingEvent[] => [
            p.status === ParticipantStatus.Waitlisted
              ? { definition: ParticipantWaitlistedV1Event, payload: participantSeat(p, now) }
              : { definition: ParticipantRegisteredV1Event, payload: participantSeat(p, now) },
            ...(p.status === ParticipantStatus.Confirmed
              ? [{ definition: ParticipantConfirmedV1Event, payload: participantSeat(p, now) }]
              : []),
          ]),
          { correlationId: CorrelationContext.current() },
        );
        return { registration: { ...registration, createdAt: now }, event };
      }),
    );
    // Read back after the commit, outside the event's lock (places on the list may have moved on already).
    return this.view(this.dataSource.manager, registration, event);
  }

  async get(user: AuthenticatedUser, id: string): Promise<RegistrationView> {
    const registration = await this.findInScope(this.dataSource.manager, user, id);
    const event = await this.dataSource.manager.findOneByOrFail(EventEntity, { id: registration.eventId });
    return this.view(this.dataSource.manager, registration, event);
  }

  /** An event's registrations: all for coordinators, an officer's own municipality's only. */
  async listForEvent(
    user: AuthenticatedUser,
    eventId: string,
    query: ListRegistrationsDto,
  ): Promise<Page<RegistrationView>> {
    const manager = this.dataSource.manager;
    const event = await this.events.findVisible(manager, user, eventId);
    const where = isEventsCoordinator(user)
      ? { eventId }
      : { eventId, municipalityId: officerMunicipalityOf(user) };
    const [rows, total] = await manager.findAndCount(RegistrationEntity, {
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const items = await Promise.all(rows.map((r) => this.view(manager, r, event)));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Cancels one participant (or, without `participantId`, everyone of the registration); freed seats are offered on. */
  cancel(user: AuthenticatedUser, registrationId: string, participantId?: string): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      const targets = participantId
        ? [await this.participantOf(manager, registration, participantId)]
        : await manager.findBy(ParticipantEntity, { registrationId });
      const cancellable = targets.filter((p) => isCancellable(p.status));
      if (participantId && cancellable.length === 0)
        throw new InvalidParticipantStepError('cancel', targets[0].status);
      for (const p of cancellable) await this.leave(manager, locked, p, ParticipantStatus.Cancelled, publish);
    });
  }

  /** The person offered a seat takes it (`confirmed`, or `pending` where the event needs approval). */
  acceptOffer(
    user: AuthenticatedUser,
    registrationId: string,
    participantId: string,
  ): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      const p = await this.participantOf(manager, registration, participantId);
      if (p.status !== ParticipantStatus.Offered)
        throw new InvalidParticipantStepError('accept an offer for', p.status);
      const now = new Date();
      if (p.offerExpiresAt && p.offerExpiresAt <= now) throw new OfferExpiredError(p.offerExpiresAt);
      const to = locked.event.approvalRequired ? ParticipantStatus.Pending : ParticipantStatus.Confirmed;
      await this.setStatus(manager, p, to, now);
      if (to === ParticipantStatus.Confirmed)
        await publish(ParticipantConfirmedV1Event, participantSeat(p, now));
      else await publish(ParticipantRegisteredV1Event, participantSeat(p, now));
    });
  }

  declineOffer(
    user: AuthenticatedUser,
    registrationId: string,
    participantId: string,
  ): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      const p = await this.participantOf(manager, registration, participantId);
      if (p.status !== ParticipantStatus.Offered)
        throw new InvalidParticipantStepError('decline an offer for', p.status);
      await this.leave(manager, locked, p, ParticipantStatus.Cancelled, publish);
    });
  }

  /** A coordinator approves a pending participant: the seat it held is confirmed. */
  approve(user: AuthenticatedUser, registrationId: string, participantId: string): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, _locked, registration, publish) => {
      assertInScope(user, [], () => new RegistrationNotFoundError(registrationId));
      const p = await this.participantOf(manager, registration, participantId);
      if (p.status !== ParticipantStatus.Pending) throw new InvalidParticipantStepError('approve', p.status);
      const now = new Date();
      await this.setStatus(manager, p, ParticipantStatus.Confirmed, now);
      await publish(ParticipantConfirmedV1Event, participantSeat(p, now));
    });
  }

  /** A coordinator rejects a pending participant: the seat is freed and offered on. */
  reject(user: AuthenticatedUser, registrationId: string, participantId: string): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      assertInScope(user, [], () => new RegistrationNotFoundError(registrationId));
      const p = await this.participantOf(manager, registration, participantId);
      if (p.status !== ParticipantStatus.Pending) throw new InvalidParticipantStepError('reject', p.status);
      await this.leave(manager, locked, p, ParticipantStatus.Rejected, publish);
    });
  }

  /**
   * Another person takes a delegate's place: status, seat and place on the list stay; the personal data
   * is replaced and a new check-in code issued (the old ticket no longer scans).
   */
  substitute(
    user: AuthenticatedUser,
    registrationId: string,
    participantId: string,
    dto: ParticipantDto,
  ): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      const p = await this.participantOf(manager, registration, participantId);
      if (!isCancellable(p.status)) throw new InvalidParticipantStepError('substitute', p.status);
      const problems = participantProblems(locked.event, registration.type, [dto], `participant`);
      if (problems.length) throw validationFailed(problems);
      const now = new Date();
      const previousFullName = p.fullName;
      const data = this.personalData(locked.event, dto, now);
      Object.assign(p, data, { updatedAt: now, personalDataErasedAt: null });
      await manager.update(
        ParticipantEntity,
        { id: p.id },
        { ...data, updatedAt: now, personalDataErasedAt: null },
      );
      await publish(ParticipantSubstitutedV1Event, { ...participantSeat(p, now), previousFullName });
    });
  }

  /** Erases a participant's personal data on request; a seat they held is freed and offered on. */
  erase(user: AuthenticatedUser, registrationId: string, participantId: string): Promise<RegistrationView> {
    return this.changeSeats(user, registrationId, async (manager, locked, registration, publish) => {
      const p = await this.participantOf(manager, registration, participantId);
      if (isCancellable(p.status)) await this.leave(manager, locked, p, ParticipantStatus.Cancelled, publish);
      if (p.personalDataErasedAt) return; // erased before: announced then, nothing left to erase
      const now = new Date();
      await manager.update(ParticipantEntity, { id: p.id }, erasedPersonalData(now));
      await publish(
        ParticipantPersonalDataErasedV1Event,
        personalDataErased(p, PersonalDataErasureReason.Request, now),
      );
    });
  }

  /** The ticket of a participant: check-in code and, once confirmed, the online link. */
  async ticket(user: AuthenticatedUser, registrationId: string, participantId: string) {
    const manager = this.dataSource.manager;
    const registration = await this.findInScope(manager, user, registrationId);
    const p = await this.participantOf(manager, registration, participantId);
    if (p.personalDataErasedAt) throw new PersonalDataErasedError();
    const e = await manager.findOneByOrFail(EventEntity, { id: registration.eventId });
    const confirmed = p.status === ParticipantStatus.Confirmed;
    return {
      participantId: p.id,
      eventId: e.id,
      fullName: p.fullName,
      status: p.status,
      titleUk: e.titleUk,
      titleEn: e.titleEn,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timeZone: e.timeZone,
      venue: e.venue,
      address: e.address,
      // Only a confirmed seat gets a code that scans, and the link to the online meeting.
      checkInCode: confirmed ? p.checkInCode : null,
      onlineLink: confirmed ? e.onlineLink : null,
    };
  }

  /**
   * The ticket's QR image (SVG): it encodes the check-in code, the same text a person can type. Only a
   * confirmed seat has one (409 otherwise).
   */
  async ticketQrSvg(user: AuthenticatedUser, registrationId: string, participantId: string): Promise<string> {
    const ticket = await this.ticket(user, registrationId, participantId);
    if (!ticket.checkInCode) throw new InvalidParticipantStepError('issue a ticket for', ticket.status);
    return qrSvg(ticket.checkInCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  /**
   * Expires the offers of one event whose deadline passed and offers the seats on (any instance may call
   * it for any event: the event's lock makes each expiry happen once). Returns how many expired.
   */
  async expireOffers(eventId: string, now = new Date()): Promise<number> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const locked = await this.ledgers.lock(manager, eventId);
        if (!locked) return 0;
        const expired = await manager
          .getRepository(ParticipantEntity)
          .createQueryBuilder('p')
          .where('p.event_id = :eventId AND p.status = :offered AND p.offer_expires_at <= :now', {
            eventId,
            offered: ParticipantStatus.Offered,
            now,
          })
          .orderBy('p.offer_expires_at', 'ASC')
          .getMany();
        const publish = outboxPublisher(this.outbox, manager);
        for (const p of expired) {
          locked.ledger.release(p);
          await this.setStatus(manager, p, ParticipantStatus.OfferExpired, now);
          await publish(ParticipantOfferExpiredV1Event, participantSeat(p, now));
        }
        if (expired.length) {
          await this.waitlist.offerFreedSeats(manager, locked, publish, now);
          await this.ledgers.save(manager, locked);
        }
        return expired.length;
      }),
    );
  }

  /** Runs `change` under the event's lock for a registration in the caller's scope, and answers the registration. */
  private changeSeats(
    user: AuthenticatedUser,
    registrationId: string,
    change: (
      manager: EntityManager,
      locked: LockedEvent,
      registration: RegistrationEntity,
      publish: PublishFn,
    ) => Promise<void>,
  ): Promise<RegistrationView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const registration = await this.findInScope(manager, user, registrationId);
        const locked = await this.ledgers.lock(manager, registration.eventId);
        if (!locked) throw new RegistrationNotFoundError(registrationId);
        const publish = outboxPublisher(this.outbox, manager);
        await change(manager, locked, registration, publish);
        await this.waitlist.offerFreedSeats(manager, locked, publish);
        await this.ledgers.save(manager, locked);
        return this.view(manager, registration, locked.event);
      }),
    );
  }

  /** Moves a participant out of the event (cancelled, rejected): frees a seat it held; announces it. */
  private async leave(
    manager: EntityManager,
    locked: LockedEvent,
    p: ParticipantEntity,
    to: ParticipantStatus,
    publish: PublishFn,
  ): Promise<void> {
    if (SEAT_HOLDING_STATUSES.includes(p.status)) locked.ledger.release(p);
    const now = new Date();
    await this.setStatus(manager, p, to, now);
    await publish(ParticipantCancelledV1Event, participantSeat(p, now));
  }

  private async setStatus(
    manager: EntityManager,
    p: ParticipantEntity,
    status: ParticipantStatus,
    now: Date,
  ): Promise<void> {
    Object.assign(p, { status, waitlistSeq: null, offerExpiresAt: null, updatedAt: now });
    await manager.update(
      ParticipantEntity,
      { id: p.id },
      { status, waitlistSeq: null, offerExpiresAt: null, updatedAt: now },
    );
  }

  /** The municipality a registration is for: an officer's own (naming another is 404), or the coordinator's choice. */
  private registeringMunicipality(user: AuthenticatedUser, dto: RegisterDto): string | null {
    if (isEventsCoordinator(user)) return dto.municipalityId ?? null;
    const own = officerMunicipalityOf(user);
    if (dto.municipalityId)
      assertCanActOnMunicipality(user, dto.municipalityId, { coordinatorRoles: EVENTS_COORDINATORS });
    return own.toLowerCase();
  }

  private assertTakesRegistrations(event: EventEntity, now = new Date()): void {
    if (event.status !== EventStatus.Published)
      throw new RegistrationClosedError(event.status, 'the event is not open for registration');
    if (event.registrationOpensAt && now < event.registrationOpensAt)
      throw new RegistrationClosedError(
        event.status,
        `registration opens ${event.registrationOpensAt.toISOString()}`,
      );
    if (now >= event.endsAt) throw new RegistrationClosedError(event.status, 'the event is over');
    if (event.registrationClosesAt && now >= event.registrationClosesAt)
      throw new RegistrationClosedError(
        event.status,
        `registration closed ${event.registrationClosesAt.toISOString()}`,
      );
  }

  /** A registration the caller may act on: coordinators any; an officer their municipality's (else 404). */
  private async findInScope(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<RegistrationEntity> {
    const registration = await manager.findOneBy(RegistrationEntity, { id });
    if (!registration) throw new RegistrationNotFoundError(id);
    assertInScope(
      user,
      registration.municipalityId ? [registration.municipalityId] : [],
      () => new RegistrationNotFoundError(id),
    );
    return registration;
  }

  private async participantOf(
    manager: EntityManager,
    registration: RegistrationEntity,
    participantId: string,
  ): Promise<ParticipantEntity> {
    const p = await manager.findOneBy(ParticipantEntity, {
      id: participantId,
      registrationId: registration.id,
    });
    if (!p) throw new ParticipantNotFoundError(participantId);
    return p;
  }

  private personalData(event: EventEntity, p: ParticipantDto, now: Date) {
    const minor = p.isMinor === true;
    return {
      fullName: p.fullName,
      email: p.email?.toLowerCase() ?? null,
      phone: p.phone ?? null,
      roleTitle: p.roleTitle ?? null,
      language: p.language,
      dietaryNeeds: p.dietaryNeeds ?? null,
      accessibilityNeeds: p.accessibilityNeeds ?? null,
      accommodationNights: [...(p.accommodationNights ?? [])].sort(),
      interpretationInto: p.interpretationInto ?? null,
      isMinor: minor,
      guardianName: minor ? p.guardian!.name : null,
      guardianContact: minor ? p.guardian!.contact : null,
      guardianConsentAt: minor ? now : null,
      checkInCode: this.codes.issue(event.id),
    };
  }

  private async view(
    manager: EntityManager,
    registration: RegistrationEntity,
    event: EventEntity,
  ): Promise<RegistrationView> {
    const participants = await manager.find(ParticipantEntity, {
      where: { registrationId: registration.id },
      order: { position: 'ASC' },
    });
    const positions = await this.waitlistPositions(manager, event.id, participants);
    return toRegistrationView(registration, participants, positions);
  }

  /** 1-based places on the event's waiting list of the waitlisted `participants`. */
  private async waitlistPositions(
    manager: EntityManager,
    eventId: string,
    participants: readonly ParticipantEntity[],
  ): Promise<Map<string, number>> {
    const waiting = participants.filter((p) => p.waitlistSeq !== null);
    const positions = new Map<string, number>();
    for (const p of waiting) {
      const [{ n }] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM participant WHERE event_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
        [eventId, p.waitlistSeq],
      );
      positions.set(p.id, n);
    }
    return positions;
  }
}

/** Statuses a person can still leave (cancel) or be substituted in. */
function isCancellable(status: ParticipantStatus): boolean {
  return SEAT_HOLDING_STATUSES.includes(status) || status === ParticipantStatus.Waitlisted;
}

/** Personal fields overwritten when data is erased (on request, or after the retention period). */
export function erasedPersonalData(now: Date) {
  return {
    fullName: ERASED_NAME,
    email: null,
    phone: null,
    roleTitle: null,
    dietaryNeeds: null,
    accessibilityNeeds: null,
    accommodationNights: [] as string[],
    guardianName: null,
    guardianContact: null,
    personalDataErasedAt: now,
    updatedAt: now,
  };
}

/**
 * Rules across a registration's fields: an individual is one person; a minor comes with a guardian who
 * consented (only children's events take minors); accommodation nights fall around the event.
 */
export function participantProblems(
  event: Pick<EventEntity, 'startsAt' | 'endsAt'>,
  type: RegistrationType,
  participants: readonly ParticipantDto[],
  path = 'participants',
): FieldError[] {
  const problems: FieldError[] = [];
  if (type === RegistrationType.Individual && participants.length !== 1)
    problems.push({
      field: 'participants',
      messages: ['an individual registration has exactly one participant'],
    });
  const first = new Date(event.startsAt.getTime() - 86_400_000).toISOString().slice(0, 10);
  const last = event.endsAt.toISOString().slice(0, 10);
  for (const [i, p] of participants.entries()) {
    const at = path === 'participants' ? `participants[${i}]` : '';
    const field = (name: string) => (at ? `${at}.${name}` : name);
    if (p.isMinor && !p.guardian)
      problems.push({ field: field('guardian'), messages: ['is required for a minor'] });
    const outside = (p.accommodationNights ?? []).filter((n) => n < first || n > last);
    if (outside.length)
      problems.push({
        field: field('accommodationNights'),
        messages: [`nights must fall between ${first} and ${last}: ${outside.join(', ')}`],
      });
  }
  return problems;
}
