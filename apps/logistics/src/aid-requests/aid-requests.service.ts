import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  AidRequestPublishedV1Event,
  AidRequestSharedV1Event,
  AidRequestStatus,
  AidRequestStatusChangedV1Event,
  MunicipalityKind,
  type AidCategory,
  type UnitCode,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { assertVersion, type AuthenticatedUser, type Page } from '@bridges/platform';
import { assertInScope, officerMunicipality } from '../common/access';
import { MunicipalityUnknownError, VersionMismatchError } from '../common/logistics.errors';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { LogisticsEnv } from '../config/logistics.env';
import { IdempotentCommands, type CommandResult } from '../idempotency/idempotent-commands';
import { PledgeEntity, PledgeStatus } from '../pledges/pledge.entity';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import {
  AID_FLOWING_STATUSES,
  PartnershipProjectionService,
} from '../projection/partnership-projection.service';
import { PartnershipProjectionEntity } from '../projection/partnership-projection.entity';
import { AidRequestAccess } from './aid-request.access';
import { AidRequestLineEntity } from './aid-request-line.entity';
import { AidRequestEntity } from './aid-request.entity';
import { allowedRequestActions, deriveRequestStatus } from './aid-request.rules';
import { toAidRequestView, type AidRequestView } from './aid-request.view';
import {
  AddresseeNotPartnerError,
  AidRequestHasOpenPledgesError,
  AidRequestNotFoundError,
  ContactUnknownError,
  InvalidAidRequestTransitionError,
  NotAHromadaError,
} from './aid-requests.errors';
import type { ChangeAidRequestStatusDto } from './dto/change-aid-request-status.dto';
import type { CreateAidRequestDto } from './dto/create-aid-request.dto';
import type { ListAidRequestsDto } from './dto/list-aid-requests.dto';

