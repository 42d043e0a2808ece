import type { EmailBlock } from './email-document';
import { renderEmailDocument } from './email-document.renderer';
import { formatDate, formatInteger, resolveLocale } from './locale.util';
import { shortName, type MunicipalityRef } from './municipality-summary';
import type {
  BaseTemplateData,
  NotificationTemplate,
  RenderedContent,
} from './notification-template.interface';

/** Data for one hromada contact of `aid.shipment-dispatched`. */
export interface AidShipmentDispatchedData extends BaseTemplateData {
  hromada: MunicipalityRef;
  sender: MunicipalityRef;
  reference: string;
  grossWeightKg: number;
  packages: number;
  dispatchedAt: string;
  expectedArrival?: string;
  /** Declared value, already formatted with its currency (e.g. "100 000,00 EUR"). */
  declaredValue?: string;
  shipmentUrl?: string;
}

interface Messages {
  subject(sender: string, reference: string): string;
  greeting(name?: string): string;
  heading: string;
  intro(sender: string, date: string): string;
  labels: {
    reference: string;
    weight: string;
    packages: string;
    arrival: string;
    value: string;
    open: string;
  };
  receiptNote: string;
  footerReason: string;
  unsubscribe: string;
}

const MESSAGES: Record<string, Messages> = {
  uk: {
    subject: (sender, reference) => `Вантаж від ${sender} відправлено: ${reference}`,
    greeting: (name) => (name ? `Доброго дня, ${name}!` : 'Доброго дня!'),
    heading: 'Гуманітарний вантаж у дорозі',
    intro: (sender, date) => `${date} ${sender} відправив(-ла) вам гуманітарний вантаж.`,
    labels: {
      reference: 'Номер відправлення',
      weight: 'Вага брутто',
      packages: 'Місць',
      arrival: 'Очікуване прибуття',
      value: 'Задекларована вартість',
      open: 'Відкрити відправлення в Bridges',
    },
    receiptNote:
      'Коли вантаж прибуде, підтвердьте отримання в Bridges (акт приймання): зазначте кількість і стан кожної позиції.',
    footerReason: 'Ви отримали цей лист, бо ваша адреса зазначена як контактна в Bridges.',
    unsubscribe: 'Відписатися від таких листів',
  },
  en: {
    subject: (sender, reference) => `Shipment from ${sender} dispatched: ${reference}`,
    greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
    heading: 'A humanitarian shipment is on its way',
    intro: (sender, date) => `On ${date}, ${sender} dispatched a humanitarian shipment to you.`,
    labels: {
      reference: 'Shipment reference',
      weight: 'Gross weight',
      packages: 'Packages',
      arrival: 'Expected arrival',
      value: 'Declared value',
      open: 'Open the shipment in Bridges',
    },
    receiptNote:
      'When it arrives, confirm receipt in Bridges (goods received note) with the quantity and condition of each line.',
    footerReason: 'You receive this email because your address is registered as a contact in Bridges.',
    unsubscribe: 'Unsubscribe from these emails',
  },
};

/** `aid.shipment-dispatched`: aid left the partner for the hromada; from `logistics.shipment.status-changed.v1`. */
export class AidShipmentDispatchedTemplate implements NotificationTemplate<AidShipmentDispatchedData> {
  readonly id = 'aid.shipment-dispatched';
  readonly version = 1;
  readonly locales = Object.keys(MESSAGES);

  render(data: AidShipmentDispatchedData, requestedLocale: string): RenderedContent {
    const locale = resolveLocale(requestedLocale, this.locales);
    const m = MESSAGES[locale];
    const sender = shortName(data.sender, locale);
    const blocks: EmailBlock[] = [
      { kind: 'heading', text: m.heading },
      { kind: 'paragraph', text: m.greeting(data.recipientName) },
      { kind: 'paragraph', text: m.intro(sender, formatDate(data.dispatchedAt, locale)) },
      {
        kind: 'facts',
        rows: [
          [m.labels.reference, data.reference],
          [m.labels.weight, `${formatInteger(data.grossWeightKg, locale)} kg`],
          [m.labels.packages, formatInteger(data.packages, locale)],
          [m.labels.arrival, data.expectedArrival ? formatDate(data.expectedArrival, locale) : undefined],
          [m.labels.value, data.declaredValue],
        ],
      },
      { kind: 'paragraph', text: m.receiptNote },
      { kind: 'action', label: m.labels.open, url: data.shipmentUrl },
    ];
    return renderEmailDocument({
      locale,
      subject: `Bridges: ${m.subject(sender, data.reference)}`,
      preheader: m.intro(sender, formatDate(data.dispatchedAt, locale)),
      blocks,
      footerReason: m.footerReason,
      unsubscribeLabel: m.unsubscribe,
      unsubscribeUrl: data.unsubscribeUrl,
    });
  }
}
