import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProposalSide } from '@bridges/contracts';
import { MatchingEnv } from '../config/matching.env';

/** One side of a pair as locked for a decision: how many live partnerships it may have (null: no limit). */
export interface LockedSide {
  readonly municipalityId: string;
  readonly capacity: number | null;
}

/**
 * Both municipalities of a pair, their projection rows locked by {@link PartnershipCapacity.lockPair} in
 * this transaction. `PartnershipsService.establish` takes one: it cannot be called without the locks.
 */
export interface LockedPair {
  readonly hromada: LockedSide;
  readonly eu: LockedSide;
}

/** Live (not ended) partnerships of each side of a pair. */
export interface LiveCounts {
  readonly hromada: number;
  readonly eu: number;
}

/**
 * Partnership capacity, held under concurrency by the database. Whoever may establish a partnership first
 * locks both municipalities' projection rows (`FOR NO KEY UPDATE`, always in municipality-id order, so two
 * decisions never wait on each other in a cycle), and only then counts live partnerships against capacity
 * and inserts. Every instance takes the same row locks, so at most one establishment per municipality is
 * in flight, and the count it reads includes every partnership committed before it. A registry update of
 * the same municipality takes the same row lock, so a capacity change is never read half-way.
 *
 * Capacity is derived, not stored: an EU municipality's is its profile's `partnershipCapacity` (or
 * `MATCHING_DEFAULT_EU_CAPACITY`), a hromada's its profile's when one is stated (none: no limit), and it is
 * used by partnerships that have not ended. Ending one frees its slot; dormant ↔ active changes nothing.
 */
@Injectable()
export class PartnershipCapacity {
  constructor(private readonly env: MatchingEnv) {}

  /** Locks both projection rows of the pair (id order) for the rest of the transaction. */
  async lockPair(manager: EntityManager, hromadaId: string, euMunicipalityId: string): Promise<LockedPair> {
    const rows = await manager.query<{ municipality_id: string; partnership_capacity: number | null }[]>(
      `SELECT municipality_id, partnership_capacity FROM municipality_projection
        WHERE municipality_id = ANY($1::uuid[])
        ORDER BY municipality_id
          FOR NO KEY UPDATE`,
      [[hromadaId, euMunicipalityId]],
    );
    // Projection rows are never deleted (deactivated ones stay), so a proposal's two rows are both here.
    const stated = (id: string) => rows.find((r) => r.municipality_id === id)?.partnership_capacity ?? null;
    return {
      hromada: { municipalityId: hromadaId, capacity: stated(hromadaId) },
      eu: {
        municipalityId: euMunicipalityId,
        capacity: stated(euMunicipalityId) ?? this.env.MATCHING_DEFAULT_EU_CAPACITY,
      },
    };
  }

  /** Live partnerships of each side, read under the pair's locks. */
  async liveCounts(manager: EntityManager, pair: LockedPair): Promise<LiveCounts> {
    const [row] = await manager.query<{ hromada: number; eu: number }[]>(
      `SELECT count(*) FILTER (WHERE hromada_id = $1)::int AS hromada,
              count(*) FILTER (WHERE eu_municipality_id = $2)::int AS eu
         FROM partnership
        WHERE status <> 'ended' AND (hromada_id = $1 OR eu_municipality_id = $2)`,
      [pair.hromada.municipalityId, pair.eu.municipalityId],
    );
    return { hromada: row?.hromada ?? 0, eu: row?.eu ?? 0 };
  }

  /** The sides with no free slot left at `live`. */
  fullSides(pair: LockedPair, live: LiveCounts): ProposalSide[] {
    const full: ProposalSide[] = [];
    if (pair.hromada.capacity !== null && live.hromada >= pair.hromada.capacity)
      full.push(ProposalSide.Hromada);
    if (pair.eu.capacity !== null && live.eu >= pair.eu.capacity) full.push(ProposalSide.EuMunicipality);
    return full;
  }
}
