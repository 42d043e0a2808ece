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
  // "Your partner … published": the verb agrees with "partner", not with a name of unknown gender.
  pl: {
    subject: (hromada, title) => `Przypomnienie: ${hromada} nadal potrzebuje pomocy — ${title}`,
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: 'Wniosek o pomoc jest nadal otwarty',
    intro: (hromada, since) =>
      `Wniosek o pomoc, który Państwa partner ${hromada} opublikował ${since}, nie jest jeszcze w pełni pokryty deklaracjami wsparcia.`,
    stillNeeded: 'Nadal potrzeba:',
    open: 'Otwórz wniosek w Bridges',
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    subject: (hromada, title) => `Erinnerung: ${hromada} benötigt weiterhin Hilfe — ${title}`,
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: 'Eine Hilfsanfrage ist noch offen',
    intro: (hromada, since) =>
      `Die am ${since} veröffentlichte Anfrage von ${hromada} ist noch nicht vollständig durch Zusagen gedeckt.`,
    stillNeeded: 'Noch benötigt:',
    open: 'Anfrage in Bridges öffnen',
    footerReason: 'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    subject: (hromada, title) => `Pripomienka: ${hromada} stále potrebuje pomoc — ${title}`,
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: 'Žiadosť o pomoc je stále otvorená',
    intro: (hromada, since) =>
      `Žiadosť o pomoc, ktorú Váš partner ${hromada} zverejnil ${since}, ešte nie je úplne pokrytá prísľubmi.`,
    stillNeeded: 'Stále je potrebné:',
    open: 'Otvoriť žiadosť v Bridges',
    footerReason: 'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
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
