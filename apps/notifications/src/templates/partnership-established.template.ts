import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { countryName, endSentence, formatDate, formatInteger, resolveLocale } from './locale.util';
import { shortName, type MunicipalityName, type MunicipalityProfileSummary } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';
import { sectorLabels, vocabularyLabel } from './vocabulary-labels';

/** Formal twinning-style partnership or the lighter solidarity track (matching's `PartnershipTrack`). */
export type PartnershipTrackName = 'formal' | 'solidarity';

/** Data for one recipient of `partnership.established`. */
export interface PartnershipEstablishedData extends BaseTemplateData {
  /** A contact of one of the two municipalities, or of that municipality's association. */
  audience: 'municipality' | 'association';
  /** The recipient's own municipality (for an association: its member municipality). */
  municipality: MunicipalityName;
  /** The other side, summarised from its registry profile. */
  partner: MunicipalityProfileSummary;
  track: PartnershipTrackName;
  /** ISO timestamp from the event. */
  establishedAt: string;
  /** Console page of the partnership, if the recipient can open it. */
  partnershipUrl?: string;
}

interface Messages {
  subject(own: string, partner: string, audience: PartnershipEstablishedData['audience']): string;
  greeting(name?: string): string;
  heading(own: string, partner: string): string;
  intro(
    own: string,
    partner: string,
    country: string,
    date: string,
    audience: PartnershipEstablishedData['audience'],
  ): string;
  labels: {
    track: string;
    establishedOn: string;
    aboutPartner: string;
    name: string;
    nameLatin: string;
    country: string;
    region: string;
    population: string;
    sectors: string;
    offers: string;
    needs: string;
    nextStep: string;
    open: string;
  };
  nextStep(audience: PartnershipEstablishedData['audience']): string;
  footerReason: string;
  unsubscribe: string;
}

