import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { formatDate, formatInteger, resolveLocale } from './locale.util';
import { shortName, type MunicipalityRef } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';
import { vocabularyLabel } from './vocabulary-labels';

/** One line of the request as the partner reads it. */
export interface AidRequestLineSummary {
  item: string;
  /** Aid category id (contracts vocabulary). */
  category: string;
  /** UN/ECE Recommendation 20 code. */
  unit: string;
  quantity: number;
}

/** Data for one partner contact of `aid.request-published`. */
export interface AidRequestPublishedData extends BaseTemplateData {
  /** The partner's own municipality. */
  municipality: MunicipalityRef;
  hromada: MunicipalityRef;
  title: string;
  urgency: 'critical' | 'high' | 'normal' | 'low';
  neededBy?: string;
  lines: AidRequestLineSummary[];
  requestUrl?: string;
}

interface Messages {
  subject(hromada: string, title: string): string;
  greeting(name?: string): string;
  heading: string;
  intro(own: string, hromada: string): string;
  labels: { title: string; urgency: string; neededBy: string; items: string; open: string };
  footerReason: string;
  unsubscribe: string;
}

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (hromada, title) => `${hromada} просить про допомогу: ${title}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Новий запит на допомогу від партнера',
    intro: (own, hromada) =>
      `${hromada}, партнер громади ${own}, опублікувала запит на гуманітарну допомогу. Ви можете взяти зобов’язання щодо будь-якої позиції в Bridges.`,
    labels: {
      title: 'Запит',
      urgency: 'Терміновість',
      neededBy: 'Потрібно до',
      items: 'Що потрібно',
      open: 'Відкрити запит у Bridges',
    },
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (hromada, title) => `${hromada} asks for aid: ${title}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'A new aid request from your partner',
    intro: (own, hromada) =>
      `${hromada}, partner of ${own}, has published a request for humanitarian aid. You can pledge against any of its lines in Bridges.`,
    labels: {
      title: 'Request',
      urgency: 'Urgency',
      neededBy: 'Needed by',
      items: 'What is needed',
      open: 'Open the request in Bridges',
    },
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  // Present tense in Polish and Slovak: their past tense carries the gender of the subject, which a
  // name does not reveal; the names stay in the nominative (subject, brackets).
  pl: {
    subject: (hromada, title) => `${hromada} prosi o pomoc: ${title}`,
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: 'Nowy wniosek o pomoc od partnera',
    intro: (own, hromada) =>
      `${hromada}, partner Państwa samorządu (${own}), prosi o pomoc humanitarną. W Bridges mogą Państwo zadeklarować przekazanie dowolnej pozycji z wniosku.`,
    labels: {
      title: 'Wniosek',
      urgency: 'Pilność',
      neededBy: 'Potrzebne do',
      items: 'Czego potrzeba',
      open: 'Otwórz wniosek w Bridges',
    },
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    subject: (hromada, title) => `${hromada} bittet um Hilfe: ${title}`,
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: 'Eine neue Hilfsanfrage Ihrer Partnerkommune',
    intro: (own, hromada) =>
      `${hromada}, Partnerkommune von ${own}, hat eine Anfrage nach humanitärer Hilfe veröffentlicht. In Bridges können Sie für jede einzelne Position Hilfe zusagen.`,
    labels: {
      title: 'Anfrage',
      urgency: 'Dringlichkeit',
      neededBy: 'Benötigt bis',
      items: 'Was benötigt wird',
      open: 'Anfrage in Bridges öffnen',
    },
    footerReason: 'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    subject: (hromada, title) => `${hromada} žiada o pomoc: ${title}`,
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: 'Nová žiadosť o pomoc od partnera',
    intro: (own, hromada) =>
      `${hromada}, partner Vašej samosprávy (${own}), žiada o humanitárnu pomoc. V Bridges môžete prisľúbiť dodanie ktorejkoľvek položky žiadosti.`,
    labels: {
      title: 'Žiadosť',
      urgency: 'Naliehavosť',
      neededBy: 'Potrebné do',
      items: 'Čo je potrebné',
      open: 'Otvoriť žiadosť v Bridges',
    },
    footerReason: 'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
  },
};

/** `aid.request-published`: a partner hromada asks for aid; from `logistics.aid-request.published.v1`. */
export class AidRequestPublishedTemplate implements NotificationTemplate<AidRequestPublishedData> {
  readonly id = 'aid.request-published';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: AidRequestPublishedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const hromada = shortName(data.hromada, locale);
    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: m.intro(shortName(data.municipality, locale), hromada) },
      {
        kind: 'facts',
        rows: [
          [m.labels.title, data.title],
          [m.labels.urgency, vocabularyLabel('aid-urgency', data.urgency, locale)],
          [m.labels.neededBy, data.neededBy ? formatDate(data.neededBy, locale) : undefined],
        ],
      },
      { kind: 'subheading', text: m.labels.items },
      { kind: 'list', items: data.lines.map((l) => lineText(l, locale)) },
      { kind: 'action', label: m.labels.open, url: data.requestUrl },
    ];
    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(hromada, data.title)}`,
      preheader: m.intro(shortName(data.municipality, locale), hromada),
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}

/** "Diesel generator — 20 pcs (Energy and generators)", units and categories in the reader's language. */
export function lineText(line: AidRequestLineSummary, locale: string): string {
  const unit = vocabularyLabel('unit', line.unit, locale);
  const category = vocabularyLabel('aid-category', line.category, locale);
  return `${line.item} — ${formatInteger(line.quantity, locale)} ${unit} (${category})`;
}
