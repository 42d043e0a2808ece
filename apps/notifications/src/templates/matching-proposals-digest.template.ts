import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { countryName, formatInteger, formatPercent, resolveLocale } from './locale.util';
import { matchFactorLabel } from './match-factor-labels';
import { displayName, shortName, type MunicipalityName, type MunicipalityRef } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';

/** One explained factor shown under a proposal. */
export interface ProposalReason {
  /** Matching's factor id, e.g. `sector-fit`. */
  factor: string;
  /** Factor score in [0, 1]. */
  score: number;
  /** Matching's explanation; English, so shown only in English emails. */
  explanation?: string;
}

/** Who the proposed partner is, so the reader need not look it up. */
export interface DigestPartner extends MunicipalityRef {
  /** Registry id: the profile link is built from it. Absent in proposals queued before it was kept. */
  municipalityId?: string;
  /** NUTS 3 region (EU) by name. */
  region?: string;
  population?: number;
  /** Its public profile in the registry console (any signed-in officer may read it; no contacts). */
  profileUrl?: string;
}

/** One proposal in a digest. */
export interface ProposalDigestItem {
  proposalId: string;
  /** The Ukrainian hromada the proposal is for. */
  hromada: MunicipalityName;
  /** The proposed EU partner. */
  partner: DigestPartner;
  /** Overall score in [0, 1]. */
  score: number;
  /** Best reasons first; a digest shows at most three. */
  topReasons: readonly ProposalReason[];
  /** Console page where the proposal is accepted or declined. */
  reviewUrl?: string;
}

/** Data for one recipient's digest. */
export interface ProposalsDigestData extends BaseTemplateData {
  /** Coordinators see proposals of many hromadas; a hromada's contacts see their own. */
  audience: 'coordinator' | 'municipality';
  /** At least one; in the order to show (the digest planner sorts them). */
  proposals: readonly ProposalDigestItem[];
  reviewAllUrl?: string;
}

const MAX_REASONS = 3;

interface Messages {
  subject(count: number, hromada: string | undefined): string;
  greeting(name?: string): string;
  heading: string;
  intro(count: number, hromada: string | undefined): string;
  score: string;
  hromada: string;
  region: string;
  population: string;
  profile: string;
  why: string;
  review: string;
  reviewAll: string;
  footerReason: string;
  unsubscribe: string;
}

/** A phrase's forms by CLDR plural category; `other` stands in for a category the language lacks. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "3 nowe propozycje": the count with the form of the phrase its language wants for it. */
function counted(count: number, rules: Intl.PluralRules, forms: PluralForms): string {
  return `${count} ${forms[rules.select(count)] ?? forms.other}`;
}

// "1 нова пропозиція", "3 нові пропозиції", "5 нових пропозицій": Ukrainian nouns agree with the number.
const UK_PROPOSALS: PluralForms = {
  one: 'нова пропозиція партнерства',
  few: 'нові пропозиції партнерства',
  many: 'нових пропозицій партнерства',
  other: 'нової пропозиції партнерства',
};
const ukPlural = new Intl.PluralRules('uk');

// Polish: nominative in the subject, accusative in the intro ("przygotował 1 nową propozycję").
const PL_PROPOSALS: PluralForms = {
  one: 'nowa propozycja partnerstwa',
  few: 'nowe propozycje partnerstwa',
  many: 'nowych propozycji partnerstwa',
  other: 'nowej propozycji partnerstwa',
};
const PL_PROPOSALS_ACCUSATIVE: PluralForms = { ...PL_PROPOSALS, one: 'nową propozycję partnerstwa' };
const PL_PARTNERS: PluralForms = {
  one: 'potencjalnego partnera',
  few: 'potencjalnych partnerów',
  many: 'potencjalnych partnerów',
  other: 'potencjalnego partnera',
};
const plPlural = new Intl.PluralRules('pl');

const DE_PROPOSALS: PluralForms = {
  one: 'neuer Partnerschaftsvorschlag',
  other: 'neue Partnerschaftsvorschläge',
};
const DE_PROPOSALS_ACCUSATIVE: PluralForms = { one: 'neuen Vorschlag', other: 'neue Vorschläge' };
const DE_PARTNERS: PluralForms = { one: 'mögliche Partnerkommune', other: 'mögliche Partnerkommunen' };
const dePlural = new Intl.PluralRules('de');

