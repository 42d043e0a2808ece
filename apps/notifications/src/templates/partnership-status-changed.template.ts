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
  status: Record<PartnershipStatusName, string>;
  meaning: Record<PartnershipStatusName, string>;
  track: Record<PartnershipTrackName, string>;
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
    status: { established: 'встановлене', active: 'активне', dormant: 'неактивне', ended: 'завершене' },
    meaning: {
      established: 'Партнерство встановлено; наступним кроком буде стартова онлайн-зустріч партнерів.',
      active: 'Партнерство активне: спільна діяльність триває.',
      dormant:
        'Партнерство позначене як неактивне: останнім часом спільної діяльності не було. Координатори Bridges можуть допомогти її відновити.',
      ended: 'Партнерство завершено. Дякуємо за співпрацю.',
    },
    track: { formal: 'офіційне партнерство', solidarity: 'партнерство солідарності' },
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
    status: { established: 'established', active: 'active', dormant: 'dormant', ended: 'ended' },
    meaning: {
      established: 'The partnership is established; the next step is the partners’ online kick-off meeting.',
      active: 'The partnership is active: joint activities are under way.',
      dormant:
        'The partnership is marked dormant: there has been no joint activity for a while. Bridges coordinators can help to revive it.',
      ended: 'The partnership has ended. Thank you for your cooperation.',
    },
    track: { formal: 'formal partnership', solidarity: 'solidarity partnership' },
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
};

/**
 * `partnership.status-changed`: a partnership became active, dormant or ended, or changed track
 * (formal / solidarity); from `matching.partnership.status-changed.v1`.
 */
export class PartnershipStatusChangedTemplate implements NotificationTemplate<PartnershipStatusChangedData> {
  readonly id = 'partnership.status-changed';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: PartnershipStatusChangedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const own = shortName(data.municipality, locale);
    const partner = shortName(data.partner, locale);
    const date = formatDate(data.changedAt, locale);
    const track =
      data.previousTrack && data.previousTrack !== data.track
        ? `${m.track[data.previousTrack]} → ${m.track[data.track]}`
        : m.track[data.track];

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
          m.status[data.from],
          m.status[data.to],
        ),
      },
      { kind: 'paragraph', text: m.meaning[data.to] },
      {
        kind: 'facts',
        rows: [
          [m.labels.status, m.status[data.to]],
          [m.labels.track, track],
          [m.labels.changedOn, date],
          [m.labels.reason, data.reason],
        ],
      },
      { kind: 'action', label: m.labels.open, url: data.partnershipUrl },
    ];

    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(own, partner, m.status[data.to])}`,
      preheader: m.meaning[data.to],
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
