import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatchingEnv } from '../config/matching.env';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { toEuProfile } from '../projection/profile.mapper';
import { PreparedEuPool } from '../scoring/prepared-profile';

/** The prepared EU pool and the database state it was built from. */
export interface EuPoolSnapshot {
  readonly pool: PreparedEuPool;
  readonly signature: string;
  /** When its rows were read (ms since epoch). */
  readonly readAt: number;
}

/**
 * The EU pool in the scorer's prepared form, rebuilt only when the projection or a partnership changed.
 * Every instance keeps its own copy and checks a cheap signature (max `pool_seq` of EU rows and of
 * partnerships, and the row count) before each use, so a change made by any instance is seen by all.
 */
@Injectable()
export class EuPoolCache {
  private current?: EuPoolSnapshot;
  private building?: { signature: string; snapshot: Promise<EuPoolSnapshot> };

  constructor(private readonly env: MatchingEnv) {}

  /**
   * A pool read at most MATCHING_POOL_MAX_STALENESS_MS ago, without even the signature query when one is
   * at hand. For scoring a hromada: while the registry seed streams in, the pool changes with nearly every
   * EU event, and rebuilding it per hromada would dominate. Decisions about the changed EU municipality
   * itself, rounds and the backfill use {@link get}.
   */
  async getRecent(manager: EntityManager): Promise<EuPoolSnapshot> {
    const current = this.current;
    if (current && Date.now() - current.readAt <= this.env.MATCHING_POOL_MAX_STALENESS_MS) return current;
    return this.get(manager);
  }

  /** The pool as of the database state `manager` sees now. */
  async get(manager: EntityManager): Promise<EuPoolSnapshot> {
    const signature = await this.signature(manager);
    if (this.current?.signature === signature) return this.current;
    // Handlers of several partitions that see the same change share one rebuild.
    let building = this.building;
    if (building?.signature !== signature) {
      building = { signature, snapshot: this.build(manager, signature) };
      this.building = building;
      building.snapshot.then(
        (built) => {
          if (!this.current || built.readAt >= this.current.readAt) this.current = built;
        },
        () => (this.building = undefined),
      );
    }
    return building.snapshot;
  }

  private async signature(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ eu: string; n: string; p: string }[]>(
      `SELECT (SELECT coalesce(max(pool_seq), 0) FROM municipality_projection WHERE kind = 'eu-municipality') AS eu,
              (SELECT count(*) FROM municipality_projection WHERE kind = 'eu-municipality') AS n,
              (SELECT coalesce(max(pool_seq), 0) FROM partnership) AS p`,
    );
    return `${row.eu}:${row.n}:${row.p}`;
  }

  private async build(manager: EntityManager, signature: string): Promise<EuPoolSnapshot> {
    const readAt = Date.now();
    const rows = await manager.find(MunicipalityProjectionEntity, {
      where: { kind: 'eu-municipality', active: true },
    });
    const live = await livePartnershipCounts(manager, 'eu_municipality_id');
    const profiles = rows.flatMap(
      (r) => toEuProfile(r, this.env.MATCHING_DEFAULT_EU_CAPACITY, live.get(r.municipalityId) ?? 0) ?? [],
    );
    return { pool: new PreparedEuPool(profiles), signature, readAt };
  }
}

/** Partnerships that have not ended, counted per hromada or per EU municipality. */
export async function livePartnershipCounts(
  manager: EntityManager,
  side: 'hromada_id' | 'eu_municipality_id',
  ids?: readonly string[],
): Promise<Map<string, number>> {
  const rows = await manager.query<{ id: string; n: number }[]>(
    `SELECT ${side} AS id, count(*)::int AS n FROM partnership WHERE status <> 'ended'${ids ? ` AND ${side} = ANY($1::uuid[])` : ''} GROUP BY ${side}`,
    ids ? [ids] : [],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
