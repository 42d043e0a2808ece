import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  MunicipalityKind,
  PledgeFlaggedV1Event,
  PledgeMadeV1Event,
  PledgeWithdrawnV1Event,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { AidRequestAccess } from '../aid-requests/aid-request.access';
import { AidRequestEntity } from '../aid-requests/aid-request.entity';
import { PLEDGEABLE_STATUSES } from '../aid-requests/aid-request.rules';
import { AidRequestNotFoundError, AidRequestNotPledgeableError } from '../aid-requests/aid-requests.errors';
import { AidRequestsService } from '../aid-requests/aid-requests.service';
import { assertInScope, isLogisticsCoordinator, officerMunicipality } from '../common/access';
import { MunicipalityUnknownError, PartnershipNotActiveError } from '../common/logistics.errors';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { IdempotentCommands, type CommandResult } from '../idempotency/idempotent-commands';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { PartnershipProjectionService } from '../projection/partnership-projection.service';
import type { CreatePledgeDto } from './dto/create-pledge.dto';
import type { WithdrawPledgeDto } from './dto/withdraw-pledge.dto';
import { PledgeLineEntity } from './pledge-line.entity';
import { PledgeEntity, PledgeStatus } from './pledge.entity';
import { toPledgeView, type PledgeView } from './pledge.view';
import {
  BrokeredByCoordinatorsOnlyError,
  NotAnEuMunicipalityError,
  PledgeExceedsUnpledgedError,
  PledgeNotActiveError,
  PledgeNotFoundError,
  UnknownRequestLineError,
} from './pledges.errors';

