import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PartnershipTrack, ProposalDecidedV1Event, ProposalDecision, ProposalSide } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { canActOnAny } from '../common/access';
import type { Page } from '@bridges/platform';
import { outboxPublisher } from '../common/publish-fn';
import { MatchingEnv } from '../config/matching.env';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import { PartnershipsService, scopeMunicipality } from '../partnerships/partnerships.service';
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
    private readonly env: MatchingEnv,
  ) {}

  /**
   * Records `decision` for the deciding side. Repeating the same decision is a no-op (safe to retry);
   * changing it, or deciding on a closed proposal, is a 409.
   */
  decide(
    user: AuthenticatedUser,
    id: string,
    decision: ProposalDecision,
    dto: DecideProposalDto,
  ): Promise<DecisionResult> {
    return this.dataSource.transaction(async (manager) => {
      const p = await manager.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw new ProposalNotFoundError(id);
      const side = resolveDecidingSide(user, p, dto.side);
      const previous = side === ProposalSide.Hromada ? p.hromadaDecision : p.euDecision;
      if (previous === decision) return { proposal: p, partnership: null };
      if (p.status !== ProposalStatus.Open) throw new ProposalNotOpenError(id, p.status);
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
      const partnership = await this.partnerships.establish(
        manager,
        publish,
        p,
        dto.track ?? PartnershipTrack.Formal,
        user.sub,
      );
      // The last free slot is taken: the municipality's other open proposals can no longer be honoured.
      const [eu] = await manager.query<{ capacity: number | null; live: number }[]>(
        `SELECT (SELECT partnership_capacity FROM municipality_projection WHERE municipality_id = $1) AS capacity,
                (SELECT count(*)::int FROM partnership WHERE eu_municipality_id = $1 AND status <> 'ended') AS live`,
        [p.euMunicipalityId],
      );
      if (eu.live >= (eu.capacity ?? this.env.MATCHING_DEFAULT_EU_CAPACITY)) {
        await this.writer.withdraw(
          manager,
          publish,
          { euMunicipalityId: p.euMunicipalityId },
          'The EU municipality has no partnership capacity left',
        );
      }
      return { proposal: p, partnership };
    });
  }

  /** One proposal with its explanation; officers see only their own municipality's. */
  async get(user: AuthenticatedUser, id: string): Promise<ProposalEntity> {
    const p = await this.dataSource.getRepository(ProposalEntity).findOneBy({ id });
    if (!p || !canActOnAny(user, p.hromadaId, p.euMunicipalityId)) throw new ProposalNotFoundError(id);
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
}
