import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MatchProposedV1 } from '@bridges/contracts';
import { Role } from '@bridges/platform';
import { pickTopReasons } from '../digest';
import type { SourceEvent } from '../deliveries/source-event';
import { DirectoryService } from '../directory/directory.service';
import { toMunicipalityRef } from '../directory/municipality-summary.mapper';
import { InboxService } from '../inbox/inbox.service';
import { municipalityInbox, userInbox } from '../inbox/inbox-owner';
import { proposalInboxText } from '../inbox/proposal-inbox-text';
import type { ProposalDigestItem } from '../templates';
import { PendingProposalEntity } from './pending-proposal.entity';

/**
 * A match proposal is not emailed on its own: it waits, per recipient, for that recipient's next digest
 * (the hromada's contacts and every matching coordinator). It shows in the console inboxes at once.
 */
@Injectable()
export class ProposalNotificationsService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly inbox: InboxService,
  ) {}

  /** Queues the proposal for the digests of the hromada's contacts and the matching coordinators. */
  async queueForDigests(
    manager: EntityManager,
    source: SourceEvent,
    event: MatchProposedV1,
  ): Promise<number> {
    const hromada = await this.directory.requireMunicipality(manager, event.hromadaId);
    const partner = await this.directory.requireMunicipality(manager, event.euMunicipalityId);
    const item: ProposalDigestItem = {
      proposalId: event.proposalId,
      hromada: { nameNative: hromada.nameNative, nameLatin: hromada.nameLatin },
      partner: {
        ...toMunicipalityRef(partner),
        municipalityId: partner.municipalityId,
        ...(partner.regionName ? { region: partner.regionName } : {}),
        ...(partner.population !== null ? { population: partner.population } : {}),
      },
      score: event.score,
      topReasons: pickTopReasons(event.factors),
    };
    const contacts = await this.directory.contactsOf(manager, hromada.municipalityId);
    const coordinators = await this.directory.coordinatorsWithRole(manager, Role.MatchingCoordinator);
    const rows = [
      ...contacts.map((r) => ({ recipientId: r.id, audience: 'municipality' as const })),
      ...coordinators.map((r) => ({ recipientId: r.id, audience: 'coordinator' as const })),
    ];
    let queued = 0;
    for (const row of rows) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(PendingProposalEntity)
        .values({
          id: randomUUID(),
          recipientId: row.recipientId,
          proposalId: event.proposalId,
          sourceEventId: source.id,
          score: event.score,
          audience: row.audience,
          item,
          digestedAt: null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      queued += (result.raw as unknown[]).length;
    }
    const { title, summary } = proposalInboxText(hromada, partner, event.score);
    const refs = {
      proposalId: event.proposalId,
      hromadaId: hromada.municipalityId,
      euMunicipalityId: partner.municipalityId,
    };
    await this.inbox.add(manager, source, {
      ownerKey: municipalityInbox(hromada.municipalityId),
      templateId: 'matching.proposal',
      title,
      summary,
      refs,
    });
    for (const coordinator of coordinators) {
      await this.inbox.add(manager, source, {
        ownerKey: userInbox(coordinator.id),
        templateId: 'matching.proposal',
        title,
        summary,
        refs,
      });
    }
    return queued;
  }
}
