import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { countryName, formatDate, resolveLocale } from './locale.util';
import { shortName, type MunicipalityName, type MunicipalityRef } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';
import type { PartnershipTrackName } from './partnership-established.template';
import { vocabularyLabel } from './vocabulary-labels';

/** Lifecycle statuses of a partnership (matching's `PartnershipStatus`). */
export type PartnershipStatusName = 'established' | 'active' | 'dormant' | 'ended';

/** Data for one recipient of `partnership.status-changed`. */
export interface PartnershipStatusChangedData extends BaseTemplateData {
  audience: 'municipality' | 'association' | 'coordinator';
  /** The recipient's own (or member) municipality. */
  municipality: MunicipalityName;
  partner: MunicipalityRef;
  from: PartnershipStatusName;
  to: PartnershipStatusName;
  track: PartnershipTrackName;
  /** Set when the track changed too (e.g. solidarity → formal). */
  previousTrack?: PartnershipTrackName;
  changedAt: string;
  reason?: string;
  partnershipUrl?: string;
}

interface Messages {
  subject(own: string, partner: string, status: string): string;
  greeting(name?: string): string;
  heading: string;
  intro(own: string, partner: string, country: string, date: string, from: string, to: string): string;
  meaning: Record<PartnershipStatusName, string>;
  labels: { status: string; track: string; changedOn: string; reason: string; open: string };
  footerReason: string;
  unsubscribe: string;
}

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (own, partner, status) => `Партнерство ${own} – ${partner}: ${status}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Змінено статус партнерства',
    intro: (own, partner, country, date, from, to) =>
      `${date} змінено статус партнерства: ${own} – ${partner} (${country}). Було: «${from}», стало: «${to}».`,
    meaning: {
      established: 'Партнерство встановлено; наступним кроком буде стартова онлайн-зустріч партнерів.',
      active: 'Партнерство активне: спільна діяльність триває.',
      dormant:
        'Партнерство позначене як неактивне: останнім часом спільної діяльності не було. Координатори Bridges можуть допомогти її відновити.',
      ended: 'Партнерство завершено. Дякуємо за співпрацю.',
    },
    labels: {
      status: 'Статус',
      track: 'Формат співпраці',
      changedOn: 'Дата зміни',
      reason: 'Причина',
      open: 'Відкрити партнерство в Bridges',
    },
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (own, partner, status) => `Partnership ${own} – ${partner}: ${status}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'Partnership status changed',
    intro: (own, partner, country, date, from, to) =>
      `The status of the partnership between ${own} and ${partner} (${country}) changed on ${date}: “${from}” → “${to}”.`,
    meaning: {
      established: 'The partnership is established; the next step is the partners’ online kick-off meeting.',
      active: 'The partnership is active: joint activities are under way.',
      dormant:
        'The partnership is marked dormant: there has been no joint activity for a while. Bridges coordinators can help to revive it.',
      ended: 'The partnership has ended. Thank you for your cooperation.',
    },
    labels: {
      status: 'Status',
      track: 'Type of partnership',
      changedOn: 'Changed on',
      reason: 'Reason',
      open: 'Open the partnership in Bridges',
    },
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  pl: {
    subject: (own, partner, status) => `Partnerstwo ${own} – ${partner}: ${status}`,
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: 'Zmiana statusu partnerstwa',
    intro: (own, partner, country, date, from, to) =>
      `${date} zmienił się status partnerstwa: ${own} – ${partner} (${country}). Było: „${from}”, jest: „${to}”.`,
    meaning: {
      established:
        'Partnerstwo zostało nawiązane; następnym krokiem jest inauguracyjne spotkanie online partnerów.',
      active: 'Partnerstwo jest aktywne: wspólne działania trwają.',
      dormant:
        'Partnerstwo oznaczono jako uśpione: od pewnego czasu nie było wspólnych działań. Koordynatorzy Bridges mogą pomóc je ożywić.',
      ended: 'Partnerstwo zostało zakończone. Dziękujemy za współpracę.',
    },
    labels: {
      status: 'Status',
      track: 'Rodzaj partnerstwa',
      changedOn: 'Data zmiany',
      reason: 'Powód',
      open: 'Otwórz partnerstwo w Bridges',
    },
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    subject: (own, partner, status) => `Partnerschaft ${own} – ${partner}: ${status}`,
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: 'Status der Partnerschaft geändert',
    intro: (own, partner, country, date, from, to) =>
      `Der Status der Partnerschaft zwischen ${own} und ${partner} (${country}) hat sich am ${date} geändert: „${from}“ → „${to}“.`,
    meaning: {
      established:
        'Die Partnerschaft ist vereinbart; als Nächstes folgt das Online-Auftakttreffen der Partner.',
      active: 'Die Partnerschaft ist aktiv: gemeinsame Aktivitäten laufen.',
      dormant:
        'Die Partnerschaft ruht: seit einiger Zeit gab es keine gemeinsamen Aktivitäten. Die Koordination von Bridges hilft gern, sie wiederzubeleben.',
      ended: 'Die Partnerschaft ist beendet. Vielen Dank für die Zusammenarbeit.',
    },
    labels: {
      status: 'Status',
      track: 'Art der Partnerschaft',
      changedOn: 'Geändert am',
      reason: 'Grund',
      open: 'Partnerschaft in Bridges öffnen',
    },
    footerReason: 'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    subject: (own, partner, status) => `Partnerstvo ${own} – ${partner}: ${status}`,
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: 'Zmena stavu partnerstva',
    intro: (own, partner, country, date, from, to) =>
      `Stav partnerstva ${own} – ${partner} (${country}) sa zmenil ${date}: „${from}“ → „${to}“.`,
    meaning: {
      established: 'Partnerstvo je nadviazané; ďalším krokom je úvodné online stretnutie partnerov.',
      active: 'Partnerstvo je aktívne: spoločné aktivity prebiehajú.',
      dormant:
        'Partnerstvo je označené ako neaktívne: istý čas neprebiehali spoločné aktivity. Koordinátori Bridges môžu pomôcť ho oživiť.',
      ended: 'Partnerstvo sa skončilo. Ďakujeme za spoluprácu.',
    },
    labels: {
      status: 'Stav',
      track: 'Typ partnerstva',
      changedOn: 'Dátum zmeny',
      reason: 'Dôvod',
      open: 'Otvoriť partnerstvo v Bridges',
    },
    footerReason: 'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
  },
};

