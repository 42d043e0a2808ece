import type { MunicipalitySummaryDto } from '../municipality-summaries/dto/municipality-summary.dto';
import type {
  PartnershipDetailResponseDto,
  PartnershipResponseDto,
  PartnershipTransitionDto,
} from './dto/partnership-response.dto';
import type { PartnershipTransitionEntity } from './partnership-transition.entity';
import type { PartnershipEntity } from './partnership.entity';
import type { PartnershipWithHistory } from './partnerships.service';

/** Municipality summaries by id, as `MunicipalitySummaries.byIds` returns them. */
export type Parties = ReadonlyMap<string, MunicipalitySummaryDto>;

/**
 * A partnership as the API shows it: field by field, so bookkeeping columns (the EU pool's `poolSeq`)
 * never reach a response, with both sides named.
 */
export function toPartnershipView(p: PartnershipEntity, parties: Parties): PartnershipResponseDto {
  return {
    id: p.id,
    proposalId: p.proposalId,
    campaignId: p.campaignId,
    hromadaId: p.hromadaId,
    euMunicipalityId: p.euMunicipalityId,
    hromada: parties.get(p.hromadaId) ?? null,
    euMunicipality: parties.get(p.euMunicipalityId) ?? null,
    status: p.status,
    track: p.track,
    origin: p.origin,
    note: p.note,
    establishedAt: p.establishedAt,
    updatedAt: p.updatedAt,
  };
}

/** {@link toPartnershipView} with the history and the steps allowed now. */
export function toPartnershipDetailView(
  p: PartnershipWithHistory,
  parties: Parties,
): PartnershipDetailResponseDto {
  return {
    ...toPartnershipView(p, parties),
    history: p.history.map(toTransitionView),
    allowedTransitions: [...p.allowedTransitions],
  };
}

function toTransitionView(t: PartnershipTransitionEntity): PartnershipTransitionDto {
  return {
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    track: t.track,
    changedBy: t.changedBy,
    reason: t.reason,
    changedAt: t.changedAt,
  };
}

/** Both sides' ids of some partnerships or proposals, to fetch their summaries in one query. */
export function partyIds(rows: readonly { hromadaId: string; euMunicipalityId: string }[]): string[] {
  return rows.flatMap((r) => [r.hromadaId, r.euMunicipalityId]);
}
