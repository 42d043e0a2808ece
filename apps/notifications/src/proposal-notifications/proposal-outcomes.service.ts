import { Injectable, Logger } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { ProposalSide, type ProposalDecidedV1 } from '@bridges/contracts';
import { DeliveryErrorCode } from '../deliveries/deliveries.errors';
import { DeliveryEntity, DeliveryState } from '../deliveries/delivery.entity';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import { closedReason, type ProposalClosedReason } from '../digest';
import { RecipientEntity } from '../directory/recipient.entity';
import { TemplateRegistry, type ProposalsDigestData } from '../templates';
import { DIGEST_PLANNER_LOCK } from './digest-planner.lock';
import { PendingProposalEntity } from './pending-proposal.entity';
import { DIGEST_TEMPLATE, ProposalDigestComposer } from './proposal-digest.composer';
import { ProposalOutcomeEntity } from './proposal-outcome.entity';

type OutcomeChange = Partial<
  Pick<ProposalOutcomeEntity, 'hromadaDecision' | 'euDecision' | 'withdrawn' | 'partnershipId'>
>;

/**
 * Remembers what became of each proposal (decided, withdrawn, turned into a partnership) and keeps
 * digests true to it. The planner leaves closed proposals out (`openFor`); a digest already queued but
 * not yet sent is re-rendered here without the proposal, in the transaction that records the outcome
 * (its row locked, so no dispatcher claims it meanwhile), or failed with DIGEST_NOTHING_OPEN when
 * nothing is left. Only a digest a dispatcher is sending at that very moment goes out as it was.
 */
@Injectable()
export class ProposalOutcomesService {
  private readonly logger = new Logger(ProposalOutcomesService.name);

  constructor(
    private readonly deliveries: DeliveryQueue,
    private readonly templates: TemplateRegistry,
    private readonly composer: ProposalDigestComposer,
  ) {}

  /** One side accepted or declined. */
  async recordDecision(manager: EntityManager, event: ProposalDecidedV1): Promise<void> {
    const change: OutcomeChange =
      event.side === ProposalSide.Hromada
        ? { hromadaDecision: event.decision }
        : { euDecision: event.decision };
    await this.record(manager, event.proposalId, change);
  }

  /** Matching withdrew the proposal (a profile change or deactivation made it stale). */
  async recordWithdrawal(manager: EntityManager, proposalId: string): Promise<void> {
    await this.record(manager, proposalId, { withdrawn: true });
  }

  /** Both sides accepted and the partnership exists. */
  async recordPartnership(manager: EntityManager, proposalId: string, partnershipId: string): Promise<void> {
    await this.record(manager, proposalId, { partnershipId });
  }

  /** Why each of these rows' proposals no longer belongs in its recipient's digest (absent: still open). */
  async closedRows(
    manager: EntityManager,
    rows: readonly Pick<PendingProposalEntity, 'id' | 'proposalId' | 'audience'>[],
  ): Promise<Map<string, ProposalClosedReason>> {
    const ids = [...new Set(rows.map((r) => r.proposalId))];
    const outcomes = new Map(
      ids.length === 0
        ? []
        : (await manager.findBy(ProposalOutcomeEntity, { proposalId: In(ids) })).map((o) => [
            o.proposalId,
            o,
          ]),
    );
    const closed = new Map<string, ProposalClosedReason>();
    for (const row of rows) {
      const reason = closedReason(outcomes.get(row.proposalId), row.audience);
      if (reason) closed.set(row.id, reason);
    }
    return closed;
  }

  private async record(manager: EntityManager, proposalId: string, change: OutcomeChange): Promise<void> {
    // Waits for a planning round in progress: once it committed, its digests show here and are revised.
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [DIGEST_PLANNER_LOCK]);
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProposalOutcomeEntity)
      .values({ proposalId, ...change })
      .orUpdate([...Object.keys(change).map(toColumn), 'updated_at'], ['proposal_id'])
      .execute();
    await this.dropFromWaitingDigests(manager, proposalId);
  }

  /** Re-renders (or fails) every digest not yet sent that lists the proposal. */
  private async dropFromWaitingDigests(manager: EntityManager, proposalId: string): Promise<void> {
    const taken = await manager.find(PendingProposalEntity, {
      where: { proposalId, digestId: Not(IsNull()) },
      select: { digestId: true },
    });
    const digestIds = [...new Set(taken.map((row) => row.digestId!))];
    if (digestIds.length === 0) return;
    const waiting = await manager.find(DeliveryEntity, {
      where: {
        sourceEventId: In(digestIds.map((id) => `digest:${id}`)),
        templateId: DIGEST_TEMPLATE,
        status: In([DeliveryState.Queued, DeliveryState.Retrying]),
      },
      // In id order: outcomes of two proposals sharing digests (consumed on different partitions) lock
      // the same rows, and would deadlock locking them in different orders.
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const delivery of waiting) await this.revise(manager, delivery);
  }

  private async revise(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    const digestId = delivery.sourceEventId.slice('digest:'.length);
    const rows = await manager.find(PendingProposalEntity, {
      where: { digestId, recipientId: delivery.recipientId },
      order: { score: 'DESC', createdAt: 'ASC' },
    });
    const closed = await this.closedRows(manager, rows);
    for (const [id, reason] of closed)
      await manager.update(PendingProposalEntity, { id }, { droppedReason: reason });
    const open = rows.filter((row) => !closed.has(row.id));
    const recipient = await manager.findOneBy(RecipientEntity, { id: delivery.recipientId });
    if (open.length === 0 || !recipient || !delivery.unsubscribeUrl) {
      Object.assign(delivery, {
        status: DeliveryState.Failed,
        lastError: DeliveryErrorCode.DigestNothingOpen,
      });
      await manager.update(
        DeliveryEntity,
        { id: delivery.id },
        { status: delivery.status, lastError: delivery.lastError, updatedAt: () => 'now()' },
      );
      await this.deliveries.publishStatus(manager, delivery);
      this.logger.log(`digest ${digestId}: every proposal was decided or withdrawn before it was sent`);
      return;
    }
    const data = this.composer.data(
      recipient,
      open[0].audience,
      uniqueByProposal(open).map((row) => row.item),
    );
    const rendered = this.templates.render<ProposalsDigestData>(
      DIGEST_TEMPLATE,
      { ...data, unsubscribeUrl: delivery.unsubscribeUrl },
      delivery.locale,
    );
    await manager.update(
      DeliveryEntity,
      { id: delivery.id },
      {
        subject: rendered.subject,
        body: rendered.text,
        html: rendered.html,
        templateVersion: rendered.templateVersion,
        updatedAt: () => 'now()',
      },
    );
  }
}

/** A re-scored proposal queued twice shows once, as the planner did (rows come best first). */
function uniqueByProposal(rows: readonly PendingProposalEntity[]): PendingProposalEntity[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.proposalId) && seen.add(row.proposalId));
}

function toColumn(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
