import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  PartnershipStatus,
  type PartnershipEstablishedV1,
  type PartnershipRecordedV1,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { MunicipalityProjectionEntity } from './municipality-projection.entity';
import { PartnershipProjectionEntity } from './partnership-projection.entity';
import { PartnerNotProjectedYetError } from './projection.errors';

/**
 * Partnership statuses in which aid flows: established (the partnership email promises pledges from then
 * on) and active (agreement signed). Dormant and ended partnerships take no new pledges or shipments.
 */
export const AID_FLOWING_STATUSES: readonly PartnershipStatus[] = [
  PartnershipStatus.Established,
  PartnershipStatus.Active,
];

export function aidFlows(status: PartnershipStatus): boolean {
  return AID_FLOWING_STATUSES.includes(status);
}

/** What a status event did to the projection, so the consumer can flag pledges when aid stopped flowing. */
export interface PartnershipChange {
  readonly applied: boolean;
  readonly stoppedAidFlow: boolean;
  /** Aid did not flow before and does now (e.g. dormant → active): the hromada's open requests are news. */
  readonly startedAidFlow: boolean;
}

/** Logistics' copy of partnerships; events of one partnership arrive in order (its id is the key). */
@Injectable()
export class PartnershipProjectionService {
  /**
   * Records an established partnership — from an accepted proposal or recorded by a coordinator, both
   * let aid flow alike; parks (throws) until both municipalities' profiles arrived. Returns whether this
   * call recorded it (false for a replay), so aid starting to flow is acted on once.
   */
  async establish(
    manager: EntityManager,
    event: PartnershipEstablishedV1 | PartnershipRecordedV1,
  ): Promise<{ recorded: boolean }> {
    const known = await manager.find(MunicipalityProjectionEntity, {
      where: { municipalityId: In([event.hromadaId, event.euMunicipalityId]) },
      select: { municipalityId: true },
    });
    for (const id of [event.hromadaId, event.euMunicipalityId])
      if (!known.some((m) => m.municipalityId === id)) throw new PartnerNotProjectedYetError(id);
    await this.lockHromada(manager, event.hromadaId);
    // A replay of the establishment (after later steps) must not turn the status back: insert or nothing.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(PartnershipProjectionEntity)
      .values({
        partnershipId: event.partnershipId,
        hromadaId: event.hromadaId,
        euMunicipalityId: event.euMunicipalityId,
        status: PartnershipStatus.Established,
        track: event.track,
        establishedAt: new Date(event.establishedAt),
        changedAt: new Date(event.establishedAt),
      })
      .orIgnore()
      .returning(['partnershipId'])
      .execute();
    return { recorded: (inserted.raw as unknown[]).length > 0 };
  }

  /**
   * Applies a lifecycle step unless the projection holds a newer one (`changedAt`). A step for a partnership
   * never seen cannot happen in order (its establishment comes first on the same key, and parks the steps
   * behind it); should it, the step itself says who the partners are.
   */
  async changeStatus(manager: EntityManager, event: PartnershipStatusChangedV1): Promise<PartnershipChange> {
    await this.lockHromada(manager, event.hromadaId);
    const held = await manager.findOne(PartnershipProjectionEntity, {
      where: { partnershipId: event.partnershipId },
      lock: { mode: 'pessimistic_write' },
    });
    const changedAt = new Date(event.changedAt);
    if (held && held.changedAt.getTime() > changedAt.getTime())
      return { applied: false, stoppedAidFlow: false, startedAidFlow: false };
    await manager.upsert(
      PartnershipProjectionEntity,
      {
        partnershipId: event.partnershipId,
        hromadaId: event.hromadaId,
        euMunicipalityId: event.euMunicipalityId,
        status: event.to,
        track: event.track,
        establishedAt: held?.establishedAt ?? changedAt,
        changedAt,
      },
      ['partnershipId'],
    );
    const flowedBefore = held ? aidFlows(held.status) : aidFlows(event.from);
    return {
      applied: true,
      stoppedAidFlow: flowedBefore && !aidFlows(event.to),
      startedAidFlow: !flowedBefore && aidFlows(event.to),
    };
  }

  /**
   * The hromada's row FOR UPDATE (only the hromada's: the EU side's partnerships need not wait for each
   * other). A request of the hromada being published at this moment takes it FOR SHARE, so it either sees
   * the partnership's new state or is seen by the caller's sharing of open requests — never neither.
   */
  private async lockHromada(manager: EntityManager, hromadaId: string): Promise<void> {
    await manager.findOne(MunicipalityProjectionEntity, {
      where: { municipalityId: hromadaId },
      select: { municipalityId: true },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The partnership in which aid may flow between the two, if any. */
  findFlowing(
    manager: EntityManager,
    hromadaId: string,
    euMunicipalityId: string,
  ): Promise<PartnershipProjectionEntity | null> {
    return manager.findOne(PartnershipProjectionEntity, {
      where: { hromadaId, euMunicipalityId, status: In([...AID_FLOWING_STATUSES]) },
      order: { establishedAt: 'DESC' },
    });
  }
}
