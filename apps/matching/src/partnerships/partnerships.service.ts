import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Not, type DataSource, type EntityManager } from 'typeorm';
import {
  PartnershipEstablishedV1Event,
  PartnershipRecordedV1Event,
  PartnershipStatus,
  PartnershipStatusChangedV1Event,
  ProposalSide,
  type PartnershipTrack,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { assertInScope, scopeMunicipality } from '../common/access';
import type { Page } from '@bridges/platform';
import { outboxPublisher, type PublishFn } from '../common/publish-fn';
import type { ProposalEntity } from '../proposals/proposal.entity';
import { PartnershipOrigin } from './partnership-origin';
import type { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import type { ChangePartnershipTrackDto } from './dto/change-partnership-track.dto';
import type { ListPartnershipsDto } from './dto/list-partnerships.dto';
import { PartnershipCapacity, type LockedPair } from './partnership-capacity';
import { allowedTransitions, canTransition } from './partnership.lifecycle';
import { PartnershipEntity } from './partnership.entity';
import { PartnershipTransitionEntity } from './partnership-transition.entity';
import {
  InvalidPartnershipTransitionError,
  PairAlreadyPartneredError,
  PartnershipCapacityExhaustedError,
  PartnershipNotFoundError,
  TrackUnchangedError,
} from './partnerships.errors';

/** A partnership with its history, oldest step first. */
export interface PartnershipWithHistory extends PartnershipEntity {
  readonly history: PartnershipTransitionEntity[];
  readonly allowedTransitions: readonly PartnershipStatus[];
}

/** A partnership just established, and the sides it left with no free slot. */
export interface Establishment {
  readonly partnership: PartnershipEntity;
  readonly fullSides: readonly ProposalSide[];
}

/**
 * Partnerships: established from a proposal both sides accepted, then moved through their lifecycle by a
 * coordinator or an officer of either side. Every step is a history row and an event, in one transaction.
 */
@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly capacity: PartnershipCapacity,
  ) {}

  /**
   * Establishes the partnership of an accepted proposal (caller's transaction): one row, one history step,
   * one event. `pair` proves the caller holds both municipalities' locks ({@link PartnershipCapacity}), so
   * the pair check and the capacity count below cannot be overtaken by another instance; 409 when the pair
   * already has a live partnership or a side has no free slot.
   */
  async establish(
    manager: EntityManager,
    publish: PublishFn,
    proposal: ProposalEntity,
    pair: LockedPair,
    track: PartnershipTrack,
    by: string,
  ): Promise<Establishment> {
    if (
      pair.hromada.municipalityId !== proposal.hromadaId ||
      pair.eu.municipalityId !== proposal.euMunicipalityId
    )
      throw new Error(`The locked pair is not the pair of proposal ${proposal.id}`);
    return this.insertLive(manager, publish, pair, {
      origin: PartnershipOrigin.Matching,
      proposalId: proposal.id,
      campaignId: proposal.campaignId,
      track,
      establishedAt: new Date(),
      note: null,
      by,
      reason: 'Both sides accepted the proposal',
    });
  }

  /**
   * Records a partnership formed before or outside Bridges (caller's transaction, `pair` locked by
   * {@link PartnershipCapacity.lockPair}): the same pair and capacity rules, row, history step and event
   * as an established one, with origin `recorded` and no proposal or campaign.
   */
  recordExisting(
    manager: EntityManager,
    publish: PublishFn,
    pair: LockedPair,
    recorded: { track: PartnershipTrack; establishedAt: Date; note: string | null; by: string },
  ): Promise<Establishment> {
    return this.insertLive(manager, publish, pair, {
      ...recorded,
      origin: PartnershipOrigin.Recorded,
      proposalId: null,
      campaignId: null,
      reason: 'Recorded by a coordinator: formed before or outside Bridges',
    });
  }

  /** The one way a live partnership is inserted: 409 when the pair has one already or a side is full. */
  private async insertLive(
    manager: EntityManager,
    publish: PublishFn,
    pair: LockedPair,
    p: {
      origin: PartnershipOrigin;
      proposalId: string | null;
      campaignId: string | null;
      track: PartnershipTrack;
      establishedAt: Date;
      note: string | null;
      by: string;
      reason: string;
    },
  ): Promise<Establishment> {
    const hromadaId = pair.hromada.municipalityId;
    const euMunicipalityId = pair.eu.municipalityId;
    const live = await manager.existsBy(PartnershipEntity, {
      hromadaId,
      euMunicipalityId,
      status: Not(PartnershipStatus.Ended),
    });
    if (live) throw new PairAlreadyPartneredError(hromadaId, euMunicipalityId);
    const before = await this.capacity.liveCounts(manager, pair);
    const [full] = this.capacity.fullSides(pair, before);
    if (full) {
      const { municipalityId, capacity } = full === ProposalSide.Hromada ? pair.hromada : pair.eu;
      throw new PartnershipCapacityExhaustedError(full, municipalityId, capacity ?? 0);
    }
    const now = new Date();
    const partnership: Omit<PartnershipEntity, 'poolSeq'> = {
      id: randomUUID(),
      proposalId: p.proposalId,
      campaignId: p.campaignId,
      hromadaId,
      euMunicipalityId,
      status: PartnershipStatus.Established,
      track: p.track,
      establishedAt: p.establishedAt,
      updatedAt: now,
      origin: p.origin,
      note: p.note,
    };
    await manager.insert(PartnershipEntity, partnership);
    await manager.insert(PartnershipTransitionEntity, {
      partnershipId: partnership.id,
      fromStatus: null,
      toStatus: PartnershipStatus.Established,
      track: p.track,
      changedBy: p.by,
      reason: p.reason,
      changedAt: now,
    });
    const announced = {
      partnershipId: partnership.id,
      hromadaId,
      euMunicipalityId,
      track: p.track,
      establishedAt: p.establishedAt.toISOString(),
    };
    // A recorded partnership has neither: it is announced as such, not as an accepted proposal.
    if (p.proposalId && p.campaignId) {
      await publish(PartnershipEstablishedV1Event, {
        ...announced,
        proposalId: p.proposalId,
        campaignId: p.campaignId,
      });
    } else {
      await publish(PartnershipRecordedV1Event, announced);
    }
    const after = { hromada: before.hromada + 1, eu: before.eu + 1 };
    return {
      partnership: await manager.findOneByOrFail(PartnershipEntity, { id: partnership.id }),
      fullSides: this.capacity.fullSides(pair, after),
    };
  }

  /** Moves a partnership one lifecycle step; 409 with the allowed steps when that step does not exist. */
  changeStatus(
    user: AuthenticatedUser,
    id: string,
    dto: ChangePartnershipStatusDto,
  ): Promise<PartnershipWithHistory> {
    return this.dataSource.transaction(async (manager) => {
      const p = await this.lockForChange(manager, user, id);
      if (!canTransition(p.status, dto.status))
        throw new InvalidPartnershipTransitionError(p.status, dto.status, allowedTransitions(p.status));
      await this.record(manager, user, p, dto.status, p.track, dto.reason);
      return this.withHistory(manager, id);
    });
  }

  /** Switches between the formal and the solidarity track (not once ended); an event with from = to = status. */
  changeTrack(
    user: AuthenticatedUser,
    id: string,
    dto: ChangePartnershipTrackDto,
  ): Promise<PartnershipWithHistory> {
    return this.dataSource.transaction(async (manager) => {
      const p = await this.lockForChange(manager, user, id);
      if (p.status === PartnershipStatus.Ended)
        throw new InvalidPartnershipTransitionError(p.status, p.status, []);
      if (p.track === dto.track) throw new TrackUnchangedError(p.track);
      await this.record(manager, user, p, p.status, dto.track, dto.reason);
      return this.withHistory(manager, id);
    });
  }

  /** One partnership with its history; officers only see their own municipality's. */
  async get(user: AuthenticatedUser, id: string): Promise<PartnershipWithHistory> {
    const p = await this.withHistory(this.dataSource.manager, id);
    assertInScope(user, [p.hromadaId, p.euMunicipalityId], () => new PartnershipNotFoundError(id));
    return p;
  }

  /** Partnerships, newest first, filtered; an officer's list is limited to their municipality. */
  async list(user: AuthenticatedUser, query: ListPartnershipsDto): Promise<Page<PartnershipEntity>> {
    const municipalityId = scopeMunicipality(user, query.municipalityId);
    const qb = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p');
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.campaignId) qb.andWhere('p.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (municipalityId)
      qb.andWhere('(p.hromada_id = :m OR p.eu_municipality_id = :m)', { m: municipalityId });
    const [items, total] = await qb
      .orderBy('p.established_at', 'DESC')
      .addOrderBy('p.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async lockForChange(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<PartnershipEntity> {
    const p = await manager.findOne(PartnershipEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!p) throw new PartnershipNotFoundError(id);
    assertInScope(user, [p.hromadaId, p.euMunicipalityId], () => new PartnershipNotFoundError(id));
    return p;
  }

  private async record(
    manager: EntityManager,
    user: AuthenticatedUser,
    p: PartnershipEntity,
    to: PartnershipStatus,
    track: PartnershipTrack,
    reason: string | undefined,
  ): Promise<void> {
    const now = new Date();
    await manager
      .createQueryBuilder()
      .update(PartnershipEntity)
      .set({ status: to, track, updatedAt: now, poolSeq: () => "nextval('matching_pool_seq')" })
      .where({ id: p.id })
      .execute();
    await manager.insert(PartnershipTransitionEntity, {
      partnershipId: p.id,
      fromStatus: p.status,
      toStatus: to,
      track,
      changedBy: user.sub,
      reason: reason ?? null,
      changedAt: now,
    });
    await outboxPublisher(this.outbox, manager)(PartnershipStatusChangedV1Event, {
      partnershipId: p.id,
      hromadaId: p.hromadaId,
      euMunicipalityId: p.euMunicipalityId,
      from: p.status,
      to,
      track,
      changedAt: now.toISOString(),
      changedBy: user.sub.slice(0, 200),
      ...(reason ? { reason } : {}),
    });
  }

  private async withHistory(manager: EntityManager, id: string): Promise<PartnershipWithHistory> {
    const p = await manager.findOneBy(PartnershipEntity, { id });
    if (!p) throw new PartnershipNotFoundError(id);
    const history = await manager.find(PartnershipTransitionEntity, {
      where: { partnershipId: id },
      order: { id: 'ASC' },
    });
    return { ...p, history, allowedTransitions: allowedTransitions(p.status) };
  }
}