// Slovak: "návrh" is inanimate, so its accusative is its nominative; "partner" is animate.
const SK_PROPOSALS: PluralForms = {
  one: 'nový návrh partnerstva',
  few: 'nové návrhy partnerstva',
  many: 'nového návrhu partnerstva',
  other: 'nových návrhov partnerstva',
};
const SK_PARTNERS: PluralForms = {
  one: 'potenciálneho partnera',
  few: 'potenciálnych partnerov',
  many: 'potenciálneho partnera',
  other: 'potenciálnych partnerov',
};
const skPlural = new Intl.PluralRules('sk');

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (count, hromada) => counted(count, ukPlural, UK_PROPOSALS) + (hromada ? ` — ${hromada}` : ''),
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Нові пропозиції партнерства',
    intro: (count, hromada) =>
      hromada
        ? `Система підбору партнерів знайшла нових потенційних партнерів для вашої громади (${hromada}). Кількість пропозицій: ${count}. До кожної додано пояснення, чому вона підходить. Перегляньте пропозиції та прийміть або відхиліть їх у Bridges.`
        : `Система підбору партнерів підготувала нові пропозиції. Кількість пропозицій: ${count}. Перегляньте їх, будь ласка, у консолі координатора.`,
    score: 'Оцінка відповідності',
    hromada: 'Громада',
    region: 'Регіон',
    population: 'Населення',
    profile: 'Профіль партнера',
    why: 'Чому ця пропозиція',
    review: 'Переглянути пропозицію',
    reviewAll: 'Переглянути всі пропозиції',
    footerReason:
      'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges. Частоту таких зведень можна змінити в налаштуваннях сповіщень.',
    unsubscribe: 'Відписатися від зведень пропозицій',
  },
  en: {
    subject: (count, hromada) =>
      `${count} new partnership ${count === 1 ? 'proposal' : 'proposals'}` +
      (hromada ? ` for ${hromada}` : ''),
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'New partnership proposals',
    intro: (count, hromada) =>
      hromada
        ? `Matching has found ${count} potential ${count === 1 ? 'partner' : 'partners'} for ${hromada}. Each proposal explains why it fits; please review it and accept or decline it in Bridges.`
        : `Matching has produced ${count} new ${count === 1 ? 'proposal' : 'proposals'}. Please review them in the coordinator console.`,
    score: 'Match score',
    hromada: 'Hromada',
    region: 'Region',
    population: 'Population',
    profile: "The partner's profile",
    why: 'Why this match',
    review: 'Review the proposal',
    reviewAll: 'Review all proposals',
    footerReason:
      'You receive this email because your address is registered as a contact in Bridges. You can change how often digests are sent in your notification settings.',
    unsubscribe: 'Unsubscribe from proposal digests',
  }, // Sentences that follow the count do not depend on it ("each proposal", "all open proposals").
  pl: {
    subject: (count, hromada) => counted(count, plPlural, PL_PROPOSALS) + (hromada ? ` — ${hromada}` : ''),
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: 'Nowe propozycje partnerstwa',
    intro: (count, hromada) =>
      hromada
        ? `System doboru partnerów znalazł dla Państwa hromady (${hromada}) ${counted(count, plPlural, PL_PARTNERS)}. Przy każdej propozycji wyjaśniono, dlaczego pasuje. Prosimy przejrzeć każdą propozycję i przyjąć ją lub odrzucić w Bridges.`
        : `System doboru partnerów przygotował ${counted(count, plPlural, PL_PROPOSALS_ACCUSATIVE)}. Wszystkie oczekujące propozycje znajdą Państwo w konsoli koordynatora.`,
    score: 'Stopień dopasowania',
    hromada: 'Hromada',
    region: 'Region',
    population: 'Liczba mieszkańców',
    profile: 'Profil partnera',
    why: 'Dlaczego ta propozycja',
    review: 'Przejrzyj propozycję',
    reviewAll: 'Przejrzyj wszystkie propozycje',
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy. Częstotliwość takich zestawień można zmienić w ustawieniach powiadomień.',
    unsubscribe: 'Zrezygnuj z zestawień propozycji',
  },
  de: {
    subject: (count, hromada) => counted(count, dePlural, DE_PROPOSALS) + (hromada ? ` für ${hromada}` : ''),
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: 'Neue Partnerschaftsvorschläge',
    intro: (count, hromada) =>
      hromada
        ? `Die Partnersuche von Bridges hat für ${hromada} ${counted(count, dePlural, DE_PARTNERS)} gefunden. Zu jedem Vorschlag ist erläutert, warum er passt; bitte prüfen Sie jeden Vorschlag in Bridges und nehmen Sie ihn an oder lehnen Sie ihn ab.`
        : `Die Partnersuche von Bridges hat ${counted(count, dePlural, DE_PROPOSALS_ACCUSATIVE)} erstellt. Alle offenen Vorschläge finden Sie in der Koordinationskonsole.`,
    score: 'Übereinstimmung',
    hromada: 'Hromada',
    region: 'Region',
    population: 'Einwohnerzahl',
    profile: 'Profil der Partnerkommune',
    why: 'Warum dieser Vorschlag',
    review: 'Vorschlag prüfen',
    reviewAll: 'Alle Vorschläge prüfen',
    footerReason:
      'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist. Wie oft Sie solche Übersichten erhalten, können Sie in Ihren Benachrichtigungseinstellungen ändern.',
    unsubscribe: 'Von Vorschlagsübersichten abmelden',
  },
  sk: {
    subject: (count, hromada) => counted(count, skPlural, SK_PROPOSALS) + (hromada ? ` — ${hromada}` : ''),
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: 'Nové návrhy partnerstva',
    intro: (count, hromada) =>
      hromada
        ? `Systém výberu partnerov našiel pre Vašu samosprávu (${hromada}) ${counted(count, skPlural, SK_PARTNERS)}. Pri každom návrhu je uvedené, prečo je vhodný. Prosíme, posúďte každý návrh v Bridges a prijmite ho alebo odmietnite.`
        : `Systém výberu partnerov pripravil ${counted(count, skPlural, SK_PROPOSALS)}. Všetky čakajúce návrhy nájdete v konzole koordinátora.`,
    score: 'Miera zhody',
    hromada: 'Hromada',
    region: 'Región',
    population: 'Počet obyvateľov',
    profile: 'Profil partnera',
    why: 'Prečo tento návrh',
    review: 'Posúdiť návrh',
    reviewAll: 'Posúdiť všetky návrhy',
    footerReason:
      'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná. Frekvenciu týchto prehľadov môžete zmeniť v nastaveniach upozornení.',
    unsubscribe: 'Odhlásiť sa z prehľadov návrhov',
  },
};

