import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { consoleLink } from '../common/console-link';
import { NotificationsEnv } from '../config/notifications.env';
import type { DigestAudience } from '../digest';
import { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import { chooseRecipientLocale } from '../directory/recipient-locale.policy';
import type { RecipientEntity } from '../directory/recipient.entity';
import { TemplateRegistry, type ProposalDigestItem, type ProposalsDigestData } from '../templates';

export const DIGEST_TEMPLATE = 'matching.proposals-digest';

/**
 * What one recipient's digest says, for the planner when it queues a digest and for the outcome
 * handler when it re-renders a queued one without the proposals decided meanwhile. Each proposal links
 * to its page in the matching console, where it is accepted or declined.
 */
@Injectable()
export class ProposalDigestComposer {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly templates: TemplateRegistry,
  ) {}

  /** Template data without the unsubscribe link (the delivery queue adds the recipient's own). */
  data(
    recipient: RecipientEntity,
    audience: DigestAudience,
    items: readonly ProposalDigestItem[],
  ): Omit<ProposalsDigestData, 'unsubscribeUrl'> {
    const { MATCHING_CONSOLE_URL: matching, REGISTRY_CONSOLE_URL: registry } = this.env;
    const reviewAllUrl = consoleLink(matching, '');
    return {
      audience,
      proposals: items.map((item) => ({
        ...item,
        reviewUrl: consoleLink(matching, `proposals/${item.proposalId}`),
        partner: {
          ...item.partner,
          profileUrl: item.partner.municipalityId
            ? consoleLink(registry, `municipalities/${item.partner.municipalityId}`)
            : undefined,
        },
      })),
      ...(recipient.name ? { recipientName: recipient.name } : {}),
      ...(reviewAllUrl ? { reviewAllUrl } : {}),
    };
  }

  /** The recipient's language for digests (their own, else their municipality's country's, else English). */
  async locale(manager: EntityManager, recipient: RecipientEntity): Promise<string> {
    const country = recipient.municipalityId
      ? (await manager.findOneBy(MunicipalityDirectoryEntity, { municipalityId: recipient.municipalityId }))
          ?.country
      : null;
    return chooseRecipientLocale(
      recipient.preferredLanguage,
      country ?? null,
      this.templates.get(DIGEST_TEMPLATE).locales,
    );
  }
}
