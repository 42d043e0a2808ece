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

// "1 нова пропозиція", "3 нові пропозиції", "5 нових пропозицій": Ukrainian nouns agree with the number.
const UK_PROPOSALS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'нових пропозицій партнерства',
  one: 'нова пропозиція партнерства',
  two: 'нові пропозиції партнерства',
  few: 'нові пропозиції партнерства',
  many: 'нових пропозицій партнерства',
  other: 'нової пропозиції партнерства',
};
const ukPlural = new Intl.PluralRules('uk');

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (count, hromada) =>
      `${count} ${UK_PROPOSALS[ukPlural.select(count)]}` + (hromada ? ` — ${hromada}` : ''),
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
