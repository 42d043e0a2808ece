import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  formatMinorUnits,
  ShipmentStatus,
  type AidRequestLineV1,
  type AidRequestPublishedV1,
  type AidRequestReminderDueV1,
  type AidRequestSharedV1,
  type ShipmentReceivedV1,
  type ShipmentStatusChangedV1,
} from '@bridges/contracts';
import { consoleLink } from '../common/console-link';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { DirectoryService } from '../directory/directory.service';
import { toMunicipalityRef } from '../directory/municipality-summary.mapper';
import { chooseRecipientLocale } from '../directory/recipient-locale.policy';
import {
  TemplateRegistry,
  type AidRequestPublishedData,
  type AidRequestReminderData,
  type AidShipmentDispatchedData,
  type AidShipmentReceivedData,
} from '../templates';

const REQUEST_PUBLISHED = 'aid.request-published';
const REQUEST_REMINDER = 'aid.request-reminder';
const SHIPMENT_DISPATCHED = 'aid.shipment-dispatched';
const SHIPMENT_RECEIVED = 'aid.shipment-received';

/** A requested line as the request emails show it (what, category, unit, how many). */
const toRequestedLine = (l: AidRequestLineV1) => ({
  item: l.item,
  category: l.category,
  unit: l.unit,
  quantity: l.quantity,
});

/**
 * Aid logistics notifications, by email: a new request to the contacts of the partners it is addressed to
 * (each in their language) and to a partner that can see it only later (aid started flowing since), a dispatched shipment to the hromada's contacts in Ukrainian, a received one
 * (with any discrepancies) to the sender's contacts. A municipality not yet in the directory parks the
 * event until its profile arrives. Runs in the Kafka handler's transaction: it only writes rows.
 */
