import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { resolveLocale } from './locale.util';
import { TemplateError, TemplateErrorCode } from './templates.errors';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';

/** Data of every event email: the event as the events service describes it, and what happened. */
export interface EventEmailData extends BaseTemplateData {
  titleUk: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  /** IANA zone the event is held in; times are written in it and named. */
  timeZone: string;
  /** Venue and address, or absent for an online event (its link goes only to confirmed people). */
  place?: string;
  online: boolean;
  /** Seat offers: until when the seat is held. */
  offerExpiresAt?: string;
  /** Changes and cancellations: why, as the organiser wrote it. */
  reason?: string;
}

/** The wording of one event email in one language. */
export interface EventEmailMessages {
  subject(title: string): string;
  heading: string;
  intro(data: EventEmailData, locale: string): string;
  /** Set when the email carries the `.ics` file. */
  calendarHint?: string;
}

/** The parts every event email shares, in one language. */
interface EventEmailCommon {
  greeting(name?: string): string;
  when: string;
  where: string;
  online: string;
  reason: string;
  footer: string;
  unsubscribe: string;
}

const COMMON: Record<string, EventEmailCommon> = {
  uk: {
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    when: 'Коли',
    where: 'Де',
    online: 'Онлайн',
    reason: 'Причина',
    footer: 'Ви отримали цей лист, бо зареєстровані на подію або запрошені до неї в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    when: 'When',
    where: 'Where',
    online: 'Online',
    reason: 'Reason',
    footer: 'You receive this email because you registered for or were invited to an event in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  // Formal address, as the partnership and aid emails: Państwo, Sie, Vy.
  pl: {
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    when: 'Kiedy',
    where: 'Gdzie',
    online: 'Online',
    reason: 'Powód',
    footer:
      'Otrzymują Państwo tę wiadomość, ponieważ zarejestrowali się Państwo na wydarzenie w Bridges lub otrzymali na nie zaproszenie.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    when: 'Wann',
    where: 'Wo',
    online: 'Online',
    reason: 'Grund',
    footer:
      'Sie erhalten diese E-Mail, weil Sie sich in Bridges zu einer Veranstaltung angemeldet haben oder dazu eingeladen wurden.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    when: 'Kedy',
    where: 'Kde',
    online: 'Online',
    reason: 'Dôvod',
    footer:
      'Tento e-mail dostávate, pretože ste sa v Bridges zaregistrovali na podujatie alebo ste naň dostali pozvánku.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
  },
};

/** A moment in the event's own time zone, named, e.g. "10 грудня 2026 р. о 10:00 (Europe/Warsaw)". */
export function formatEventTime(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    date,
  );
  return `${text} (${timeZone})`;
}

/** The event's title in the reader's language: Ukrainian for `uk`, English otherwise (events have no other title). */
export function eventTitle(data: Pick<EventEmailData, 'titleUk' | 'titleEn'>, locale: string): string {
  return locale === 'uk' ? data.titleUk : data.titleEn;
}

/**
 * One event email (confirmed, waitlisted, offered, changed, cancelled, kick-off invitation): the same
 * layout — greeting, what happened, when and where — with the wording of `messages`.
 */
export class EventEmailTemplate implements NotificationTemplate<EventEmailData> {
  readonly version = 1;
  readonly locales: readonly string[];

  constructor(
    readonly id: string,
    private readonly messages: Record<string, EventEmailMessages>,
  ) {
    // A language without the shared parts would get an English greeting, labels and footer around its text.
    const lacking = Object.keys(messages).filter((locale) => !COMMON[locale]);
    if (lacking.length > 0) {
      throw new TemplateError(
        TemplateErrorCode.InvalidTemplate,
        `Template "${id}" has messages in ${lacking.join(', ')}, which event emails have no shared parts in`,
      );
    }
    this.locales = Object.keys(messages);
  }

  render(data: EventEmailData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = this.messages[locale];
    const c = COMMON[locale];
    const title = eventTitle(data, locale);
    const intro = m.intro(data, locale);
    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: c.greeting(data.recipientName) },
      { kind: 'paragraph', text: intro },
      {
        kind: 'facts',
        rows: [
          [
            c.when,
            `${formatEventTime(data.startsAt, data.timeZone, locale)} – ${formatEventTime(data.endsAt, data.timeZone, locale)}`,
          ],
          [c.where, data.online ? c.online : data.place],
          [c.reason, data.reason],
        ],
      },
      ...(m.calendarHint ? [{ kind: 'paragraph' as const, text: m.calendarHint }] : []),
    ];
    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(title)}`,
      preheader: intro,
      blocks,
      footerReason: c.footer,
      unsubscribeLabel: c.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
