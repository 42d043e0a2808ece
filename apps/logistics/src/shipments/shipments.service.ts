import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ShipmentStatus, ShipmentStatusChangedV1Event } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import { assertVersion, type AuthenticatedUser, type Page } from '@bridges/platform';
import { AidRequestEntity } from '../aid-requests/aid-request.entity';
import { AidRequestsService } from '../aid-requests/aid-requests.service';
import { assertInScope, officerMunicipality } from '../common/access';
import { PartnershipNotActiveError, VersionMismatchError } from '../common/logistics.errors';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { IdempotentCommands, type CommandResult } from '../idempotency/idempotent-commands';
import { PledgeLineEntity } from '../pledges/pledge-line.entity';
import { PledgeEntity, PledgeStatus } from '../pledges/pledge.entity';
import { PledgeNotActiveError, PledgeNotFoundError } from '../pledges/pledges.errors';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { PartnershipProjectionService } from '../projection/partnership-projection.service';
import { TotalsService } from '../totals/totals.service';
import type { ChangeShipmentStatusDto } from './dto/change-shipment-status.dto';
import type { CreateShipmentDto } from './dto/create-shipment.dto';
import type { ListShipmentsDto } from './dto/list-shipments.dto';
import {
  formatShipmentReference,
  MAX_REFERENCE_NUMBER,
  shipmentReferenceProblem,
} from './shipment-reference';
import { allowedShipmentTransitions, canTransitionShipment, releasesPledges } from './shipment.lifecycle';
import { ShipmentLineEntity } from './shipment-line.entity';
import { ShipmentPledgeEntity } from './shipment-pledge.entity';
import { ShipmentStepEntity } from './shipment-step.entity';
import { ShipmentEntity } from './shipment.entity';
import { toShipmentView, type ShipmentView } from './shipment.view';
import {
  InvalidShipmentTransitionError,
  ShipmentNotFoundError,
  ShipmentPledgesMismatchError,
  ShipmentReferencesExhaustedError,
} from './shipments.errors';

/** A step of the timeline to record. */
export interface ShipmentStep {
  readonly to: ShipmentStatus;
  readonly at: Date;
  readonly place?: string;
  readonly note?: string;
  readonly by: string;
}

/**
 * Shipments: made from a partner's pledges, moved forward along their timeline, delivered (totals count
 * them then) and closed by a receipt. Lock order: request, pledges (in id order), shipment.
 */