@Injectable()
export class AidLogisticsNotificationsService {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly directory: DirectoryService,
    private readonly deliveries: DeliveryQueue,
    private readonly templates: TemplateRegistry,
  ) {}

  async notifyPartnersOfRequest(
    manager: EntityManager,
    source: SourceEvent,
    event: AidRequestPublishedV1,
  ): Promise<void> {
    for (const partnerId of event.partnerIds)
      await this.tellPartnerOfRequest(manager, source, partnerId, event);
  }

  /** A partner that could not see a request when it was published (aid started flowing since) hears of it. */
  async notifyPartnerOfSharedRequest(
    manager: EntityManager,
    source: SourceEvent,
    event: AidRequestSharedV1,
  ): Promise<void> {
    await this.tellPartnerOfRequest(manager, source, event.partnerId, event);
  }

  private async tellPartnerOfRequest(
    manager: EntityManager,
    source: SourceEvent,
    partnerId: string,
    event: AidRequestPublishedV1 | AidRequestSharedV1,
  ): Promise<void> {
    const hromada = await this.directory.requireMunicipality(manager, event.hromadaId);
    const partner = await this.directory.requireMunicipality(manager, partnerId);
    const locales = this.templates.get(REQUEST_PUBLISHED).locales;
    for (const r of await this.directory.contactsOf(manager, partnerId)) {
      await this.deliveries.enqueueEmail<AidRequestPublishedData>(
        manager,
        source,
        r,
        REQUEST_PUBLISHED,
        {
          municipality: toMunicipalityRef(partner),
          hromada: toMunicipalityRef(hromada),
          title: event.title,
          urgency: event.urgency,
          ...(event.neededBy ? { neededBy: event.neededBy } : {}),
          lines: event.lines.map(toRequestedLine),
          ...this.link('requests', event.requestId, 'requestUrl'),
          ...(r.name ? { recipientName: r.name } : {}),
        },
        chooseRecipientLocale(r.preferredLanguage, partner.country, locales),
      );
    }
  }

  /** A request of a partner hromada is still open after the configured time: its partners are reminded. */
  async remindPartnersOfRequest(
    manager: EntityManager,
    source: SourceEvent,
    event: AidRequestReminderDueV1,
  ): Promise<void> {
    const hromada = await this.directory.requireMunicipality(manager, event.hromadaId);
    const locales = this.templates.get(REQUEST_REMINDER).locales;
    for (const partnerId of event.partnerIds) {
      const partner = await this.directory.requireMunicipality(manager, partnerId);
      for (const r of await this.directory.contactsOf(manager, partnerId)) {
        await this.deliveries.enqueueEmail<AidRequestReminderData>(
          manager,
          source,
          r,
          REQUEST_REMINDER,
          {
            municipality: toMunicipalityRef(partner),
            hromada: toMunicipalityRef(hromada),
            title: event.title,
            openSince: event.publishedAt,
            lines: event.lines.map(toRequestedLine),
            ...this.link('requests', event.requestId, 'requestUrl'),
            ...(r.name ? { recipientName: r.name } : {}),
          },
          chooseRecipientLocale(r.preferredLanguage, partner.country, locales),
        );
      }
    }
  }

  /** Only the dispatch is news for the hromada; other steps are in its console. Always in Ukrainian. */
  async notifyHromadaOfDispatch(
    manager: EntityManager,
    source: SourceEvent,
    event: ShipmentStatusChangedV1,
  ): Promise<void> {
    if (event.to !== ShipmentStatus.Dispatched) return;
    const hromada = await this.directory.requireMunicipality(manager, event.hromadaId);
    const sender = await this.directory.requireMunicipality(manager, event.euMunicipalityId);
    for (const r of await this.directory.contactsOf(manager, event.hromadaId)) {
      await this.deliveries.enqueueEmail<AidShipmentDispatchedData>(
        manager,
        source,
        r,
        SHIPMENT_DISPATCHED,
        {
          hromada: toMunicipalityRef(hromada),
          sender: toMunicipalityRef(sender),
          reference: event.reference,
          grossWeightKg: event.grossWeightKg,
          packages: event.packages,
          dispatchedAt: event.at,
          ...(event.expectedArrival ? { expectedArrival: event.expectedArrival } : {}),
          ...(event.declaredValue
            ? {
                declaredValue: `${formatMinorUnits(event.declaredValue.amountMinor, event.declaredValue.currency)} ${event.declaredValue.currency}`,
              }
            : {}),
          ...this.link('shipments', event.shipmentId, 'shipmentUrl'),
          ...(r.name ? { recipientName: r.name } : {}),
        },
        'uk',
      );
    }
  }

  async notifySenderOfReceipt(
    manager: EntityManager,
    source: SourceEvent,
    event: ShipmentReceivedV1,
  ): Promise<void> {
    const hromada = await this.directory.requireMunicipality(manager, event.hromadaId);
    const sender = await this.directory.requireMunicipality(manager, event.euMunicipalityId);
    const locales = this.templates.get(SHIPMENT_RECEIVED).locales;
    for (const r of await this.directory.contactsOf(manager, event.euMunicipalityId)) {
      await this.deliveries.enqueueEmail<AidShipmentReceivedData>(
        manager,
        source,
        r,
        SHIPMENT_RECEIVED,
        {
          sender: toMunicipalityRef(sender),
          hromada: toMunicipalityRef(hromada),
          reference: event.reference,
          receivedAt: event.receivedAt,
          hasDiscrepancies: event.hasDiscrepancies,
          lines: event.lines.map((l) => ({
            item: l.item,
            unit: l.unit,
            shippedQuantity: l.shippedQuantity,
            receivedQuantity: l.receivedQuantity,
            damagedQuantity: l.damagedQuantity,
            discrepancy: l.discrepancy,
            ...(l.note ? { note: l.note } : {}),
          })),
          ...this.link('shipments', event.shipmentId, 'shipmentUrl'),
          ...(r.name ? { recipientName: r.name } : {}),
        },
        chooseRecipientLocale(r.preferredLanguage, sender.country, locales),
      );
    }
  }

  /** `{ [field]: <logistics console>/<path>/<id> }` when the logistics console's address is configured. */
  private link<K extends string>(path: string, id: string, field: K): Partial<Record<K, string>> {
    const url = consoleLink(this.env.LOGISTICS_CONSOLE_URL, `${path}/${id}`);
    return (url ? { [field]: url } : {}) as Partial<Record<K, string>>;
  }
}