/**
 * `partnership.status-changed`: a partnership became active, dormant or ended, or changed track
 * (formal / solidarity); from `matching.partnership.status-changed.v1`.
 */
export class PartnershipStatusChangedTemplate implements NotificationTemplate<PartnershipStatusChangedData> {
  readonly id = 'partnership.status-changed';
  readonly version = 2;
  readonly locales = Object.keys(MESSAGES);

  render(data: PartnershipStatusChangedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const own = shortName(data.municipality, locale);
    const partner = shortName(data.partner, locale);
    const date = formatDate(data.changedAt, locale);
    const status = (value: PartnershipStatusName) => vocabularyLabel('partnership-status', value, locale);
    const trackName = (value: PartnershipTrackName) => vocabularyLabel('partnership-track', value, locale);
    const track =
      data.previousTrack && data.previousTrack !== data.track
        ? `${trackName(data.previousTrack)} → ${trackName(data.track)}`
        : trackName(data.track);

    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      {
        kind: 'paragraph',
        text: m.intro(
          own,
          partner,
          countryName(data.partner.countryCode, locale),
          date,
          status(data.from),
          status(data.to),
        ),
      },
      { kind: 'paragraph', text: m.meaning[data.to] },
      {
        kind: 'facts',
        rows: [
          [m.labels.status, status(data.to)],
          [m.labels.track, track],
          [m.labels.changedOn, date],
          [m.labels.reason, data.reason],
        ],
      },
      { kind: 'action', label: m.labels.open, url: data.partnershipUrl },
    ];

    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(own, partner, status(data.to))}`,
      preheader: m.meaning[data.to],
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
