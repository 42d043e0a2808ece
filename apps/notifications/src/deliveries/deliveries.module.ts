import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TEMPLATE_REGISTRY_PROVIDER } from '../common/template-registry.provider';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryQueue } from './delivery-queue.service';
import { EMAIL_SENDER_PROVIDER } from './email-sender.provider';
import { WEBHOOK_SENDER_PROVIDER } from './webhook-sender.provider';

/** Delivery rows, the dispatcher that sends them by email and webhook, and the delivery log API. */
@Module({
  imports: [TypeOrmModule.forFeature([DeliveryEntity])],
  controllers: [DeliveriesController],
  providers: [
    TEMPLATE_REGISTRY_PROVIDER,
    EMAIL_SENDER_PROVIDER,
    WEBHOOK_SENDER_PROVIDER,
    DeliveryQueue,
    DeliveryDispatcher,
    DeliveriesService,
    DeliveryMetrics,
  ],
  exports: [DeliveryQueue, DeliveryDispatcher, TEMPLATE_REGISTRY_PROVIDER],
})
export class DeliveriesModule {}
