import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PartnershipEstablishedV1, PartnershipStatusChangedV1 } from '@bridges/contracts';
import { consoleLink } from '../common/console-link';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { DirectoryService } from '../directory/directory.service';
import type { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import {
  toMunicipalityRef,
  toProfileSummary,
  toWebhookMunicipality,
} from '../directory/municipality-summary.mapper';
import { chooseRecipientLocale } from '../directory/recipient-locale.policy';
import type { RecipientEntity } from '../directory/recipient.entity';
import { InboxService } from '../inbox/inbox.service';
import { municipalityInbox } from '../inbox/inbox-owner';
import {
  TemplateRegistry,
  type PartnershipEstablishedData,
  type PartnershipStatusChangedData,
} from '../templates';
import { WebhookFanOut } from '../webhook-subscriptions/webhook-fan-out.service';

const ESTABLISHED = 'partnership.established';
const STATUS_CHANGED = 'partnership.status-changed';

/** One side of a partnership and the other. */
interface Side {
  own: MunicipalityDirectoryEntity;
  partner: MunicipalityDirectoryEntity;
}

/** Who hears about a partnership on one side. */
interface SideAudience extends Side {
  contacts: RecipientEntity[];
  associationContacts: RecipientEntity[];
}

type PartnershipV1 = PartnershipEstablishedV1 | PartnershipStatusChangedV1;
type PartnershipTemplateData = PartnershipEstablishedData | PartnershipStatusChangedData;

/** A side's recipients with the audience each template text addresses. */
function recipientsOf(
  side: SideAudience,
): { r: RecipientEntity; audience: 'municipality' | 'association' }[] {
  return [
    ...side.contacts.map((r) => ({ r, audience: 'municipality' as const })),
    ...side.associationContacts.map((r) => ({ r, audience: 'association' as const })),
  ];
}

/**
 * Partnership notifications: both municipalities' contacts and their associations' contacts by email
 * (each in their language, about the other side), the associations' webhook subscriptions, and both
 * municipalities' console inboxes. Runs in the Kafka handler's transaction: it only writes rows.
 */
@Injectable()
export class PartnershipNotificationsService {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly directory: DirectoryService,
    private readonly deliveries: DeliveryQueue,
    private readonly webhooks: WebhookFanOut,
    private readonly inbox: InboxService,
    private readonly templates: TemplateRegistry,
  ) {}

  /** Tells both sides the partnership exists, who the partner is, and that the kick-off meeting comes next. */
  async notifyEstablished(
    manager: EntityManager,
    source: SourceEvent,
    event: PartnershipEstablishedV1,
  ): Promise<void> {
    const partnershipUrl = this.partnershipUrl(event.partnershipId);
    await this.tellBothSides<PartnershipEstablishedData>(manager, source, event, ESTABLISHED, (side) => ({
      data: {
        municipality: toMunicipalityRef(side.own),
        partner: toProfileSummary(side.partner),
        track: event.track,
        establishedAt: event.establishedAt,
        ...(partnershipUrl ? { partnershipUrl } : {}),
      },
      summary: `${side.own.nameLatin} – ${side.partner.nameLatin} (${event.track})`,
    }));
  }

  /** Tells both sides the partnership moved to another status or track. */
  async notifyStatusChanged(
    manager: EntityManager,
    source: SourceEvent,
    event: PartnershipStatusChangedV1,
  ): Promise<void> {
    const partnershipUrl = this.partnershipUrl(event.partnershipId);
    await this.tellBothSides<PartnershipStatusChangedData>(
      manager,
      source,
      event,
      STATUS_CHANGED,
      (side) => ({
        data: {
          municipality: toMunicipalityRef(side.own),
          partner: toMunicipalityRef(side.partner),
          from: event.from,
          to: event.to,
          track: event.track,
          changedAt: event.changedAt,
          ...(event.reason ? { reason: event.reason } : {}),
          ...(partnershipUrl ? { partnershipUrl } : {}),
        },
        summary: `${event.from} → ${event.to}`,
      }),
    );
  }

  /**
   * For each side: an email to every contact and association contact (in their language, addressed to
   * their audience), one item in the municipality's console inbox; then the event to both associations'
   * webhook subscriptions.
   */
  private async tellBothSides<TData extends PartnershipTemplateData>(
    manager: EntityManager,
    source: SourceEvent,
    event: PartnershipV1,
    templateId: string,
    describe: (side: SideAudience) => {
      data: Omit<TData, 'audience' | 'unsubscribeUrl' | 'recipientName'>;
      summary: string;
    },
  ): Promise<void> {
    const sides = await this.sides(manager, event.hromadaId, event.euMunicipalityId);
    const locales = this.templates.get(templateId).locales;
    for (const side of sides) {
      const { data, summary } = describe(side);
      for (const { r, audience } of recipientsOf(side)) {
        await this.deliveries.enqueueEmail<TData>(
          manager,
          source,
          r,
          templateId,
          { ...data, audience, ...(r.name ? { recipientName: r.name } : {}) } as Omit<
            TData,
            'unsubscribeUrl'
          >,
          chooseRecipientLocale(r.preferredLanguage, side.own.country, locales),
        );
      }
      const title = this.templates.render<TData>(
        templateId,
        { ...data, audience: 'municipality', unsubscribeUrl: '' } as TData,
        chooseRecipientLocale(null, side.own.country, locales),
      ).subject;
      await this.inbox.add(manager, source, {
        ownerKey: municipalityInbox(side.own.municipalityId),
        templateId,
        title,
        summary,
        refs: { partnershipId: event.partnershipId, partnerMunicipalityId: side.partner.municipalityId },
      });
    }
    await this.webhooks.forward(
      manager,
      source,
      sides.map((s) => s.own.associationId),
      {
        ...event,
        hromada: toWebhookMunicipality(sides[0].own),
        euMunicipality: toWebhookMunicipality(sides[1].own),
      },
    );
  }

  /** Hromada side first, then the EU side; each with its contacts and its association's contacts. */
  private async sides(
    manager: EntityManager,
    hromadaId: string,
    euMunicipalityId: string,
  ): Promise<SideAudience[]> {
    const hromada = await this.directory.requireMunicipality(manager, hromadaId);
    const eu = await this.directory.requireMunicipality(manager, euMunicipalityId);
    const pairs: Side[] = [
      { own: hromada, partner: eu },
      { own: eu, partner: hromada },
    ];
    const result: SideAudience[] = [];
    for (const side of pairs) {
      result.push({
        ...side,
        contacts: await this.directory.contactsOf(manager, side.own.municipalityId),
        associationContacts: side.own.associationId
          ? await this.directory.associationContactsOf(manager, [side.own.associationId])
          : [],
      });
    }
    return result;
  }

  /** The partnership's page in the matching console (its history and the allowed steps). */
  private partnershipUrl(partnershipId: string): string | undefined {
    return consoleLink(this.env.MATCHING_CONSOLE_URL, `partnerships/${partnershipId}`);
  }
}
