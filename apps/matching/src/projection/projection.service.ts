import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { MunicipalityProjectionEntity } from './municipality-projection.entity';
import { toProjectionRow } from './profile.mapper';
import { decideSnapshot } from './projection.rules';

/** What applying a registry event did to the projection. */
export interface ProjectionChange {
  /** `stale`: an equal or older version was ignored; `unknown`: deactivation of a profile never seen. */
  readonly outcome: 'applied' | 'stale' | 'unknown';
  readonly before: MunicipalityProjectionEntity | null;
  readonly after: MunicipalityProjectionEntity | null;
}

/**
 * Keeps matching's projection of registry profiles. Records of one municipality arrive in order (the key
 * is its id), but redeliveries and replays do happen: the version held decides, never arrival order.
 */
@Injectable()
export class ProjectionService {
  /** Applies a full snapshot (registered or updated) unless a newer or equal version is already held. */
  async applySnapshot(manager: EntityManager, profile: MunicipalityProfileV1): Promise<ProjectionChange> {
    const before = await this.lockRow(manager, profile.municipalityId);
    if (decideSnapshot(before?.version ?? null, profile.version) === 'stale')
      return { outcome: 'stale', before, after: before };
    const row = toProjectionRow(profile);
    await manager
      .createQueryBuilder()
      .insert()
      .into(MunicipalityProjectionEntity)
      .values({ ...row, poolSeq: () => "nextval('matching_pool_seq')", updatedAt: () => 'now()' })
      .orUpdate(
        manager.connection
          .getMetadata(MunicipalityProjectionEntity)
          .columns.map((c) => c.databaseName)
          .filter((c) => c !== 'municipality_id'),
        ['municipality_id'],
      )
      .execute();
    const after = await manager.findOneByOrFail(MunicipalityProjectionEntity, {
      municipalityId: profile.municipalityId,
    });
    return { outcome: 'applied', before, after };
  }

  /** Takes the municipality out of every pool at `version`; an older deactivation is ignored. */
  async deactivate(
    manager: EntityManager,
    municipalityId: string,
    version: number,
  ): Promise<ProjectionChange> {
    const before = await this.lockRow(manager, municipalityId);
    if (!before) return { outcome: 'unknown', before: null, after: null };
    if (decideSnapshot(before.version, version) === 'stale')
      return { outcome: 'stale', before, after: before };
    await manager
      .createQueryBuilder()
      .update(MunicipalityProjectionEntity)
      .set({
        active: false,
        version,
        poolSeq: () => "nextval('matching_pool_seq')",
        updatedAt: () => 'now()',
      })
      .where({ municipalityId })
      .execute();
    const after = await manager.findOneByOrFail(MunicipalityProjectionEntity, { municipalityId });
    return { outcome: 'applied', before, after };
  }

  private lockRow(
    manager: EntityManager,
    municipalityId: string,
  ): Promise<MunicipalityProjectionEntity | null> {
    return manager.findOne(MunicipalityProjectionEntity, {
      where: { municipalityId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
