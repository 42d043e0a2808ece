import {
  aidRequestPublishedData,
  aidRequestReminderData,
  aidShipmentDispatchedData,
  aidShipmentReceivedData,
} from './aid-logistics.fixtures';
import { eventEmailData } from './event-email.fixtures';
import type { BaseTemplateData } from './notification-template.interface';
import {
  partnershipEstablishedData,
  partnershipStatusChangedData,
  proposalsDigestData,
} from './template.fixtures';

/**
 * Sample data of every template the service ships, by template id: what the console's previews render
 * and the template specs check; template.registry.spec.ts fails when a registered template has none.
 */
export const TEMPLATE_SAMPLES: Readonly<Record<string, () => BaseTemplateData>> = {
  'partnership.established': () => partnershipEstablishedData(),
  'matching.proposals-digest': () => proposalsDigestData(2),
  'partnership.status-changed': () => partnershipStatusChangedData(),
  'aid.request-published': () => aidRequestPublishedData(),
  'aid.request-reminder': () => aidRequestReminderData(),
  'aid.shipment-dispatched': () => aidShipmentDispatchedData(),
  'aid.shipment-received': () => aidShipmentReceivedData(),
  'events.kick-off-invitation': () => eventEmailData({ online: true, place: undefined }),
  'events.registration-confirmed': () => eventEmailData(),
  'events.registration-waitlisted': () => eventEmailData(),
  'events.seat-offered': () => eventEmailData({ offerExpiresAt: '2026-12-02T10:00:00.000Z' }),
  'events.event-changed': () => eventEmailData({ reason: 'Зал змінено' }),
  'events.event-cancelled': () => eventEmailData({ reason: 'Venue unavailable' }),
  'events.reminder': () => eventEmailData(),
};