/**
 * `matching.proposals-digest`: several `matching.proposal.proposed.v1` proposals for one recipient in one
 * email (see digest/proposal-digest.planner.ts), each with partner, country, score and top reasons.
 */
export class MatchingProposalsDigestTemplate implements NotificationTemplate<ProposalsDigestData> {
  readonly id = 'matching.proposals-digest';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: ProposalsDigestData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const count = data.proposals.length;
    const hromada =
      data.audience === 'municipality' && count > 0
        ? shortName(data.proposals[0].hromada, locale)
        : undefined;

    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: m.intro(count, hromada) },
    ];
    data.proposals.forEach((proposal, index) => {
      const { partner } = proposal;
      // Both scripts, so the reader can find the partner anywhere (Kraków (Krakow), Житомир (Zhytomyr)).
      const heading = `${displayName(partner)} (${countryName(partner.countryCode, locale)})`;
      blocks.push(
        { kind: 'subheading', text: `${index + 1}. ${heading}` },
        {
          kind: 'facts',
          rows: [
            [m.hromada, data.audience === 'coordinator' ? displayName(proposal.hromada) : undefined],
            [m.region, partner.region],
            [
              m.population,
              partner.population === undefined ? undefined : formatInteger(partner.population, locale),
            ],
            [m.score, formatPercent(proposal.score, locale)],
          ],
        },
      );
      const reasons = proposal.topReasons.slice(0, MAX_REASONS).map((reason) => {
        const line = `${matchFactorLabel(reason.factor, locale)}: ${formatPercent(reason.score, locale)}`;
        return locale === 'en' && reason.explanation ? `${line} (${reason.explanation})` : line;
      });
      if (reasons.length > 0) {
        blocks.push({ kind: 'paragraph', text: `${m.why}:` }, { kind: 'list', items: reasons });
      }
      blocks.push({ kind: 'action', label: m.review, url: proposal.reviewUrl });
      blocks.push({ kind: 'action', label: m.profile, url: partner.profileUrl });
    });
    blocks.push({ kind: 'action', label: m.reviewAll, url: data.reviewAllUrl });

    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(count, hromada)}`,
      preheader: m.intro(count, hromada),
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
