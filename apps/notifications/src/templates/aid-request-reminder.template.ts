import { lineText, type AidRequestLineSummary } from './aid-request-published.template';
import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { formatDate, resolveLocale } from './locale.util';
import { shortName, type MunicipalityRef } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';

/** Data for one partner contact of `aid.request-reminder`. */
export interface AidRequestReminderData extends BaseTemplateData {
  municipality: MunicipalityRef;
  hromada: MunicipalityRef;
  title: string;
  /** When the request was published. */
  openSince: string;
  /** What is still unpledged, per line. */
  lines: AidRequestLineSummary[];
  requestUrl?: string;
}

interface Messages {
  subject(hromada: string, title: string): string;
  greeting(name?: string): string;
  heading: string;
  intro(hromada: string, since: string): string;
  stillNeeded: string;
  open: string;
  footerReason: string;
  unsubscribe: string;
}

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (hromada, title) => `Нагадування: ${hromada} досі потребує допомоги — ${title}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Запит на допомогу досі відкритий',
    intro: (hromada, since) =>
      `Запит громади ${hromada}, опублікований ${since}, ще не забезпечений повністю.`,
    stillNeeded: 'Ще потрібно:',
    open: 'Відкрити запит у Bridges',
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (hromada, title) => `Reminder: ${hromada} still needs aid — ${title}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'An aid request is still open',
    intro: (hromada, since) => `The request ${hromada} published on ${since} is not fully pledged yet.`,
    stillNeeded: 'Still needed:',
    open: 'Open the request in Bridges',
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
};

/** `aid.request-reminder`: a partner's request stayed open too long; from `logistics.aid-request.reminder-due.v1`. */
export class AidRequestReminderTemplate implements NotificationTemplate<AidRequestReminderData> {
  readonly id = 'aid.request-reminder';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: AidRequestReminderData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const hromada = shortName(data.hromada, locale);
    const intro = m.intro(hromada, formatDate(data.openSince, locale));
    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: intro },
      { kind: 'subheading', text: m.stillNeeded },
      { kind: 'list', items: data.lines.map((l) => lineText(l, locale)) },
      { kind: 'action', label: m.open, url: data.requestUrl },
    ];
    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(hromada, data.title)}`,
      preheader: intro,
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