@Injectable()
export class ShipmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly commands: IdempotentCommands,
    private readonly requests: AidRequestsService,
    private readonly partnerships: PartnershipProjectionService,
    private readonly totals: TotalsService,
  ) {}

  create(
    user: AuthenticatedUser,
    dto: CreateShipmentDto,
    idempotencyKey: string | undefined,
  ): Promise<CommandResult<ShipmentView>> {
    return this.commands.run(
      { principal: user.sub, key: idempotencyKey, name: 'POST /shipments', request: dto },
      async (manager) => {
        const found = await manager.findBy(PledgeEntity, { id: In(dto.pledgeIds) });
        const missing = dto.pledgeIds.find((id) => !found.some((p) => p.id === id));
        if (missing) {
          officerMunicipality(user);
          throw new PledgeNotFoundError(missing);
        }
        for (const p of found) assertInScope(user, [p.euMunicipalityId], () => new PledgeNotFoundError(p.id));
        const [first] = found;
        if (
          found.some((p) => p.requestId !== first.requestId || p.euMunicipalityId !== first.euMunicipalityId)
        )
          throw new ShipmentPledgesMismatchError();

        const request = await this.requests.lock(manager, first.requestId);
        if (!request) throw new PledgeNotFoundError(first.id);
        const pledges = await manager.find(PledgeEntity, {
          where: { id: In(dto.pledgeIds) },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        for (const p of pledges)
          if (p.status !== PledgeStatus.Active) throw new PledgeNotActiveError(p.id, p.status);
        const partnership = await this.partnerships.findFlowing(
          manager,
          request.hromadaId,
          first.euMunicipalityId,
        );
        const brokeredBy = pledges.find((p) => p.brokeredBy)?.brokeredBy ?? null;
        if (!partnership && pledges.some((p) => !p.brokeredBy))
          throw new PartnershipNotActiveError(request.hromadaId, first.euMunicipalityId);

        const lines = await this.linesFromPledges(manager, request.id, pledges);
        const [{ n }] = await manager.query<{ n: string }[]>(`SELECT nextval('shipment_reference_seq') AS n`);
        if (Number(n) > MAX_REFERENCE_NUMBER)
          throw new ShipmentReferencesExhaustedError(MAX_REFERENCE_NUMBER);
        const now = new Date();
        const shipment: ShipmentEntity = {
          id: randomUUID(),
          reference: formatShipmentReference(now.getUTCFullYear(), Number(n)),
          requestId: request.id,
          hromadaId: request.hromadaId,
          euMunicipalityId: first.euMunicipalityId,
          partnershipId: partnership?.partnershipId ?? null,
          brokeredBy,
          status: ShipmentStatus.Prepared,
          waybillNumber: dto.waybillNumber ?? null,
          carrier: dto.carrier ?? null,
          vehiclePlate: dto.vehiclePlate ?? null,
          driverName: dto.driver?.name ?? null,
          driverPhone: dto.driver?.phone ?? null,
          plannedBorderCrossing: dto.plannedBorderCrossing ?? null,
          packages: dto.packages,
          grossWeightKg: dto.grossWeightKg,
          volumeM3: dto.volumeM3 ?? null,
          ...declaredValue(dto, pledges),
          expectedArrival: dto.expectedArrival ?? null,
          documents: (dto.documents ?? []).map((d) => ({ document: d.document, ready: d.ready })),
          version: 1,
          createdBy: user.sub,
          createdAt: now,
          deliveredAt: null,
        };
        await manager.insert(ShipmentEntity, shipment);
        await manager.insert(
          ShipmentLineEntity,
          lines.map((l) => ({ ...l, shipmentId: shipment.id })),
        );
        await manager.insert(
          ShipmentPledgeEntity,
          pledges.map((p) => ({ shipmentId: shipment.id, pledgeId: p.id })),
        );
        await manager.update(PledgeEntity, { id: In(dto.pledgeIds) }, { status: PledgeStatus.Shipped });
        await this.recordStep(manager, outboxPublisher(this.outbox, manager), shipment, null, {
          to: ShipmentStatus.Prepared,
          at: now,
          by: user.sub,
        });
        return this.view(manager, shipment.id);
      },
    );
  }

  async get(user: AuthenticatedUser, id: string): Promise<ShipmentView> {
    const shipment = await this.dataSource.manager.findOneBy(ShipmentEntity, { id });
    this.assertCanSee(user, shipment, id);
    return this.view(this.dataSource.manager, id);
  }

  /** By its printed reference; a mistyped one is a 400 saying what is wrong (shape or check digit). */
  async getByReference(user: AuthenticatedUser, reference: string): Promise<ShipmentView> {
    const problem = shipmentReferenceProblem(reference);
    if (problem)
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid shipment reference',
        errors: [{ field: 'reference', messages: [problem] }],
      });
    const shipment = await this.dataSource.manager.findOneBy(ShipmentEntity, { reference });
    this.assertCanSee(user, shipment, reference);
    return this.view(this.dataSource.manager, shipment.id);
  }

  async list(user: AuthenticatedUser, query: ListShipmentsDto): Promise<Page<ShipmentView>> {
    const own = officerMunicipality(user);
    if (query.municipalityId) assertInScope(user, [query.municipalityId]);
    const qb = this.dataSource.manager.createQueryBuilder(ShipmentEntity, 's');
    const scope = own ?? query.municipalityId;
    if (scope) qb.where('(s.hromada_id = :scope OR s.eu_municipality_id = :scope)', { scope });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.requestId) qb.andWhere('s.request_id = :requestId', { requestId: query.requestId });
    const [rows, total] = await qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = await Promise.all(rows.map((s) => this.view(this.dataSource.manager, s.id)));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** A forward step of the timeline by either municipality or a coordinator; If-Match required. */
  changeStatus(
    user: AuthenticatedUser,
    id: string,
    expectedVersion: number,
    dto: ChangeShipmentStatusDto,
  ): Promise<ShipmentView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const shipment = await this.lock(manager, id);
        this.assertCanSee(user, shipment, id);
        assertVersion(expectedVersion, shipment.version, (e, a) => new VersionMismatchError(e, a));
        await this.step(manager, outboxPublisher(this.outbox, manager), shipment, {
          to: dto.status,
          at: dto.at ? new Date(dto.at) : new Date(),
          place: dto.place,
          note: dto.note,
          by: user.sub,
        });
        return this.view(manager, id);
      }),
    );
  }

  /** Erases the driver's name and phone (a person's data, on request). */
  async eraseDriver(user: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const shipment = await this.lock(manager, id);
      this.assertCanSee(user, shipment, id);
      await manager.update(
        ShipmentEntity,
        { id },
        { driverName: null, driverPhone: null, version: shipment.version + 1 },
      );
    });
  }

  lock(manager: EntityManager, id: string): Promise<ShipmentEntity | null> {
    return manager.findOne(ShipmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Moves a locked shipment one step (409 with the allowed steps otherwise): a history row and an event;
   * delivered adds it to the totals; cancelled or returned gives its pledges back to the partner.
   */
  async step(
    manager: EntityManager,
    publish: PublishFn,
    shipment: ShipmentEntity,
    step: ShipmentStep,
  ): Promise<ShipmentEntity> {
    if (!canTransitionShipment(shipment.status, step.to))
      throw new InvalidShipmentTransitionError(
        shipment.status,
        step.to,
        allowedShipmentTransitions(shipment.status),
      );
    return this.recordStep(manager, publish, shipment, shipment.status, step);
  }

  /** Records a step without the lifecycle check: the receipt's own final step, and creation. */
  async recordStep(
    manager: EntityManager,
    publish: PublishFn,
    shipment: ShipmentEntity,
    from: ShipmentStatus | null,
    step: ShipmentStep,
  ): Promise<ShipmentEntity> {
    const delivered = step.to === ShipmentStatus.Delivered;
    const next: ShipmentEntity = {
      ...shipment,
      status: step.to,
      version: from === null ? shipment.version : shipment.version + 1,
      deliveredAt: delivered ? step.at : shipment.deliveredAt,
    };
    if (from !== null)
      await manager.update(
        ShipmentEntity,
        { id: shipment.id },
        { status: next.status, version: next.version, deliveredAt: next.deliveredAt },
      );
    await manager.insert(ShipmentStepEntity, {
      shipmentId: shipment.id,
      fromStatus: from,
      toStatus: step.to,
      at: step.at,
      place: step.place ?? null,
      note: step.note ?? null,
      recordedBy: step.by,
    });
    if (delivered) await this.countDelivery(manager, next, step.at);
    if (releasesPledges(step.to)) await this.releasePledges(manager, shipment.id);
    await publish(ShipmentStatusChangedV1Event, {
      shipmentId: shipment.id,
      reference: shipment.reference,
      requestId: shipment.requestId,
      hromadaId: shipment.hromadaId,
      euMunicipalityId: shipment.euMunicipalityId,
      ...(shipment.partnershipId ? { partnershipId: shipment.partnershipId } : {}),
      ...(shipment.brokeredBy ? { brokeredBy: shipment.brokeredBy } : {}),
      ...(from ? { from } : {}),
      to: step.to,
      at: step.at.toISOString(),
      ...(step.place ? { place: step.place } : {}),
      ...(step.note ? { note: step.note } : {}),
      packages: shipment.packages,
      grossWeightKg: shipment.grossWeightKg,
      ...(shipment.valueMinor !== null && shipment.currency
        ? { declaredValue: { amountMinor: shipment.valueMinor, currency: shipment.currency } }
        : {}),
      ...(shipment.expectedArrival ? { expectedArrival: shipment.expectedArrival } : {}),
    });
    return next;
  }

  async view(manager: EntityManager, id: string): Promise<ShipmentView> {
    const shipment = await manager.findOneByOrFail(ShipmentEntity, { id });
    const [lines, links, timeline] = await Promise.all([
      manager.findBy(ShipmentLineEntity, { shipmentId: id }),
      manager.findBy(ShipmentPledgeEntity, { shipmentId: id }),
      manager.find(ShipmentStepEntity, { where: { shipmentId: id }, order: { id: 'ASC' } }),
    ]);
    return toShipmentView(shipment, {
      lines,
      pledgeIds: links.map((l) => l.pledgeId),
      timeline,
      allowedTransitions: allowedShipmentTransitions(shipment.status),
    });
  }

  /** Either municipality of the shipment or a coordinator; anyone else as if it did not exist. */
  assertCanSee(user: AuthenticatedUser, shipment: ShipmentEntity | null, id: string): asserts shipment {
    if (!shipment) {
      officerMunicipality(user);
      throw new ShipmentNotFoundError(id);
    }
    assertInScope(user, [shipment.hromadaId, shipment.euMunicipalityId], () => new ShipmentNotFoundError(id));
  }

  private async countDelivery(
    manager: EntityManager,
    shipment: ShipmentEntity,
    deliveredAt: Date,
  ): Promise<void> {
    const [hromada, eu, request, lines] = await Promise.all([
      manager.findOneBy(MunicipalityProjectionEntity, { municipalityId: shipment.hromadaId }),
      manager.findOneBy(MunicipalityProjectionEntity, { municipalityId: shipment.euMunicipalityId }),
      manager.findOneBy(AidRequestEntity, { id: shipment.requestId }),
      manager.findBy(ShipmentLineEntity, { shipmentId: shipment.id }),
    ]);
    await this.totals.recordDelivery(manager, {
      partnershipId: shipment.partnershipId,
      hromadaId: shipment.hromadaId,
      euMunicipalityId: shipment.euMunicipalityId,
      euCountry: eu?.country ?? 'unknown',
      oblast: hromada?.regionName ?? 'unknown',
      deliveredAt,
      requestPublishedAt: request?.publishedAt ?? null,
      grossWeightKg: shipment.grossWeightKg,
      valueMinor: shipment.valueMinor,
      currency: shipment.currency,
      lines,
    });
  }

  /** The goods did not arrive: the pledges are open again (still promised) and may ship in another shipment. */
  private async releasePledges(manager: EntityManager, shipmentId: string): Promise<void> {
    const links = await manager.findBy(ShipmentPledgeEntity, { shipmentId });
    if (links.length === 0) return;
    await manager.update(
      PledgeEntity,
      { id: In(links.map((l) => l.pledgeId)) },
      { status: PledgeStatus.Active },
    );
    await manager.delete(ShipmentPledgeEntity, { shipmentId });
  }

  /** Shipment lines: the pledged quantities summed per request line, in the request's line order. */
  private async linesFromPledges(
    manager: EntityManager,
    requestId: string,
    pledges: readonly PledgeEntity[],
  ): Promise<Omit<ShipmentLineEntity, 'shipmentId'>[]> {
    const [requestLines, pledgeLines] = await Promise.all([
      this.requests.linesOf(manager, requestId),
      manager.findBy(PledgeLineEntity, { pledgeId: In(pledges.map((p) => p.id)) }),
    ]);
    return requestLines
      .map((line) => ({
        line,
        quantity: pledgeLines.filter((p) => p.lineId === line.id).reduce((sum, p) => sum + p.quantity, 0),
      }))
      .filter(({ quantity }) => quantity > 0)
      .map(({ line, quantity }, i) => ({
        lineNo: i + 1,
        requestLineId: line.id,
        item: line.item,
        category: line.category,
        unit: line.unit,
        quantity,
      }));
  }
}

/** The stated value, or the pledges' sum when they all declared one in the same currency. */
function declaredValue(
  dto: CreateShipmentDto,
  pledges: readonly PledgeEntity[],
): Pick<ShipmentEntity, 'valueMinor' | 'currency'> {
  if (dto.declaredValue)
    return { valueMinor: dto.declaredValue.amountMinor, currency: dto.declaredValue.currency };
  const currencies = new Set(pledges.map((p) => p.currency));
  const [currency] = currencies;
  if (currencies.size !== 1 || !currency || pledges.some((p) => p.valueMinor === null))
    return { valueMinor: null, currency: null };
  return { valueMinor: pledges.reduce((sum, p) => sum + (p.valueMinor ?? 0), 0), currency };
}
