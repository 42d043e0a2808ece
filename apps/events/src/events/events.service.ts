import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  EventCancelledV1Event,
  EventChangedV1Event,
  EventDraftedV1Event,
  EventPublishedV1Event,
  EventStatus,
  ParticipantStatus,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { assertVersion, validationFailed, type AuthenticatedUser, type Page } from '@bridges/platform';
import { EventsEnv } from '../config/events.env';
import { assertInScope, isEventsCoordinator, officerMunicipalityOf } from '../common/access';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { ParticipantEntity } from '../registrations/participant.entity';
import { SeatLedgerRepository, type LockedEvent } from '../seats/seat-ledger.repository';
import { WaitlistService } from '../seats/waitlist.service';
import type { ChangeEventStatusDto } from './dto/change-event-status.dto';
import type { CreateEventDto } from './dto/create-event.dto';
import type { InviteMunicipalityDto } from './dto/invite-municipality.dto';
import type { ListEventsDto } from './dto/list-events.dto';
import type { SetQuotaDto } from './dto/quota.dto';
import type { UpdateEventDto } from './dto/update-event.dto';
import { eventShapeProblems, type EventDraft } from './event-draft';
import { EventInvitationEntity } from './event-invitation.entity';
import { allowedEventTransitions, canTransitionEvent, VISIBLE_TO_OFFICERS } from './event.lifecycle';
import { toEventSummary, toEventView, type EventView } from './event.mapper';
import { EACH_KEY, EventQuotaEntity } from './event-quota.entity';
import { EventAccess, EventEntity } from './event.entity';
import {
  CapacityBelowHeldError,
  EventNotEditableError,
  EventNotFoundError,
  InvalidEventTransitionError,
  QuotaBelowHeldError,
  EventVersionMismatchError,
} from './events.errors';

/** Fields of {@link UpdateEventDto} that are stored as dates. */
const DATE_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;

