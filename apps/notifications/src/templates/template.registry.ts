import { AidRequestPublishedTemplate } from './aid-request-published.template';
import { AidRequestReminderTemplate } from './aid-request-reminder.template';
import { AidShipmentDispatchedTemplate } from './aid-shipment-dispatched.template';
import { AidShipmentReceivedTemplate } from './aid-shipment-received.template';
import { EventCancelledTemplate } from './event-cancelled.template';
import { EventChangedTemplate } from './event-changed.template';
import { EventKickOffInvitationTemplate } from './event-kick-off-invitation.template';
import { EventRegistrationConfirmedTemplate } from './event-registration-confirmed.template';
import { EventRegistrationWaitlistedTemplate } from './event-registration-waitlisted.template';
import { EventReminderTemplate } from './event-reminder.template';
import { EventSeatOfferedTemplate } from './event-seat-offered.template';
import { resolveLocale } from './locale.util';
import { MatchingProposalsDigestTemplate } from './matching-proposals-digest.template';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedNotification,
} from './notification-template.interface';
import { PartnershipEstablishedTemplate } from './partnership-established.template';
import { PartnershipStatusChangedTemplate } from './partnership-status-changed.template';
import { TemplateError, TemplateErrorCode } from './templates.errors';

/**
 * All templates by id. Delivery code renders through this and never imports a template, so a new
 * notification (aid logistics, event registration) is one new template file plus one `register` call.
 */
export class TemplateRegistry {
  private readonly templates = new Map<string, NotificationTemplate>();

  /** Adds a template; throws when the id is taken or the template lacks English. */
  register<TData extends BaseTemplateData>(template: NotificationTemplate<TData>): this {
    if (this.templates.has(template.id)) {
      throw new TemplateError(
        TemplateErrorCode.DuplicateTemplate,
        `Template "${template.id}" is already registered`,
      );
    }
    if (!Number.isInteger(template.version) || template.version < 1) {
      throw new TemplateError(
        TemplateErrorCode.InvalidTemplate,
        `Template "${template.id}" needs an integer version >= 1`,
      );
    }
    if (!template.locales.includes('en') || !template.locales.includes('uk')) {
      throw new TemplateError(
        TemplateErrorCode.InvalidTemplate,
        `Template "${template.id}" must support uk and en`,
      );
    }
    this.templates.set(template.id, template);
    return this;
  }

  /** True when a template with this id is registered. */
  has(id: string): boolean {
    return this.templates.has(id);
  }

  /** Registered ids, sorted. */
  ids(): string[] {
    return [...this.templates.keys()].sort();
  }

  /** The template with this id; throws `TEMPLATE_UNKNOWN` otherwise. */
  get<TData extends BaseTemplateData = BaseTemplateData>(id: string): NotificationTemplate<TData> {
    const template = this.templates.get(id);
    if (!template) throw new TemplateError(TemplateErrorCode.UnknownTemplate, `No template "${id}"`);
    return template;
  }

  /**
   * Renders `id` for one recipient in the best locale the template has for `preferredLocale`
   * (falling back to English), and says which template version and locale were used.
   */
  render<TData extends BaseTemplateData>(
    id: string,
    data: TData,
    preferredLocale: string | null | undefined,
  ): RenderedNotification {
    const template = this.get<TData>(id);
    const locale = resolveLocale(preferredLocale, template.locales);
    return {
      ...template.render(data, locale),
      templateId: template.id,
      templateVersion: template.version,
      locale,
    };
  }
}

/** The registry with every template this service ships. */
export function createDefaultTemplateRegistry(): TemplateRegistry {
  return new TemplateRegistry()
    .register(new PartnershipEstablishedTemplate())
    .register(new MatchingProposalsDigestTemplate())
    .register(new PartnershipStatusChangedTemplate())
    .register(new AidRequestPublishedTemplate())
    .register(new AidRequestReminderTemplate())
    .register(new AidShipmentDispatchedTemplate())
    .register(new AidShipmentReceivedTemplate())
    .register(new EventKickOffInvitationTemplate())
    .register(new EventRegistrationConfirmedTemplate())
    .register(new EventRegistrationWaitlistedTemplate())
    .register(new EventSeatOfferedTemplate())
    .register(new EventChangedTemplate())
    .register(new EventCancelledTemplate())
    .register(new EventReminderTemplate());
}
