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

/** One line of a goods received note as the sender reads it. */
export interface ReceivedLineSummary {
  item: string;
  unit: string;
  shippedQuantity: number;
  receivedQuantity: number;
  damagedQuantity: number;
  discrepancy: 'none' | 'short' | 'over' | 'damaged';
  note?: string;
}

/** Data for one sender contact of `aid.shipment-received`. */
export interface AidShipmentReceivedData extends BaseTemplateData {
  sender: MunicipalityRef;
  hromada: MunicipalityRef;
  reference: string;
  receivedAt: string;
  hasDiscrepancies: boolean;
  lines: ReceivedLineSummary[];
  shipmentUrl?: string;
}

interface Messages {
  subject(hromada: string, reference: string, discrepancies: boolean): string;
  greeting(name?: string): string;
  heading: string;
  intro(hromada: string, reference: string, date: string): string;
  allWell: string;
  discrepanciesIntro: string;
  line(l: ReceivedLineSummary, n: (v: number) => string): string;
  open: string;
  footerReason: string;
  unsubscribe: string;
}

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (hromada, reference, d) =>
      `${hromada} отримала вантаж ${reference}${d ? ' (є розбіжності)' : ''}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Вантаж отримано',
    intro: (hromada, reference, date) => `${date} ${hromada} підтвердила отримання вантажу ${reference}.`,
    allWell: 'Усе прибуло в повному обсязі та в належному стані. Дякуємо!',
    discrepanciesIntro: 'В акті приймання зазначено розбіжності:',
    line: (l, n) =>
      `${l.item}: відправлено ${n(l.shippedQuantity)} ${l.unit}, отримано ${n(l.receivedQuantity)}` +
      (l.damagedQuantity ? `, пошкоджено ${n(l.damagedQuantity)}` : '') +
      (l.note ? ` — ${l.note}` : ''),
    open: 'Відкрити відправлення в Bridges',
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (hromada, reference, d) =>
      `${hromada} received shipment ${reference}${d ? ' (with discrepancies)' : ''}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'Shipment received',
    intro: (hromada, reference, date) => `On ${date}, ${hromada} confirmed receipt of shipment ${reference}.`,
    allWell: 'Everything arrived in full and in good condition. Thank you!',
    discrepanciesIntro: 'The goods received note records discrepancies:',
    line: (l, n) =>
      `${l.item}: shipped ${n(l.shippedQuantity)} ${l.unit}, received ${n(l.receivedQuantity)}` +
      (l.damagedQuantity ? `, damaged ${n(l.damagedQuantity)}` : '') +
      (l.note ? ` — ${l.note}` : ''),
    open: 'Open the shipment in Bridges',
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
  // Polish and Slovak: "the recipient, <name>, confirmed", so the verb agrees with "recipient".
  pl: {
    subject: (hromada, reference, d) =>
      `Przesyłka ${reference} odebrana: ${hromada}${d ? ' (z rozbieżnościami)' : ''}`,
    greeting: (name) => (name ? `Dzień dobry, ${name}!` : 'Dzień dobry!'),
    heading: 'Przesyłka odebrana',
    intro: (hromada, reference, date) =>
      `Odbiorca, ${hromada}, potwierdził ${date} przyjęcie przesyłki ${reference}.`,
    allWell: 'Wszystko dotarło w komplecie i w dobrym stanie. Dziękujemy!',
    discrepanciesIntro: 'W protokole przyjęcia odnotowano rozbieżności:',
    line: (l, n) =>
      `${l.item}: wysłano ${n(l.shippedQuantity)} ${l.unit}, odebrano ${n(l.receivedQuantity)}` +
      (l.damagedQuantity ? `, uszkodzonych: ${n(l.damagedQuantity)}` : '') +
      (l.note ? ` — ${l.note}` : ''),
    open: 'Otwórz przesyłkę w Bridges',
    footerReason:
      'Otrzymują Państwo tę wiadomość, ponieważ Państwa adres jest zapisany w Bridges jako kontaktowy.',
    unsubscribe: 'Zrezygnuj z takich wiadomości',
  },
  de: {
    subject: (hromada, reference, d) =>
      `${hromada} hat die Sendung ${reference} erhalten${d ? ' (mit Abweichungen)' : ''}`,
    greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
    heading: 'Sendung angekommen',
    intro: (hromada, reference, date) =>
      `Am ${date} hat ${hromada} den Empfang der Sendung ${reference} bestätigt.`,
    allWell: 'Alles ist vollständig und in einwandfreiem Zustand angekommen. Vielen Dank!',
    discrepanciesIntro: 'Im Wareneingangsprotokoll sind Abweichungen vermerkt:',
    line: (l, n) =>
      `${l.item}: versandt ${n(l.shippedQuantity)} ${l.unit}, erhalten ${n(l.receivedQuantity)}` +
      (l.damagedQuantity ? `, beschädigt ${n(l.damagedQuantity)}` : '') +
      (l.note ? ` — ${l.note}` : ''),
    open: 'Sendung in Bridges öffnen',
    footerReason: 'Sie erhalten diese E-Mail, weil Ihre Adresse in Bridges als Kontakt hinterlegt ist.',
    unsubscribe: 'Von diesen E-Mails abmelden',
  },
  sk: {
    subject: (hromada, reference, d) =>
      `Zásielka ${reference} prevzatá: ${hromada}${d ? ' (s nezrovnalosťami)' : ''}`,
    greeting: (name) => (name ? `Dobrý deň, ${name},` : 'Dobrý deň,'),
    heading: 'Zásielka prevzatá',
    intro: (hromada, reference, date) =>
      `Príjemca, ${hromada}, potvrdil ${date} prevzatie zásielky ${reference}.`,
    allWell: 'Všetko dorazilo v plnom rozsahu a v poriadku. Ďakujeme!',
    discrepanciesIntro: 'V preberacom protokole sú zaznamenané nezrovnalosti:',
    line: (l, n) =>
      `${l.item}: odoslané ${n(l.shippedQuantity)} ${l.unit}, prijaté ${n(l.receivedQuantity)}` +
      (l.damagedQuantity ? `, poškodené ${n(l.damagedQuantity)}` : '') +
      (l.note ? ` — ${l.note}` : ''),
    open: 'Otvoriť zásielku v Bridges',
    footerReason: 'Tento e-mail dostávate, pretože Vaša adresa je v Bridges uvedená ako kontaktná.',
    unsubscribe: 'Odhlásiť sa z týchto e-mailov',
  },
};

/** `aid.shipment-received`: the hromada confirmed what arrived; from `logistics.shipment.received.v1`. */
export class AidShipmentReceivedTemplate implements NotificationTemplate<AidShipmentReceivedData> {
  readonly id = 'aid.shipment-received';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: AidShipmentReceivedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const hromada = shortName(data.hromada, locale);
    const n = (v: number) => formatInteger(v, locale);
    const intro = m.intro(hromada, data.reference, formatDate(data.receivedAt, locale));
    const differing = data.lines.filter((l) => l.discrepancy !== 'none');
    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: intro },
      ...(data.hasDiscrepancies
        ? ([
            { kind: 'paragraph', text: m.discrepanciesIntro },
            {
              kind: 'list',
              items: differing.map((l) => m.line({ ...l, unit: vocabularyLabel('unit', l.unit, locale) }, n)),
            },
          ] as EmailBlock[])
        : ([{ kind: 'paragraph', text: m.allWell }] as EmailBlock[])),
      { kind: 'action', label: m.open, url: data.shipmentUrl },
    ];
    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(hromada, data.reference, data.hasDiscrepancies)}`,
      preheader: intro,
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