/** Aid requests of hromadas: posted, published to partners, pledged, received, closed or cancelled. */
@Injectable()
export class AidRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly commands: IdempotentCommands,
    private readonly access: AidRequestAccess,
    private readonly partnerships: PartnershipProjectionService,
    private readonly env: LogisticsEnv,
  ) {}

  /** Posts a request for the hromada (its officer or a coordinator); published at once unless `publish: false`. */
  create(
    user: AuthenticatedUser,
    dto: CreateAidRequestDto,
    idempotencyKey: string | undefined,
  ): Promise<CommandResult<AidRequestView>> {
    assertInScope(user, [dto.hromadaId]);
    return this.commands.run(
      { principal: user.sub, key: idempotencyKey, name: 'POST /aid-requests', request: dto },
      async (manager) => {
        const hromada = await this.lockHromadaForPublication(manager, dto.hromadaId);
        if (!hromada) throw new MunicipalityUnknownError(dto.hromadaId);
        if (hromada.kind !== MunicipalityKind.Hromada) throw new NotAHromadaError(dto.hromadaId);
        if (
          dto.addressedTo &&
          !(await this.partnerships.findFlowing(manager, dto.hromadaId, dto.addressedTo))
        )
          throw new AddresseeNotPartnerError(dto.addressedTo);
        const contactId = dto.deliveryPoint.contactId;
        if (contactId && !hromada.contacts.some((c) => c.contactId === contactId))
          throw new ContactUnknownError(contactId);
        const now = new Date();
        const publish = dto.publish ?? true;
        const request: AidRequestEntity = {
          id: randomUUID(),
          hromadaId: dto.hromadaId,
          addressedTo: dto.addressedTo ?? null,
          title: dto.title,
          description: dto.description ?? null,
          status: publish ? AidRequestStatus.Open : AidRequestStatus.Draft,
          urgency: dto.urgency,
          neededBy: dto.neededBy ?? null,
          deliveryAddress: dto.deliveryPoint.address,
          deliveryLat: dto.deliveryPoint.lat ?? hromada.lat,
          deliveryLon: dto.deliveryPoint.lon ?? hromada.lon,
          deliveryContactId: contactId ?? null,
          version: 1,
          createdBy: user.sub,
          createdAt: now,
          publishedAt: publish ? now : null,
          closedAt: null,
          remindedAt: null,
        };
        await manager.insert(AidRequestEntity, request);
        const lines: AidRequestLineEntity[] = dto.lines.map((l, i) => ({
          id: randomUUID(),
          requestId: request.id,
          lineNo: i + 1,
          item: l.item,
          category: l.category as AidCategory,
          unit: l.unit as UnitCode,
          quantity: l.quantity,
          pledged: 0,
          received: 0,
        }));
        await manager.insert(AidRequestLineEntity, lines);
        if (publish) await this.announce(manager, outboxPublisher(this.outbox, manager), request, lines);
        return this.view(manager, request, lines);
      },
    );
  }

  async get(user: AuthenticatedUser, id: string): Promise<AidRequestView> {
    const manager = this.dataSource.manager;
    const request = await manager.findOneBy(AidRequestEntity, { id });
    if (!request) {
      officerMunicipality(user); // a token with no role here learns nothing: 403 before 404
      throw new AidRequestNotFoundError(id);
    }
    await this.access.assertCanSee(manager, user, request);
    return this.view(manager, request);
  }

  /**
   * Coordinators: every request (filters apply). Officers: their hromada's, and the published ones of the
   * hromadas they partner with in which aid flows, addressed to all partners or to them.
   */
  async list(user: AuthenticatedUser, query: ListAidRequestsDto): Promise<Page<AidRequestView>> {
    const own = officerMunicipality(user);
    const qb = this.dataSource.manager.createQueryBuilder(AidRequestEntity, 'r');
    if (own)
      qb.where(
        `(r.hromada_id = :own OR (r.status <> 'draft' AND (r.addressed_to IS NULL OR r.addressed_to = :own)
          AND r.hromada_id IN (SELECT p.hromada_id FROM partnership_projection p
                               WHERE p.eu_municipality_id = :own AND p.status IN (:...flowing))))`,
        { own, flowing: AID_FLOWING_STATUSES },
      );
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.hromadaId) qb.andWhere('r.hromada_id = :hromadaId', { hromadaId: query.hromadaId });
    if (query.stale)
      qb.andWhere(
        `r.status IN ('open', 'partly-pledged') AND r.published_at < now() - make_interval(days => :days)`,
        {
          days: this.env.LOGISTICS_STALE_REQUEST_DAYS,
        },
      );
    const [rows, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = await Promise.all(rows.map((r) => this.view(this.dataSource.manager, r)));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Publish a draft, close or cancel (the hromada's officer or a coordinator); If-Match required. */
  changeStatus(
    user: AuthenticatedUser,
    id: string,
    expectedVersion: number,
    dto: ChangeAidRequestStatusDto,
  ): Promise<AidRequestView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const request = await this.lock(manager, id);
        if (!request) {
          officerMunicipality(user);
          throw new AidRequestNotFoundError(id);
        }
        await this.access.assertCanSee(manager, user, request);
        // Partners see the request but only the hromada (or a coordinator) decides over it.
        assertInScope(user, [request.hromadaId], () => new AidRequestNotFoundError(id));
        assertVersion(expectedVersion, request.version, (e, a) => new VersionMismatchError(e, a));
        const allowed = allowedRequestActions(request.status);
        if (!allowed.includes(dto.status))
          throw new InvalidAidRequestTransitionError(request.status, dto.status, allowed);
        if (dto.status === AidRequestStatus.Cancelled) {
          const open = await manager.countBy(PledgeEntity, { requestId: id, status: PledgeStatus.Active });
          if (open > 0) throw new AidRequestHasOpenPledgesError(id, open);
        }
        const lines = await this.linesOf(manager, id);
        const publish = outboxPublisher(this.outbox, manager);
        const now = new Date();
        if (dto.status === AidRequestStatus.Open) {
          await this.lockHromadaForPublication(manager, request.hromadaId);
          await manager.update(
            AidRequestEntity,
            { id },
            { status: AidRequestStatus.Open, publishedAt: now, version: request.version + 1 },
          );
          await this.announce(manager, publish, { ...request, publishedAt: now }, lines);
        } else {
          await this.moveTo(manager, publish, request, lines, dto.status, user.sub, dto.reason);
        }
        return this.view(manager, await manager.findOneByOrFail(AidRequestEntity, { id }));
      }),
    );
  }

  /**
   * The hromada's projection row FOR SHARE: a partnership being recorded takes it FOR UPDATE, so either the
   * publication sees the new partner in `partnersOf` or the partnership's sharing sees the open request.
   */
  private lockHromadaForPublication(
    manager: EntityManager,
    hromadaId: string,
  ): Promise<MunicipalityProjectionEntity | null> {
    return manager.findOne(MunicipalityProjectionEntity, {
      where: { municipalityId: hromadaId },
      lock: { mode: 'pessimistic_read' },
    });
  }

  /** The request row, locked: every change to a request and its lines takes this lock first. */
  lock(manager: EntityManager, id: string): Promise<AidRequestEntity | null> {
    return manager.findOne(AidRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  linesOf(manager: EntityManager, requestId: string): Promise<AidRequestLineEntity[]> {
    return manager.find(AidRequestLineEntity, { where: { requestId }, order: { lineNo: 'ASC' } });
  }

  /**
   * After pledges, withdrawals or receipts changed the lines (under the request lock): moves the request to
   * the status its lines now give, with an event, when that differs.
   */
  async settleStatus(
    manager: EntityManager,
    publish: PublishFn,
    request: AidRequestEntity,
    by: string,
  ): Promise<void> {
    const lines = await this.linesOf(manager, request.id);
    const next = deriveRequestStatus(request.status, lines);
    if (next !== request.status) await this.moveTo(manager, publish, request, lines, next, by);
    else await manager.update(AidRequestEntity, { id: request.id }, { version: request.version + 1 });
  }

  /**
   * Aid started flowing between the two (a partnership established, recorded, or active again): tells the
   * EU partner, one event per request, of the hromada's requests still open to pledges that it may see —
   * including those published before logistics knew the partnership, which their publication missed.
   */
  async shareOpenRequests(
    manager: EntityManager,
    publish: PublishFn,
    partnership: { partnershipId: string; hromadaId: string; euMunicipalityId: string },
  ): Promise<number> {
    const requests = await manager
      .createQueryBuilder(AidRequestEntity, 'r')
      .where('r.hromada_id = :hromadaId', { hromadaId: partnership.hromadaId })
      .andWhere('r.status IN (:...open)', { open: [AidRequestStatus.Open, AidRequestStatus.PartlyPledged] })
      .andWhere('(r.addressed_to IS NULL OR r.addressed_to = :eu)', { eu: partnership.euMunicipalityId })
      .orderBy('r.published_at', 'ASC')
      .getMany();
    const sharedAt = new Date().toISOString();
    let shared = 0;
    for (const request of requests) {
      const unpledged = (await this.linesOf(manager, request.id)).filter((l) => l.quantity > l.pledged);
      if (unpledged.length === 0) continue;
      await publish(AidRequestSharedV1Event, {
        requestId: request.id,
        hromadaId: request.hromadaId,
        partnerId: partnership.euMunicipalityId,
        partnershipId: partnership.partnershipId,
        title: request.title,
        urgency: request.urgency,
        ...(request.neededBy ? { neededBy: request.neededBy } : {}),
        lines: unpledged.map((l) => ({
          lineId: l.id,
          item: l.item,
          category: l.category,
          unit: l.unit,
          quantity: l.quantity - l.pledged,
        })),
        publishedAt: (request.publishedAt ?? request.createdAt).toISOString(),
        sharedAt,
      });
      shared++;
    }
    return shared;
  }

  /** The EU municipalities that may see and pledge on the request now: flowing partners, or only the addressee. */
  async partnersOf(manager: EntityManager, request: AidRequestEntity): Promise<string[]> {
    const partners = await manager.find(PartnershipProjectionEntity, {
      where: { hromadaId: request.hromadaId, status: In([...AID_FLOWING_STATUSES]) },
      order: { euMunicipalityId: 'ASC' },
    });
    return [...new Set(partners.map((p) => p.euMunicipalityId))].filter(
      (id) => request.addressedTo === null || id === request.addressedTo,
    );
  }

  async view(
    manager: EntityManager,
    request: AidRequestEntity,
    lines?: readonly AidRequestLineEntity[],
  ): Promise<AidRequestView> {
    const hromada = await manager.findOneBy(MunicipalityProjectionEntity, {
      municipalityId: request.hromadaId,
    });
    const contact = hromada?.contacts.find((c) => c.contactId === request.deliveryContactId);
    return toAidRequestView(request, lines ?? (await this.linesOf(manager, request.id)), {
      hromadaName: hromada?.nameNative ?? null,
      contact: contact
        ? {
            contactId: contact.contactId,
            name: contact.name,
            ...(contact.phone ? { phone: contact.phone } : {}),
          }
        : null,
      allowedTransitions: allowedRequestActions(request.status),
    });
  }

  private async moveTo(
    manager: EntityManager,
    publish: PublishFn,
    request: AidRequestEntity,
    lines: readonly AidRequestLineEntity[],
    to: AidRequestStatus,
    by: string,
    reason?: string,
  ): Promise<void> {
    const now = new Date();
    const final = to === AidRequestStatus.Closed || to === AidRequestStatus.Cancelled;
    await manager.update(
      AidRequestEntity,
      { id: request.id },
      { status: to, version: request.version + 1, ...(final ? { closedAt: now } : {}) },
    );
    await publish(AidRequestStatusChangedV1Event, {
      requestId: request.id,
      hromadaId: request.hromadaId,
      from: request.status,
      to,
      lines: lines.map((l) => ({
        lineId: l.id,
        quantity: l.quantity,
        pledged: l.pledged,
        received: l.received,
      })),
      changedAt: now.toISOString(),
      changedBy: by,
      ...(reason ? { reason } : {}),
    });
  }

  private async announce(
    manager: EntityManager,
    publish: PublishFn,
    request: AidRequestEntity,
    lines: readonly AidRequestLineEntity[],
  ): Promise<void> {
    const partnerIds = await this.partnersOf(manager, request);
    await publish(AidRequestPublishedV1Event, {
      requestId: request.id,
      hromadaId: request.hromadaId,
      ...(request.addressedTo ? { addressedTo: request.addressedTo } : {}),
      title: request.title,
      urgency: request.urgency,
      ...(request.neededBy ? { neededBy: request.neededBy } : {}),
      lines: lines.map((l) => ({
        lineId: l.id,
        item: l.item,
        category: l.category,
        unit: l.unit,
        quantity: l.quantity,
      })),
      partnerIds,
      publishedAt: (request.publishedAt ?? new Date()).toISOString(),
    });
  }
}
