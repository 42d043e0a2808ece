import { renderEmailDocument } from './email-document.renderer';
import type { BaseTemplateData, NotificationTemplate } from './notification-template.interface';
import { createDefaultTemplateRegistry, TemplateRegistry } from './template.registry';
import {
  partnershipEstablishedData,
  partnershipStatusChangedData,
  UNSUBSCRIBE_URL,
} from './template.fixtures';
import { TEMPLATE_SAMPLES } from './template-samples';
import { TemplateError, TemplateErrorCode } from './templates.errors';

interface ShipmentDeliveredData extends BaseTemplateData {
  waybill: string;
}

// Stands for a template another team adds later: nothing in the registry or delivery code changes.
const shipmentDelivered: NotificationTemplate<ShipmentDeliveredData> = {
  id: 'logistics.shipment-delivered',
  version: 2,
  locales: ['uk', 'en'],
  render: (data, locale) =>
    renderEmailDocument({
      locale,
      subject: locale === 'uk' ? `Вантаж ${data.waybill} доставлено` : `Shipment ${data.waybill} delivered`,
      blocks: [],
      footerReason: '',
      unsubscribeLabel: 'x',
      unsubscribeUrl: data.unsubscribeUrl,
    }),
};

function expectTemplateError(fn: () => unknown, code: TemplateErrorCode): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).code).toBe(code);
    return;
  }
  throw new Error(`expected a TemplateError ${code}`);
}

describe(TemplateRegistry.name, () => {
  describe('register', () => {
    it('should make a new template renderable when it is registered', () => {
      const registry = createDefaultTemplateRegistry().register(shipmentDelivered);
      const rendered = registry.render(
        'logistics.shipment-delivered',
        { waybill: 'CMR-7', unsubscribeUrl: UNSUBSCRIBE_URL },
        'uk',
      );
      expect(rendered).toMatchObject({
        subject: 'Вантаж CMR-7 доставлено',
        templateVersion: 2,
        locale: 'uk',
      });
    });

    it('should refuse a second template with the same id', () => {
      const registry = new TemplateRegistry().register(shipmentDelivered);
      expectTemplateError(() => registry.register(shipmentDelivered), TemplateErrorCode.DuplicateTemplate);
    });

    it('should refuse a template without Ukrainian or English', () => {
      expectTemplateError(
        () => new TemplateRegistry().register({ ...shipmentDelivered, locales: ['en'] }),
        TemplateErrorCode.InvalidTemplate,
      );
    });

    it('should refuse a template whose version is not a positive integer', () => {
      expectTemplateError(
        () => new TemplateRegistry().register({ ...shipmentDelivered, version: 0 }),
        TemplateErrorCode.InvalidTemplate,
      );
    });
  });

  describe('get', () => {
    it('should throw TEMPLATE_UNKNOWN when the id is not registered', () => {
      expectTemplateError(() => new TemplateRegistry().get('nope'), TemplateErrorCode.UnknownTemplate);
    });
  });

  describe('ids', () => {
    it('should list the shipped templates when created by default', () => {
      expect(createDefaultTemplateRegistry().ids()).toEqual([
        'aid.request-published',
        'aid.request-reminder',
        'aid.shipment-dispatched',
        'aid.shipment-received',
        'events.event-cancelled',
        'events.event-changed',
        'events.kick-off-invitation',
        'events.registration-confirmed',
        'events.registration-waitlisted',
        'events.reminder',
        'events.seat-offered',
        'matching.proposals-digest',
        'partnership.established',
        'partnership.status-changed',
      ]);
    });
  });

  describe('render', () => {
    const registry = createDefaultTemplateRegistry();

    it('should record template id, version and the locale used', () => {
      expect(registry.render('partnership.established', partnershipEstablishedData(), 'pl-PL')).toMatchObject(
        {
          templateId: 'partnership.established',
          templateVersion: 2,
          locale: 'pl',
        },
      );
    });

    it.each([
      [undefined, 'en'],
      ['lt', 'en'],
      ['UA', 'uk'],
      ['uk-UA', 'uk'],
    ])('should resolve a requested locale of %s to %s', (requested, used) => {
      expect(
        registry.render('partnership.status-changed', partnershipStatusChangedData(), requested).locale,
      ).toBe(used);
    });

    it('should have sample data for every registered template, and none for a template it does not ship', () => {
      expect(Object.keys(TEMPLATE_SAMPLES).sort()).toEqual(registry.ids());
    });

    const cases = registry
      .ids()
      .flatMap((id) => registry.get(id).locales.map((locale) => [id, locale] as const));

    it.each(cases)('should carry a working unsubscribe link when rendering %s in %s', (id, locale) => {
      const rendered = registry.render(id, TEMPLATE_SAMPLES[id](), locale);
      expect(rendered.locale).toBe(locale);
      expect(rendered.text).toContain(UNSUBSCRIBE_URL);
      expect(rendered.html).toContain(`href="${UNSUBSCRIBE_URL}"`);
      expect(rendered.html).toContain(`<html lang="${locale}">`);
      expect(rendered.subject.startsWith('Bridges: ')).toBe(true);
    });
  });
});