// Translations. Ukrainian and English are required; a partner's language is added when it is written by
// someone who writes it well. A missing language falls back to English.
const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (own, partner, audience) =>
      audience === 'association'
        ? `Нове партнерство члена вашої асоціації: ${own} і ${partner}`
        : `Партнерство встановлено: ${own} і ${partner}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: (own, partner) => `Нове партнерство: ${own} – ${partner}`,
    intro: (own, partner, country, date, audience) =>
      audience === 'association'
        ? `${own}, член вашої асоціації, та ${partner} (${country}) прийняли пропозицію про партнерство. ${endSentence(`Партнерство встановлено ${date}`)}`
        : `Обидві сторони прийняли пропозицію про партнерство: ${own} та ${partner} (${country}). ${endSentence(`Партнерство встановлено ${date}`)}`,
    labels: {
      track: 'Формат співпраці',
      establishedOn: 'Дата встановлення',
      aboutPartner: 'Про партнера',
      name: 'Назва',
      nameLatin: 'Назва латиницею',
      country: 'Країна',
      region: 'Регіон',
      population: 'Населення',
      sectors: 'Пріоритетні сектори',
      offers: 'Може запропонувати',
      needs: 'Потребує підтримки',
      nextStep: 'Наступний крок',
      open: 'Відкрити партнерство в Bridges',
    },
    nextStep: (audience) =>
      audience === 'association'
        ? 'Команда заходів Bridges запланує стартову двосторонню онлайн-зустріч партнерів і надішле запрошення їхнім контактним особам. Представники вашої асоціації також можуть долучитися до зустрічі.'
        : 'Команда заходів Bridges запланує стартову двосторонню онлайн-зустріч партнерів і надішле запрошення вашим контактним особам. Подумайте, будь ласка, хто від вашої громади візьме в ній участь і які теми ви хотіли б обговорити насамперед.',
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (own, partner, audience) =>
      audience === 'association'
        ? `New partnership of your member: ${own} and ${partner}`
        : `Partnership established: ${own} and ${partner}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: (own, partner) => `A new partnership: ${own} – ${partner}`,
    intro: (own, partner, country, date, audience) =>
      audience === 'association'
        ? `${own}, a member of your association, and ${partner} (${country}) have both accepted the partnership proposal. The partnership was established on ${date}.`
        : `Both sides have accepted the partnership proposal: ${own} and ${partner} (${country}). The partnership was established on ${date}.`,
    labels: {
      track: 'Type of partnership',
      establishedOn: 'Established on',
      aboutPartner: 'About the partner',
      name: 'Name',
      nameLatin: 'Name (Latin script)',
      country: 'Country',
      region: 'Region',
      population: 'Population',
      sectors: 'Priority sectors',
      offers: 'Can offer',
      needs: 'Needs support in',
      nextStep: 'Next step',
      open: 'Open the partnership in Bridges',
    },
    nextStep: (audience) =>
      audience === 'association'
        ? 'The Bridges events team will schedule a bilateral online kick-off meeting of the two partners and send the invitation to their contacts. Representatives of your association are welcome to join.'
        : 'The Bridges events team will schedule a bilateral online kick-off meeting of both partners and send the invitation to your contacts. Please think about who from your municipality should attend and which topics you would like to discuss first.',
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  pl: {
    subject: (own, partner, audience) =>
      audience === 'association'
        ? `Nowe partnerstwo członka Państwa stowarzyszenia: ${own} i ${partner}`
        : `Partnerstwo nawiązane: ${own} i ${partner}`,
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: (own, partner) => `Nowe partnerstwo: ${own} – ${partner}`,
    intro: (own, partner, country, date, audience) =>
      audience === 'association'
        ? `Partnerstwo między ${own} (członkiem Państwa stowarzyszenia) a ${partner} (${country}) zostało nawiązane ${date}: obie strony przyjęły propozycję partnerstwa.`
        : `Obie strony przyjęły propozycję partnerstwa: ${own} oraz ${partner} (${country}). Partnerstwo zostało nawiązane ${date}.`,
    labels: {
      track: 'Rodzaj partnerstwa',
      establishedOn: 'Data nawiązania',
      aboutPartner: 'O partnerze',
      name: 'Nazwa',
      nameLatin: 'Nazwa (alfabet łaciński)',
      country: 'Kraj',
      region: 'Region',
      population: 'Liczba mieszkańców',
      sectors: 'Sektory priorytetowe',
      offers: 'Może zaoferować',
      needs: 'Potrzebuje wsparcia w zakresie',
      nextStep: 'Następny krok',
      open: 'Otwórz partnerstwo w Bridges',
    },
    nextStep: (audience) =>
      audience === 'association'
        ? 'Zespół ds. wydarzeń Bridges zaplanuje dwustronne spotkanie online inaugurujące współpracę partnerów i wyśle zaproszenie ich osobom kontaktowym. Przedstawiciele Państwa stowarzyszenia są również mile widziani.'
        : 'Zespół ds. wydarzeń Bridges zaplanuje dwustronne spotkanie online inaugurujące współpracę i wyśle zaproszenie Państwa osobom kontaktowym. Prosimy zastanowić się, kto z Państwa gminy weźmie w nim udział i jakie tematy chcieliby Państwo omówić w pierwszej kolejności.',
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    subject: (own, partner, audience) =>
      audience === 'association'
        ? `Neue Partnerschaft eines Mitglieds: ${own} und ${partner}`
        : `Partnerschaft vereinbart: ${own} und ${partner}`,
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: (own, partner) => `Eine neue Partnerschaft: ${own} – ${partner}`,
    intro: (own, partner, country, date, audience) =>
      audience === 'association'
        ? `${own}, Mitglied Ihres Verbands, und ${partner} (${country}) haben den Partnerschaftsvorschlag angenommen. Die Partnerschaft besteht seit dem ${date}.`
        : `Beide Seiten haben den Partnerschaftsvorschlag angenommen: ${own} und ${partner} (${country}). Die Partnerschaft besteht seit dem ${date}.`,
    labels: {
      track: 'Art der Partnerschaft',
      establishedOn: 'Vereinbart am',
      aboutPartner: 'Über die Partnerkommune',
      name: 'Name',
      nameLatin: 'Name (lateinische Schrift)',
      country: 'Land',
      region: 'Region',
      population: 'Einwohnerzahl',
      sectors: 'Schwerpunktbereiche',
      offers: 'Bietet an',
      needs: 'Sucht Unterstützung bei',
      nextStep: 'Nächster Schritt',
      open: 'Partnerschaft in Bridges öffnen',
    },
    nextStep: (audience) =>
      audience === 'association'
        ? 'Das Veranstaltungsteam von Bridges plant ein bilaterales Online-Auftakttreffen der beiden Partner und sendet die Einladung an deren Ansprechpersonen. Vertreterinnen und Vertreter Ihres Verbands sind herzlich willkommen.'
        : 'Das Veranstaltungsteam von Bridges plant ein bilaterales Online-Auftakttreffen beider Partner und sendet die Einladung an Ihre Ansprechpersonen. Überlegen Sie bitte schon jetzt, wer aus Ihrer Kommune teilnehmen soll und welche Themen Sie zuerst besprechen möchten.',
    footerReason: 'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    subject: (own, partner, audience) =>
      audience === 'association'
        ? `Nové partnerstvo člena Vášho združenia: ${own} a ${partner}`
        : `Partnerstvo nadviazané: ${own} a ${partner}`,
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: (own, partner) => `Nové partnerstvo: ${own} – ${partner}`,
    intro: (own, partner, country, date, audience) =>
      audience === 'association'
        ? `Partnerstvo medzi ${own} (členom Vášho združenia) a ${partner} (${country}) bolo nadviazané ${date}: obe strany prijali návrh partnerstva.`
        : `Obe strany prijali návrh partnerstva: ${own} a ${partner} (${country}). Partnerstvo bolo nadviazané ${date}.`,
    labels: {
      track: 'Typ partnerstva',
      establishedOn: 'Dátum nadviazania',
      aboutPartner: 'O partnerovi',
      name: 'Názov',
      nameLatin: 'Názov (latinkou)',
      country: 'Krajina',
      region: 'Región',
      population: 'Počet obyvateľov',
      sectors: 'Prioritné oblasti',
      offers: 'Môže ponúknuť',
      needs: 'Potrebuje podporu v oblasti',
      nextStep: 'Ďalší krok',
      open: 'Otvoriť partnerstvo v Bridges',
    },
    nextStep: (audience) =>
      audience === 'association'
        ? 'Tím podujatí Bridges naplánuje dvojstranné úvodné online stretnutie partnerov a pošle pozvánku ich kontaktným osobám. Zástupcovia Vášho združenia sú na stretnutí tiež vítaní.'
        : 'Tím podujatí Bridges naplánuje dvojstranné úvodné online stretnutie oboch partnerov a pošle pozvánku Vašim kontaktným osobám. Premyslite si, prosím, kto sa za Vašu samosprávu zúčastní a ktoré témy by ste chceli prebrať ako prvé.',
    footerReason: 'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
  },
};

