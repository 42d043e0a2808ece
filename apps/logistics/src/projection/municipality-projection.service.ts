import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import { MunicipalityProjectionEntity } from './municipality-projection.entity';

/** What applying a registry event did: `stale` for an equal or older version, `unknown` for a profile never seen. */
export type ProjectionOutcome = 'applied' | 'stale' | 'unknown';

/**
 * Logistics' copy of registry profiles. Records of one municipality arrive in order, but replays and
 * redeliveries happen: the version held decides, never arrival order.
 */
@Injectable()
export class MunicipalityProjectionService {
  async applySnapshot(manager: EntityManager, profile: MunicipalityProfileV1): Promise<ProjectionOutcome> {
    const held = await this.lock(manager, profile.municipalityId);
    if (held && held.version >= profile.version) return 'stale';
    await manager.upsert(
      MunicipalityProjectionEntity,
      {
        municipalityId: profile.municipalityId,
        kind: profile.kind,
        version: profile.version,
        active: true,
        country: profile.country,
        nameLatin: profile.nameLatin,
        nameNative: profile.nameNative,
        regionName: profile.region.name,
        regionCode: profile.region.code ?? null,
        lat: profile.location?.lat ?? null,
        lon: profile.location?.lon ?? null,
        contacts: profile.contacts.map((c) => ({
          contactId: c.contactId,
          name: c.name,
          ...(c.phone ? { phone: c.phone } : {}),
          email: c.email,
          preferredLanguage: c.preferredLanguage,
        })),
      },
      ['municipalityId'],
    );
    return 'applied';
  }

  /** Keeps the row (requests and shipments still name it) but marks it inactive at `version`. */
  async deactivate(
    manager: EntityManager,
    municipalityId: string,
    version: number,
  ): Promise<ProjectionOutcome> {
    const held = await this.lock(manager, municipalityId);
    if (!held) return 'unknown';
    if (held.version >= version) return 'stale';
    await manager.update(MunicipalityProjectionEntity, { municipalityId }, { active: false, version });
    return 'applied';
  }

  /**
   * Deletes the person's data (GDPR art. 17). Applied whatever the version: an erasure is never undone by
   * ordering, and a later snapshot from the registry no longer carries the contact anyway.
   */
  async eraseContact(
    manager: EntityManager,
    municipalityId: string,
    contactId: string,
  ): Promise<ProjectionOutcome> {
    const held = await this.lock(manager, municipalityId);
    if (!held) return 'unknown';
    await manager.update(
      MunicipalityProjectionEntity,
      { municipalityId },
      { contacts: held.contacts.filter((c) => c.contactId !== contactId) },
    );
    return 'applied';
  }

  find(manager: EntityManager, municipalityId: string): Promise<MunicipalityProjectionEntity | null> {
    return manager.findOneBy(MunicipalityProjectionEntity, { municipalityId });
  }

  private lock(manager: EntityManager, municipalityId: string): Promise<MunicipalityProjectionEntity | null> {
    return manager.findOne(MunicipalityProjectionEntity, {
      where: { municipalityId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
