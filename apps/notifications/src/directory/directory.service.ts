import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import type { AuthenticatedUser } from '@bridges/platform';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import { RecipientPreferenceEntity } from '../recipient-preferences/recipient-preference.entity';
import { PendingProposalEntity } from '../proposal-notifications/pending-proposal.entity';
import { demoContactFor } from './demo-contact.policy';
import { MunicipalityNotInDirectoryError } from './directory.errors';
import { MunicipalityDirectoryEntity } from './municipality-directory.entity';
import { RecipientEntity, RecipientKind } from './recipient.entity';

/** What applying a registry event did. */
export type DirectoryChange = 'applied' | 'stale' | 'unknown';

/**
 * The recipient directory, projected from `registry.municipality.v1`: each municipality's profile
 * summary and its contacts as recipients. The registry version decides, never arrival order, so a
 * redelivered or late snapshot cannot undo a newer one.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly deliveries: DeliveryQueue,
    private readonly env: NotificationsEnv,
  ) {}

  /** Applies a full profile snapshot (registered or updated) unless an equal or newer version is held. */
  async applySnapshot(manager: EntityManager, profile: MunicipalityProfileV1): Promise<DirectoryChange> {
    const held = await this.lock(manager, profile.municipalityId);
    if (held && held.version >= profile.version) return 'stale';
    await manager.upsert(
      MunicipalityDirectoryEntity,
      {
        municipalityId: profile.municipalityId,
        version: profile.version,
        active: true,
        kind: profile.kind,
        country: profile.country.toUpperCase(),
        nameNative: profile.nameNative,
        nameLatin: profile.nameLatin,
        regionName: profile.region?.name ?? null,
        population: profile.population ?? null,
        sectors: profile.sectors,
        needs: profile.needs.map((n) => n.sector),
        offers: profile.offers.map((o) => o.sector),
        workingLanguages: profile.workingLanguages,
        associationId: profile.associationId ?? null,
        updatedAt: new Date(),
      },
      ['municipalityId'],
    );
    const contacts =
      profile.contacts.length === 0 && this.env.NOTIFICATIONS_DEMO_CONTACTS
        ? [demoContactFor(profile)]
        : profile.contacts;
    const contactIds = contacts.map((c) => c.contactId);
    if (contacts.length > 0) {
      await manager.upsert(
        RecipientEntity,
        contacts.map((contact) => ({
          id: contact.contactId,
          kind: RecipientKind.MunicipalityContact,
          municipalityId: profile.municipalityId,
          associationId: null,
          name: contact.name,
          email: contact.email,
          preferredLanguage: contact.preferredLanguage,
          roles: [],
          active: true,
          updatedAt: new Date(),
        })),
        ['id'],
      );
    }
    // Contacts no longer on the profile stop receiving; they are not erased (that has its own event).
    await manager
      .createQueryBuilder()
      .update(RecipientEntity)
      .set({ active: false, updatedAt: () => 'now()' })
      .where('municipality_id = :id AND kind = :kind', {
        id: profile.municipalityId,
        kind: RecipientKind.MunicipalityContact,
      })
      .andWhere(contactIds.length > 0 ? 'id NOT IN (:...contactIds)' : 'TRUE', { contactIds })
      .execute();
    return 'applied';
  }

  /** Marks the municipality and its contacts inactive: they receive nothing new. */
  async deactivate(
    manager: EntityManager,
    municipalityId: string,
    version: number,
  ): Promise<DirectoryChange> {
    const held = await this.lock(manager, municipalityId);
    if (!held) return 'unknown';
    if (held.version >= version) return 'stale';
    await manager.update(
      MunicipalityDirectoryEntity,
      { municipalityId },
      { active: false, version, updatedAt: new Date() },
    );
    await manager.update(
      RecipientEntity,
      { municipalityId, kind: RecipientKind.MunicipalityContact },
      { active: false, updatedAt: new Date() },
    );
    return 'applied';
  }

  /**
   * Erases a contact (GDPR art. 17): the directory row, its preferences and proposals waiting for a
   * digest are deleted, and its deliveries lose address and content (pending ones fail).
   */
  eraseContact(manager: EntityManager, contactId: string): Promise<void> {
    return this.eraseRecipient(manager, contactId, RecipientKind.MunicipalityContact);
  }

  /**
   * Erases a recipient of `kind` the same way (a contact, an event participant): only a row of that kind
   * is deleted, so an id erased by one source never removes another's recipient. Erasing again is a no-op.
   */
  async eraseRecipient(manager: EntityManager, recipientId: string, kind: RecipientKind): Promise<void> {
    await this.deliveries.purgeRecipient(manager, recipientId);
    await manager.delete(PendingProposalEntity, { recipientId });
    await manager.delete(RecipientPreferenceEntity, { recipientId });
    await manager.delete(RecipientEntity, { id: recipientId, kind });
  }

  /** The profile summary of a municipality an event names; when not projected yet, the event parks until it is. */
  async requireMunicipality(
    manager: EntityManager,
    municipalityId: string,
  ): Promise<MunicipalityDirectoryEntity> {
    const found = await manager.findOneBy(MunicipalityDirectoryEntity, { municipalityId });
    if (!found) throw new MunicipalityNotInDirectoryError(municipalityId);
    return found;
  }

  /** Active contacts of a municipality, in a stable order. */
  contactsOf(manager: EntityManager, municipalityId: string): Promise<RecipientEntity[]> {
    return manager.find(RecipientEntity, {
      where: { municipalityId, kind: RecipientKind.MunicipalityContact, active: true },
      order: { id: 'ASC' },
    });
  }

  /** Active association contacts of these associations. */
  associationContactsOf(
    manager: EntityManager,
    associationIds: readonly string[],
  ): Promise<RecipientEntity[]> {
    if (associationIds.length === 0) return Promise.resolve([]);
    return manager.find(RecipientEntity, {
      where: { associationId: In([...associationIds]), kind: RecipientKind.Association, active: true },
      order: { id: 'ASC' },
    });
  }

  /** Active coordinators holding `role`. */
  coordinatorsWithRole(manager: EntityManager, role: string): Promise<RecipientEntity[]> {
    return manager
      .getRepository(RecipientEntity)
      .createQueryBuilder('r')
      .where('r.kind = :kind AND r.active AND :role = ANY(r.roles)', {
        kind: RecipientKind.Coordinator,
        role,
      })
      .orderBy('r.id')
      .getMany();
  }

  /**
   * A console user becomes a recipient on first use (keyed by token `sub`); later calls refresh their
   * roles, name and address from the token.
   */
  async ensureConsoleUser(manager: EntityManager, user: AuthenticatedUser): Promise<void> {
    const existing = await manager.findOneBy(RecipientEntity, { id: user.sub });
    if (existing && existing.kind !== RecipientKind.Coordinator) return;
    await manager.upsert(
      RecipientEntity,
      {
        id: user.sub,
        kind: RecipientKind.Coordinator,
        municipalityId: null,
        associationId: null,
        name: user.name ?? existing?.name ?? null,
        email: user.email ?? existing?.email ?? null,
        preferredLanguage: existing?.preferredLanguage ?? null,
        roles: [...user.roles],
        active: true,
        updatedAt: new Date(),
      },
      ['id'],
    );
  }

  private lock(manager: EntityManager, municipalityId: string): Promise<MunicipalityDirectoryEntity | null> {
    return manager.findOne(MunicipalityDirectoryEntity, {
      where: { municipalityId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
