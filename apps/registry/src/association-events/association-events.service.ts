import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HromadaNominatedV1, MemberMunicipalityVolunteeredV1 } from '@bridges/contracts';
import { PermanentEventError } from '@bridges/messaging';
import { DomainError } from '@bridges/platform';
import { AssociationEntity } from '../associations/association.entity';
import {
  MunicipalitiesService,
  type ChangeOutcome,
  type EventPublisher,
} from '../municipalities/municipalities.service';
import type { ProfileState } from '../municipalities/municipality-profile.rules';
import { inboundVocabularyProblems, mergeContact } from './inbound-event.rules';

/**
 * What association events do to profiles. Both effects are idempotent on content: the same event
 * applied twice changes nothing the second time (and then publishes nothing).
 */
@Injectable()
export class AssociationEventsService {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  /** An EU member municipality volunteers: its offers and capacity are set and it seeks a partner. */
  async applyVolunteer(
    manager: EntityManager,
    event: MemberMunicipalityVolunteeredV1,
    publish: EventPublisher,
  ): Promise<ChangeOutcome> {
    const before = await this.target(manager, event, 'volunteer');
    if (before.kind !== 'eu-municipality')
      throw new PermanentEventError(`${event.country}:${event.officialCode} is not an EU municipality`);
    const after: ProfileState = {
      ...before,
      offers: event.offers.map((s) => ({ ...s })),
      partnershipCapacity: event.partnershipCapacity,
      seekingPartner: true,
      associationId: event.associationId,
      workingLanguages: event.workingLanguages ? [...event.workingLanguages] : before.workingLanguages,
      contacts: mergeContact(before.contacts, event.contact),
    };
    return this.save(manager, before, after, publish);
  }

  /** A hromada is nominated by its association: its needs are set and it seeks a partner. */
  async applyNomination(
    manager: EntityManager,
    event: HromadaNominatedV1,
    publish: EventPublisher,
  ): Promise<ChangeOutcome> {
    const before = await this.target(manager, { ...event, country: 'UA' }, 'nomination');
    const after: ProfileState = {
      ...before,
      needs: event.needs.map((s) => ({ ...s })),
      seekingPartner: true,
      associationId: event.associationId,
      contacts: mergeContact(before.contacts, event.contact),
    };
    return this.save(manager, before, after, publish);
  }

  private async target(
    manager: EntityManager,
    event: { associationId: string; country: string; officialCode: string } & Parameters<
      typeof inboundVocabularyProblems
    >[0],
    what: string,
  ): Promise<ProfileState> {
    // Retrying cannot fix any of these: the record goes to the DLQ with the reason.
    const problems = inboundVocabularyProblems(event);
    if (problems.length > 0) throw new PermanentEventError(`${what} rejected: ${problems.join('; ')}`);
    if (!(await manager.existsBy(AssociationEntity, { id: event.associationId }))) {
      throw new PermanentEventError(`${what} from unregistered association ${event.associationId}`);
    }
    const profile = await this.municipalities.findForChangeByCode(manager, event.country, event.officialCode);
    if (!profile) {
      throw new PermanentEventError(
        `${what} for ${event.country}:${event.officialCode}, which is not in the registry (import it or register it first)`,
      );
    }
    if (!profile.active) throw new PermanentEventError(`${what} for deactivated municipality ${profile.id}`);
    return profile;
  }

  private async save(
    manager: EntityManager,
    before: ProfileState,
    after: ProfileState,
    publish: EventPublisher,
  ): Promise<ChangeOutcome> {
    try {
      return await this.municipalities.saveChange(manager, before, after, publish);
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentEventError(error.message, { cause: error });
      throw error;
    }
  }
}