/**
 * Events and their lifecycle: drafted (by a coordinator, or from Kafka), published, changed (announced),
 * registration closed, held or cancelled. Officers see published events that are open or to which their
 * municipality is invited; the online link only once a participant of theirs is confirmed.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly ledgers: SeatLedgerRepository,
    private readonly waitlist: WaitlistService,
    @Inject(EventsEnv) private readonly env: EventsEnv,
  ) {}

  create(user: AuthenticatedUser, dto: CreateEventDto): Promise<EventView> {
    const draft: EventDraft = {
      ...dto,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      registrationOpensAt: dto.registrationOpensAt ? new Date(dto.registrationOpensAt) : undefined,
      registrationClosesAt: dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : undefined,
      origin: 'coordinator',
    };
    const problems = eventShapeProblems({
      ...draft,
      registrationOpensAt: draft.registrationOpensAt ?? null,
      registrationClosesAt: draft.registrationClosesAt ?? null,
    });
    if (problems.length) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const event = await this.draft(manager, outboxPublisher(this.outbox, manager), draft);
      return this.view(manager, user, event);
    });
  }

  /**
   * Inserts a draft with its quotas and invitations and announces it (caller's transaction). The caller
   * has checked {@link eventShapeProblems}. Unique indexes keep one event per partnership and per announced
   * forum; use {@link draftOnce} where a redelivery may try again.
   */
  async draft(manager: EntityManager, publish: PublishFn, d: EventDraft): Promise<EventEntity> {
    const id = randomUUID();
    const now = new Date();
    const event: Omit<EventEntity, 'createdAt'> = {
      id,
      kind: d.kind,
      status: EventStatus.Draft,
      titleUk: d.titleUk,
      titleEn: d.titleEn,
      titleHost: d.titleHost ?? null,
      hostLanguage: d.hostLanguage ?? null,
      descriptionUk: d.descriptionUk ?? null,
      descriptionEn: d.descriptionEn ?? null,
      descriptionHost: d.descriptionHost ?? null,
      organiserType: d.organiserType,
      organiserId: d.organiserId ?? null,
      format: d.format,
      venue: d.venue ?? null,
      address: d.address ?? null,
      lat: d.location?.lat ?? null,
      lon: d.location?.lon ?? null,
      onlineLink: d.onlineLink ?? null,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      timeZone: d.timeZone,
      workingLanguages: [...d.workingLanguages],
      interpretationLanguages: [...(d.interpretationLanguages ?? [])],
      registrationOpensAt: d.registrationOpensAt ?? null,
      registrationClosesAt: d.registrationClosesAt ?? null,
      capacity: d.capacity,
      seatsHeld: 0,
      approvalRequired: d.approvalRequired,
      access: d.access,
      offerHoldMinutes: (d.offerHoldHours ?? this.env.EVENTS_OFFER_HOLD_HOURS) * 60,
      partnershipId: d.partnershipId ?? null,
      associationId: d.associationId ?? null,
      externalForumId: d.externalForumId ?? null,
      version: 1,
      personalDataPurgedAt: null,
      updatedAt: now,
    };
    await manager.insert(EventEntity, event);
    if (d.quotas?.length)
      await manager.insert(
        EventQuotaEntity,
        d.quotas.map((q) => ({ eventId: id, dimension: q.dimension, key: q.key, seats: q.seats })),
      );
    const invited = [...new Set(d.invitedMunicipalityIds ?? [])];
    if (invited.length)
      await manager.insert(
        EventInvitationEntity,
        invited.map((municipalityId) => ({ eventId: id, municipalityId, invitedBy: d.origin })),
      );
    const saved = await manager.findOneByOrFail(EventEntity, { id });
    await publish(EventDraftedV1Event, {
      ...toEventSummary(saved, invited),
      origin: d.origin,
      ...(d.externalForumId ? { externalForumId: d.externalForumId } : {}),
    });
    return saved;
  }

  /**
   * {@link draft} unless an event for the same partnership or announced forum exists already (a replay, or
   * the same forum announced again under a new event id): then nothing is written. The unique indexes
   * decide under concurrency; a loser's transaction fails and its redelivery finds the winner's event.
   */
  async draftOnce(manager: EntityManager, publish: PublishFn, d: EventDraft): Promise<EventEntity | null> {
    const existing = d.partnershipId
      ? await manager.findOneBy(EventEntity, { partnershipId: d.partnershipId })
      : d.externalForumId && d.associationId
        ? await manager.findOneBy(EventEntity, {
            associationId: d.associationId,
            externalForumId: d.externalForumId,
          })
        : null;
    return existing ? null : this.draft(manager, publish, d);
  }

  async list(user: AuthenticatedUser, query: ListEventsDto): Promise<Page<EventView>> {
    const qb = this.dataSource.getRepository(EventEntity).createQueryBuilder('e');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (!isEventsCoordinator(user)) {
      const own = officerMunicipalityOf(user);
      qb.andWhere('e.status IN (:...visible)', { visible: VISIBLE_TO_OFFICERS }).andWhere(
        `(e.access = :open OR EXISTS (SELECT 1 FROM event_invitation i WHERE i.event_id = e.id AND i.municipality_id = :own))`,
        { open: EventAccess.Open, own },
      );
    }
    const [rows, total] = await qb
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = await Promise.all(rows.map((e) => this.view(this.dataSource.manager, user, e)));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<EventView> {
    const event = await this.findVisible(this.dataSource.manager, user, id);
    return this.view(this.dataSource.manager, user, event);
  }

  /**
   * The event if `user` may see it: coordinators any; an officer a non-draft event that is open or to
   * which their municipality is invited. Anything else is 404, exactly as for an event that does not exist.
   */
  async findVisible(manager: EntityManager, user: AuthenticatedUser, id: string): Promise<EventEntity> {
    const event = await manager.findOneBy(EventEntity, { id });
    if (!event) throw new EventNotFoundError(id);
    if (isEventsCoordinator(user)) return event;
    const own = officerMunicipalityOf(user);
    const invited =
      event.access === EventAccess.Open ||
      (await manager.existsBy(EventInvitationEntity, { eventId: id, municipalityId: own }));
    if (!VISIBLE_TO_OFFICERS.includes(event.status) || !invited) throw new EventNotFoundError(id);
    return event;
  }

  /** A coordinator's change, against the version they read (If-Match): a stale one changes nothing (412). */
  update(
    user: AuthenticatedUser,
    id: string,
    expectedVersion: number,
    dto: UpdateEventDto,
  ): Promise<EventView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const locked = await this.lockForChange(manager, user, id);
        const { event, ledger } = locked;
        assertVersion(expectedVersion, event.version, (e, a) => new EventVersionMismatchError(e, a));
        const { reason, location, offerHoldHours, capacity, ...fields } = dto;
        const changes: Partial<EventEntity> = {};
        for (const [key, value] of Object.entries(fields)) {
          if (value === undefined) continue;
          (changes as Record<string, unknown>)[key] = (DATE_FIELDS as readonly string[]).includes(key)
            ? new Date(value as string)
            : value;
        }
        if (location) Object.assign(changes, { lat: location.lat, lon: location.lon });
        if (offerHoldHours !== undefined) changes.offerHoldMinutes = offerHoldHours * 60;
        const next = { ...event, ...changes };
        const problems = eventShapeProblems({ ...next, capacity: capacity ?? event.capacity });
        if (problems.length) throw validationFailed(problems);
        const changed = Object.keys(changes).filter(
          (k) =>
            JSON.stringify((event as unknown as Record<string, unknown>)[k]) !==
            JSON.stringify((changes as Record<string, unknown>)[k]),
        );
        if (capacity !== undefined && capacity !== event.capacity) {
          if (!ledger.resize(capacity)) throw new CapacityBelowHeldError(capacity, ledger.held);
          changed.push('capacity');
        }
        if (changed.length === 0) return this.view(manager, user, event);
        Object.assign(event, changes, { version: event.version + 1, updatedAt: new Date() });
        await manager.update(
          EventEntity,
          { id },
          { ...changes, version: event.version, updatedAt: event.updatedAt },
        );
        const publish = outboxPublisher(this.outbox, manager);
        await this.waitlist.offerFreedSeats(manager, locked, publish);
        await this.ledgers.save(manager, locked);
        if (event.status !== EventStatus.Draft)
          await publish(EventChangedV1Event, {
            ...toEventSummary(event, await this.invitedIds(manager, id)),
            changedFields: changed.map((f) => (f === 'lat' || f === 'lon' ? 'location' : f)).filter(unique),
            ...(reason ? { reason } : {}),
          });
        return this.view(manager, user, event);
      }),
    );
  }

  changeStatus(user: AuthenticatedUser, id: string, dto: ChangeEventStatusDto): Promise<EventView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const { event } = await this.lockForChange(manager, user, id, true);
        const from = event.status;
        if (!canTransitionEvent(from, dto.status))
          throw new InvalidEventTransitionError(from, dto.status, allowedEventTransitions(from));
        Object.assign(event, { status: dto.status, version: event.version + 1, updatedAt: new Date() });
        await manager.update(
          EventEntity,
          { id },
          { status: event.status, version: event.version, updatedAt: event.updatedAt },
        );
        const summary = toEventSummary(event, await this.invitedIds(manager, id));
        const publish = outboxPublisher(this.outbox, manager);
        const reason = dto.reason ? { reason: dto.reason } : {};
        if (dto.status === EventStatus.Published && from === EventStatus.Draft)
          await publish(EventPublishedV1Event, summary);
        else if (dto.status === EventStatus.Cancelled)
          await publish(EventCancelledV1Event, { ...summary, ...reason });
        else
          await publish(EventChangedV1Event, {
            ...summary,
            changedFields: ['status'],
            previousStatus: from,
            ...reason,
          });
        return this.view(manager, user, event);
      }),
    );
  }

  /**
   * Sets one quota rule. Seats below what the key (or, for `*`, any key it governs) already holds are a
   * 409; more seats offer the freed places to the waiting list at once.
   */
  setQuota(user: AuthenticatedUser, id: string, dto: SetQuotaDto): Promise<EventView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const locked = await this.lockForChange(manager, user, id);
        if (dto.seats > locked.event.capacity)
          throw validationFailed([{ field: 'seats', messages: ['must not exceed capacity'] }]);
        const rows = await manager.findBy(EventQuotaEntity, { eventId: id, dimension: dto.dimension });
        const own = rows.find((r) => r.key === dto.key);
        const governed = dto.key === EACH_KEY ? rows.filter((r) => r.fromEachRule) : own ? [own] : [];
        for (const r of governed)
          if (r.held > dto.seats) throw new QuotaBelowHeldError(r.dimension, r.key, dto.seats, r.held);
        if (own)
          await manager.update(EventQuotaEntity, { id: own.id }, { seats: dto.seats, fromEachRule: false });
        else
          await manager.insert(EventQuotaEntity, {
            eventId: id,
            dimension: dto.dimension,
            key: dto.key,
            seats: dto.seats,
          });
        if (dto.key === EACH_KEY)
          await manager.update(
            EventQuotaEntity,
            { eventId: id, dimension: dto.dimension, fromEachRule: true },
            { seats: dto.seats },
          );
        // Reload the ledger with the new limits, then offer what they freed.
        const relocked = (await this.ledgers.lock(manager, id))!;
        await this.waitlist.offerFreedSeats(manager, relocked, outboxPublisher(this.outbox, manager));
        await this.ledgers.save(manager, relocked);
        return this.view(manager, user, relocked.event);
      }),
    );
  }

  invite(user: AuthenticatedUser, id: string, dto: InviteMunicipalityDto): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await this.lockForChange(manager, user, id);
      await manager
        .createQueryBuilder()
        .insert()
        .into(EventInvitationEntity)
        .values({ eventId: id, municipalityId: dto.municipalityId.toLowerCase(), invitedBy: user.sub })
        .orIgnore()
        .execute();
      return this.view(manager, user, event);
    });
  }

  /** Locks the event for a coordinator's change; held and cancelled events only change status (they cannot). */
  private async lockForChange(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    statusOnly = false,
  ): Promise<LockedEvent> {
    assertInScope(user, [], () => new EventNotFoundError(id));
    const locked = await this.ledgers.lock(manager, id);
    if (!locked) throw new EventNotFoundError(id);
    const { status } = locked.event;
    if (!statusOnly && (status === EventStatus.Held || status === EventStatus.Cancelled))
      throw new EventNotEditableError(status);
    return locked;
  }

  private async invitedIds(manager: EntityManager, eventId: string): Promise<string[]> {
    const rows = await manager.find(EventInvitationEntity, {
      where: { eventId },
      order: { municipalityId: 'ASC' },
    });
    return rows.map((r) => r.municipalityId);
  }

  /** The event as `user` may see it: the online link for coordinators and officers with a confirmed participant. */
  async view(manager: EntityManager, user: AuthenticatedUser, event: EventEntity): Promise<EventView> {
    const quotas = await manager.find(EventQuotaEntity, {
      where: { eventId: event.id },
      order: { id: 'ASC' },
    });
    const coordinator = isEventsCoordinator(user);
    const showOnlineLink =
      coordinator ||
      (!!user.municipalityId &&
        (await manager.existsBy(ParticipantEntity, {
          eventId: event.id,
          municipalityId: user.municipalityId,
          status: In([ParticipantStatus.Confirmed]),
        })));
    const invited = coordinator ? await this.invitedIds(manager, event.id) : [];
    return toEventView(event, quotas, invited, showOnlineLink);
  }
}

function unique<T>(value: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(value) === index;
}
