import { toPartnershipView, type Parties } from '../partnerships/partnership.view';
import type { DecisionResponseDto, ProposalResponseDto } from './dto/proposal-response.dto';
import type { ProposalEntity } from './proposal.entity';
import type { DecisionResult } from './proposals.service';

/** A proposal as the API shows it, field by field, with both sides named (summaries by id). */
export function toProposalView(p: ProposalEntity, parties: Parties): ProposalResponseDto {
  return {
    id: p.id,
    campaignId: p.campaignId,
    hromadaId: p.hromadaId,
    euMunicipalityId: p.euMunicipalityId,
    hromada: parties.get(p.hromadaId) ?? null,
    euMunicipality: parties.get(p.euMunicipalityId) ?? null,
    score: p.score,
    rank: p.rank,
    mode: p.mode,
    roundId: p.roundId,
    factors: p.factors,
    status: p.status,
    hromadaDecision: p.hromadaDecision,
    hromadaDecidedBy: p.hromadaDecidedBy,
    euDecision: p.euDecision,
    euDecidedBy: p.euDecidedBy,
    closedReason: p.closedReason,
    closedAt: p.closedAt,
    createdAt: p.createdAt,
  };
}

/** A decision's outcome: the proposal and, after the second acceptance, the partnership. */
export function toDecisionView(result: DecisionResult, parties: Parties): DecisionResponseDto {
  return {
    proposal: toProposalView(result.proposal, parties),
    partnership: result.partnership ? toPartnershipView(result.partnership, parties) : null,
  };
}