/**
 * `partnership.established`: sent to the contacts of both municipalities and of their associations when
 * matching publishes `matching.partnership.established.v1`. Introduces the partner and the next step,
 * the bilateral online kick-off meeting that the events service schedules.
 */
export class PartnershipEstablishedTemplate implements NotificationTemplate<PartnershipEstablishedData> {
  readonly id = 'partnership.established';
  readonly version = 2;
  readonly locales = Object.keys(MESSAGES);

  render(data: PartnershipEstablishedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const own = shortName(data.municipality, locale);
    const partner = shortName(data.partner, locale);
    const country = countryName(data.partner.countryCode, locale);
    const date = formatDate(data.establishedAt, locale);
    const p = data.partner;
    const latinDiffers = !!p.nameLatin && p.nameLatin.trim() !== p.nameNative.trim();

    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading(own, partner) },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: m.intro(own, partner, country, date, data.audience) },
      {
        kind: 'facts',
        rows: [
          [m.labels.track, vocabularyLabel('partnership-track', data.track, locale)],
          [m.labels.establishedOn, date],
        ],
      },
      { kind: 'subheading', text: m.labels.aboutPartner },
      {
        kind: 'facts',
        rows: [
          [m.labels.name, p.nameNative],
          [m.labels.nameLatin, latinDiffers ? p.nameLatin : undefined],
          [m.labels.country, country],
          [m.labels.region, p.region],
          [m.labels.population, p.population !== undefined ? formatInteger(p.population, locale) : undefined],
          [m.labels.sectors, sectorLabels(p.sectors, locale)],
          [m.labels.offers, sectorLabels(p.offers, locale)],
          [m.labels.needs, sectorLabels(p.needs, locale)],
        ],
      },
      { kind: 'subheading', text: m.labels.nextStep },
      { kind: 'paragraph', text: m.nextStep(data.audience) },
      { kind: 'action', label: m.labels.open, url: data.partnershipUrl },
    ];

    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(own, partner, data.audience)}`,
      preheader: m.nextStep(data.audience),
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