/**
 * Pledges against request lines. Every pledge first locks its request row, so pledges of one request are
 * applied one after another on any number of instances; each line then takes its quantity with a
 * conditional UPDATE (`pledged + q <= quantity`), and a CHECK constraint on the table refuses anything
 * beyond — three layers, the last two of them the database's own.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly commands: IdempotentCommands,
    private readonly requests: AidRequestsService,
    private readonly access: AidRequestAccess,
    private readonly partnerships: PartnershipProjectionService,
  ) {}

  create(
    user: AuthenticatedUser,
    requestId: string,
    dto: CreatePledgeDto,
    idempotencyKey: string | undefined,
  ): Promise<CommandResult<PledgeView>> {
    const own = officerMunicipality(user);
    if (own && dto.brokeredBy) throw new BrokeredByCoordinatorsOnlyError();
    const euId = dto.euMunicipalityId ?? own;
    if (!euId) throw new MunicipalityUnknownError('(euMunicipalityId is required for a coordinator)');
    assertInScope(user, [euId]);
    return this.commands.run(
      {
        principal: user.sub,
        key: idempotencyKey,
        name: `POST /aid-requests/${requestId}/pledges`,
        request: dto,
      },
      async (manager) => {
        // Checks that do not depend on what other pledges do run before the request lock, so the lock is
        // held only for the part that must be serialized (status, quantities, events).
        const found = await manager.findOneBy(AidRequestEntity, { id: requestId });
        if (!found) throw new AidRequestNotFoundError(requestId);
        await this.access.assertCanSee(manager, user, found);
        const eu = await manager.findOneBy(MunicipalityProjectionEntity, { municipalityId: euId });
        if (!eu) throw new MunicipalityUnknownError(euId);
        if (eu.kind !== MunicipalityKind.EuMunicipality) throw new NotAnEuMunicipalityError(euId);
        const partnership = await this.partnerships.findFlowing(manager, found.hromadaId, euId);
        if (!partnership && !(isLogisticsCoordinator(user) && dto.brokeredBy))
          throw new PartnershipNotActiveError(found.hromadaId, euId);

        const lines = await this.requests.linesOf(manager, requestId);
        const seen = new Set<string>();
        for (const l of dto.lines) {
          if (seen.has(l.lineId) || !lines.some((line) => line.id === l.lineId))
            throw new UnknownRequestLineError(l.lineId);
          seen.add(l.lineId);
        }
        // In line order, so two pledges of one request never lock lines in opposite orders.
        const ordered = [...dto.lines].sort(
          (a, b) => lines.findIndex((l) => l.id === a.lineId) - lines.findIndex((l) => l.id === b.lineId),
        );
        const request = await this.requests.lock(manager, requestId);
        if (!request) throw new AidRequestNotFoundError(requestId);
        if (!PLEDGEABLE_STATUSES.includes(request.status))
          throw new AidRequestNotPledgeableError(requestId, request.status);
        for (const l of ordered) await this.take(manager, requestId, l.lineId, l.quantity);

        const now = new Date();
        const pledge: PledgeEntity = {
          id: randomUUID(),
          requestId,
          hromadaId: request.hromadaId,
          euMunicipalityId: euId,
          partnershipId: partnership?.partnershipId ?? null,
          brokeredBy: dto.brokeredBy ?? null,
          status: PledgeStatus.Active,
          valueMinor: dto.declaredValue?.amountMinor ?? null,
          currency: dto.declaredValue?.currency ?? null,
          note: dto.note ?? null,
          flaggedPartnershipStatus: null,
          flaggedAt: null,
          createdBy: user.sub,
          createdAt: now,
          withdrawnAt: null,
        };
        await manager.insert(PledgeEntity, pledge);
        const pledgeLines = ordered.map((l) => ({
          pledgeId: pledge.id,
          lineId: l.lineId,
          quantity: l.quantity,
        }));
        await manager.insert(PledgeLineEntity, pledgeLines);
        const publish = outboxPublisher(this.outbox, manager);
        await publish(PledgeMadeV1Event, {
          pledgeId: pledge.id,
          requestId,
          hromadaId: request.hromadaId,
          euMunicipalityId: euId,
          ...(pledge.partnershipId ? { partnershipId: pledge.partnershipId } : {}),
          ...(pledge.brokeredBy ? { brokeredBy: pledge.brokeredBy } : {}),
          lines: pledgeLines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
          ...(dto.declaredValue ? { declaredValue: { ...dto.declaredValue } } : {}),
          pledgedAt: now.toISOString(),
        });
        await this.requests.settleStatus(manager, publish, request, user.sub);
        return toPledgeView(pledge, pledgeLines);
      },
    );
  }

  async get(user: AuthenticatedUser, id: string): Promise<PledgeView> {
    const pledge = await this.dataSource.manager.findOneBy(PledgeEntity, { id });
    if (!pledge) {
      officerMunicipality(user);
      throw new PledgeNotFoundError(id);
    }
    assertInScope(user, [pledge.hromadaId, pledge.euMunicipalityId], () => new PledgeNotFoundError(id));
    return toPledgeView(pledge, await this.dataSource.manager.findBy(PledgeLineEntity, { pledgeId: id }));
  }

  async listForRequest(user: AuthenticatedUser, requestId: string): Promise<PledgeView[]> {
    const manager = this.dataSource.manager;
    const request = await manager.findOneBy(AidRequestEntity, { id: requestId });
    if (!request) {
      officerMunicipality(user);
      throw new AidRequestNotFoundError(requestId);
    }
    await this.access.assertCanSee(manager, user, request);
    const pledges = await manager.find(PledgeEntity, { where: { requestId }, order: { createdAt: 'ASC' } });
    const visible = pledges.filter((p) => canSeePledge(user, p));
    const lines = visible.length
      ? await manager
          .createQueryBuilder(PledgeLineEntity, 'l')
          .where('l.pledge_id IN (:...ids)', { ids: visible.map((p) => p.id) })
          .getMany()
      : [];
    return visible.map((p) =>
      toPledgeView(
        p,
        lines.filter((l) => l.pledgeId === p.id),
      ),
    );
  }

  /** Withdraws a pledge not yet shipped (its EU municipality's officer or a coordinator); quantities return. */
  withdraw(user: AuthenticatedUser, id: string, dto: WithdrawPledgeDto): Promise<PledgeView> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        const found = await manager.findOneBy(PledgeEntity, { id });
        if (!found) {
          officerMunicipality(user);
          throw new PledgeNotFoundError(id);
        }
        assertInScope(user, [found.euMunicipalityId], () => new PledgeNotFoundError(id));
        // Lock order of every request change: the request, then its pledges and lines.
        const request = await this.requests.lock(manager, found.requestId);
        const pledge = await manager.findOneOrFail(PledgeEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!request) throw new PledgeNotFoundError(id);
        if (pledge.status !== PledgeStatus.Active) throw new PledgeNotActiveError(id, pledge.status);
        const lines = await manager.findBy(PledgeLineEntity, { pledgeId: id });
        for (const l of lines)
          await manager.query(`UPDATE aid_request_line SET pledged = pledged - $1 WHERE id = $2`, [
            l.quantity,
            l.lineId,
          ]);
        const now = new Date();
        await manager.update(PledgeEntity, { id }, { status: PledgeStatus.Withdrawn, withdrawnAt: now });
        const publish = outboxPublisher(this.outbox, manager);
        await publish(PledgeWithdrawnV1Event, {
          pledgeId: id,
          requestId: pledge.requestId,
          hromadaId: pledge.hromadaId,
          euMunicipalityId: pledge.euMunicipalityId,
          ...(dto.reason ? { reason: dto.reason } : {}),
          withdrawnAt: now.toISOString(),
        });
        await this.requests.settleStatus(manager, publish, request, user.sub);
        return toPledgeView({ ...pledge, status: PledgeStatus.Withdrawn, withdrawnAt: now }, lines);
      }),
    );
  }

  /**
   * The partnership went dormant or ended: its open pledges are flagged (once) and announced, so the hromada
   * and the coordinators decide about them; nothing is dropped.
   */
  async flagOpenPledges(
    manager: EntityManager,
    publish: PublishFn,
    event: PartnershipStatusChangedV1,
  ): Promise<void> {
    const [rows] = (await manager.query<unknown>(
      `UPDATE pledge SET flagged_partnership_status = $2, flagged_at = $3
        WHERE partnership_id = $1 AND status = 'active' AND flagged_partnership_status IS DISTINCT FROM $2
        RETURNING id, request_id, hromada_id, eu_municipality_id`,
      [event.partnershipId, event.to, new Date(event.changedAt)],
    )) as [{ id: string; request_id: string; hromada_id: string; eu_municipality_id: string }[], number];
    for (const row of rows)
      await publish(PledgeFlaggedV1Event, {
        pledgeId: row.id,
        requestId: row.request_id,
        hromadaId: row.hromada_id,
        euMunicipalityId: row.eu_municipality_id,
        partnershipId: event.partnershipId,
        partnershipStatus: event.to,
        flaggedAt: event.changedAt,
      });
  }

  /** Takes `quantity` of a line if that much is still unpledged; 409 with what is left otherwise. */
  private async take(
    manager: EntityManager,
    requestId: string,
    lineId: string,
    quantity: number,
  ): Promise<void> {
    const [rows] = (await manager.query<unknown>(
      `UPDATE aid_request_line SET pledged = pledged + $3
        WHERE id = $1 AND request_id = $2 AND pledged + $3 <= quantity
        RETURNING pledged`,
      [lineId, requestId, quantity],
    )) as [unknown[], number];
    if (rows.length > 0) return;
    const [line] = (await manager.query<unknown>(
      `SELECT quantity - pledged AS remaining FROM aid_request_line WHERE id = $1`,
      [lineId],
    )) as { remaining: number }[];
    throw new PledgeExceedsUnpledgedError(lineId, quantity, line?.remaining ?? 0);
  }
}

function canSeePledge(user: AuthenticatedUser, pledge: PledgeEntity): boolean {
  if (isLogisticsCoordinator(user)) return true;
  return user.municipalityId === pledge.hromadaId || user.municipalityId === pledge.euMunicipalityId;
}
