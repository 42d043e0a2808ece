import { Ctx, Payload } from '@nestjs/microservices';
import {
  AidRequestPublishedV1Event,
  AidRequestReminderDueV1Event,
  AidRequestSharedV1Event,
  ShipmentReceivedV1Event,
  ShipmentStatusChangedV1Event,
  type AidRequestPublishedV1,
  type AidRequestReminderDueV1,
  type AidRequestSharedV1,
  type ShipmentReceivedV1,
  type ShipmentStatusChangedV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { sourceOf } from '../deliveries/source-event';
import { AidLogisticsNotificationsService } from './aid-logistics-notifications.service';

/** Thin Kafka adapter for `logistics.aid-request.v1` and `logistics.shipment.v1`. */
@EventConsumer()
export class AidLogisticsNotificationsConsumer {
  constructor(private readonly notifications: AidLogisticsNotificationsService) {}

  @OnEvent(AidRequestPublishedV1Event)
  async notifyPartnersOnAidRequestPublished(
    @Payload() event: AidRequestPublishedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.notifyPartnersOfRequest(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(AidRequestSharedV1Event)
  async notifyPartnerOnAidRequestShared(
    @Payload() event: AidRequestSharedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.notifyPartnerOfSharedRequest(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(AidRequestReminderDueV1Event)
  async remindPartnersOnAidRequestReminderDue(
    @Payload() event: AidRequestReminderDueV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.remindPartnersOfRequest(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(ShipmentStatusChangedV1Event)
  async notifyHromadaOnShipmentDispatched(
    @Payload() event: ShipmentStatusChangedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.notifyHromadaOfDispatch(context.manager, sourceOf(context.envelope), event);
  }

  @OnEvent(ShipmentReceivedV1Event)
  async notifySenderOnShipmentReceived(
    @Payload() event: ShipmentReceivedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.notifySenderOfReceipt(context.manager, sourceOf(context.envelope), event);
  }
}
