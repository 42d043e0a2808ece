import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PartnershipTrack, ProposalDecidedV1Event, ProposalDecision, ProposalSide } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser, Page } from '@bridges/platform';
import { assertInScope, scopeMunicipality } from '../common/access';
import { outboxPublisher } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { PartnershipCapacity, type LockedPair } from '../partnerships/partnership-capacity';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import type { DecideProposalDto } from './dto/decide-proposal.dto';
import type { ListProposalsDto } from './dto/list-proposals.dto';
import { ProposalEntity, ProposalStatus } from './proposal.entity';
import { ProposalWriter } from './proposal.writer';
import { resolveDecidingSide } from './proposal-side';
import { ProposalAlreadyDecidedError, ProposalNotFoundError, ProposalNotOpenError } from './proposals.errors';

/** The outcome of one side's decision. */
export interface DecisionResult {
  readonly proposal: ProposalEntity;
  /** Set when this decision was the second acceptance. */
  readonly partnership: PartnershipEntity | null;
}

/**
 * Proposals as the console sees them, and each side's decision: a decline closes the proposal; the second
 * acceptance establishes the partnership in the same transaction (one event each).
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly partnerships: PartnershipsService,
    private readonly writer: ProposalWriter,
    private readonly capacity: PartnershipCapacity,
  ) {}

  /**
   * Records `decision` for the deciding side. Repeating the same decision is a no-op (safe to retry);
   * changing it, or deciding on a closed proposal, is a 409.
   *
   * Locks, always in this order so that concurrent decisions never deadlock: both municipalities'
   * projection rows (id order, see {@link PartnershipCapacity}), then the proposal, then (when a side
   * fills up) the other open proposals in id order ({@link ProposalWriter.withdrawEach}). A decision that
   * waited behind another one for the same municipality sees what that one committed: a proposal it
   * withdrew is a 409 PROPOSAL_NOT_OPEN, a full side a 409 PARTNERSHIP_CAPACITY_EXHAUSTED. Should
   * PostgreSQL still abort the transaction for contention, it runs again, then answers 409.
   */
  decide(
    user: AuthenticatedUser,
    id: string,
    decision: ProposalDecision,
    dto: DecideProposalDto,
  ): Promise<DecisionResult> {
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        // The pair of a proposal never changes: read it unlocked to know which municipalities to lock first.
        const pair = await manager.findOne(ProposalEntity, {
          where: { id },
          select: { id: true, hromadaId: true, euMunicipalityId: true },
        });
        if (!pair) throw new ProposalNotFoundError(id);
        assertInScope(user, [pair.hromadaId, pair.euMunicipalityId], () => new ProposalNotFoundError(id));
        const locked = await this.capacity.lockPair(manager, pair.hromadaId, pair.euMunicipalityId);
        const p = await manager.findOneOrFail(ProposalEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        return this.record(manager, user, p, locked, decision, dto);
      }),
    );
  }

  /** One proposal with its explanation; officers see only their own municipality's. */
  async get(user: AuthenticatedUser, id: string): Promise<ProposalEntity> {
    const p = await this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
    if (!p) throw new ProposalNotFoundError(id);
    assertInScope(user, [p.hromadaId, p.euMunicipalityId], () => new ProposalNotFoundError(id));
    return p;
  }

  /** Proposals by campaign and status, best first within a hromada, newest hromada first. */
  async list(user: AuthenticatedUser, query: ListProposalsDto): Promise<Page<ProposalEntity>> {
    const municipalityId = scopeMunicipality(user, query.municipalityId);
    const qb = this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p');
    if (query.campaignId) qb.andWhere('p.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.roundId) qb.andWhere('p.round_id = :roundId', { roundId: query.roundId });
    if (municipalityId)
      qb.andWhere('(p.hromada_id = :m OR p.eu_municipality_id = :m)', { m: municipalityId });
    const [items, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.hromada_id')
      .addOrderBy('p.rank')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The decision on the locked proposal `p`; establishes the partnership on the second acceptance. */
  private async record(
    manager: EntityManager,
    user: AuthenticatedUser,
    p: ProposalEntity,
    pair: LockedPair,
    decision: ProposalDecision,
    dto: DecideProposalDto,
  ): Promise<DecisionResult> {
    const side = resolveDecidingSide(user, p, dto.side);
    const previous = side === ProposalSide.Hromada ? p.hromadaDecision : p.euDecision;
    if (previous === decision) return { proposal: p, partnership: null };
    if (p.status !== ProposalStatus.Open) throw new ProposalNotOpenError(p.id, p.status, p.closedReason);
    if (previous) throw new ProposalAlreadyDecidedError(side, previous);

    const publish = outboxPublisher(this.outbox, manager);
    const now = new Date();
    if (side === ProposalSide.Hromada) {
      p.hromadaDecision = decision;
      p.hromadaDecidedBy = user.sub;
    } else {
      p.euDecision = decision;
      p.euDecidedBy = user.sub;
    }
    if (decision === ProposalDecision.Declined) {
      p.status = ProposalStatus.Declined;
      p.closedReason = dto.reason ?? `Declined by the ${side} side`;
      p.closedAt = now;
    } else if (
      p.hromadaDecision === ProposalDecision.Accepted &&
      p.euDecision === ProposalDecision.Accepted
    ) {
      p.status = ProposalStatus.Accepted;
      p.closedAt = now;
    }
    await manager.save(ProposalEntity, p);
    await publish(ProposalDecidedV1Event, {
      proposalId: p.id,
      side,
      decision,
      decidedBy: user.sub.slice(0, 200),
      ...(dto.reason ? { reason: dto.reason } : {}),
    });
    if (p.status !== ProposalStatus.Accepted) return { proposal: p, partnership: null };
    const { partnership, fullSides } = await this.partnerships.establish(
      manager,
      publish,
      p,
      pair,
      dto.track ?? PartnershipTrack.Formal,
      user.sub,
    );
    // The pair is partnered, and a side may have taken its last free slot.
    await this.writer.withdrawOvertakenBy(manager, publish, p, fullSides);
    return { proposal: p, partnership };
  }
}
