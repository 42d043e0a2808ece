import type { AidRequestPublishedData } from './aid-request-published.template';
import type { AidRequestReminderData } from './aid-request-reminder.template';
import type { AidShipmentDispatchedData } from './aid-shipment-dispatched.template';
import type { AidShipmentReceivedData } from './aid-shipment-received.template';
import { UNSUBSCRIBE_URL } from './template.fixtures';

// Sample data of the aid logistics template specs and of the console's previews (template-samples.ts).

const DOLYNA = {
  nameNative: 'Долинська міська громада',
  nameLatin: 'Dolyna urban hromada',
  countryCode: 'UA',
};
const SIAULIAI = {
  nameNative: 'Šiaulių rajono savivaldybė',
  nameLatin: 'Siauliai district',
  countryCode: 'LT',
};

export function aidRequestPublishedData(): AidRequestPublishedData {
  return {
    municipality: SIAULIAI,
    hromada: DOLYNA,
    title: 'Generators for boiler houses',
    urgency: 'high',
    neededBy: '2026-12-01',
    lines: [{ item: 'Diesel generator 30 kVA', category: 'energy', unit: 'H87', quantity: 20 }],
    unsubscribeUrl: UNSUBSCRIBE_URL,
  };
}

export function aidShipmentDispatchedData(): AidShipmentDispatchedData {
  return {
    hromada: DOLYNA,
    sender: SIAULIAI,
    reference: 'BR-2026-000001-5',
    grossWeightKg: 11_000,
    packages: 22,
    dispatchedAt: '2026-03-14T08:00:00Z',
    expectedArrival: '2026-03-17',
    declaredValue: '100000.00 EUR',
    unsubscribeUrl: UNSUBSCRIBE_URL,
  };
}

export function aidShipmentReceivedData(): AidShipmentReceivedData {
  return {
    sender: SIAULIAI,
    hromada: DOLYNA,
    reference: 'BR-2026-000001-5',
    receivedAt: '2026-03-17T12:00:00Z',
    hasDiscrepancies: true,
    lines: [
      {
        item: 'Medicines',
        unit: 'KGM',
        shippedQuantity: 500,
        receivedQuantity: 495,
        damagedQuantity: 0,
        discrepancy: 'short',
      },
    ],
    unsubscribeUrl: UNSUBSCRIBE_URL,
  };
}

export function aidRequestReminderData(): AidRequestReminderData {
  return {
    municipality: SIAULIAI,
    hromada: DOLYNA,
    title: 'Generators for boiler houses',
    openSince: '2026-11-01T09:00:00Z',
    lines: [{ item: 'Diesel generator 30 kVA', category: 'energy', unit: 'H87', quantity: 5 }],
    unsubscribeUrl: UNSUBSCRIBE_URL,
  };
}
