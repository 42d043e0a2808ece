import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookTargetGuard } from '../channels/webhook';
import { TEMPLATE_REGISTRY_PROVIDER } from '../common/template-registry.provider';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryQueue } from './delivery-queue.service';
import { DeliveryRetryService } from './delivery-retry.service';
import { EMAIL_SENDER_PROVIDER } from './email-sender.provider';
import { WEBHOOK_SENDER_PROVIDER } from './webhook-sender.provider';
import { WEBHOOK_TARGET_GUARD_PROVIDERS } from '../webhook-subscriptions/webhook-target-guard.provider';

/** Delivery rows, the dispatcher that sends them by email and webhook, and the delivery log API. */
@Module({
  imports: [TypeOrmModule.forFeature([DeliveryEntity])],
  controllers: [DeliveriesController],
  providers: [
    TEMPLATE_REGISTRY_PROVIDER,
    EMAIL_SENDER_PROVIDER,
    ...WEBHOOK_TARGET_GUARD_PROVIDERS,
    WEBHOOK_SENDER_PROVIDER,
    DeliveryQueue,
    DeliveryDispatcher,
    DeliveriesService,
    DeliveryRetryService,
    DeliveryMetrics,
  ],
  exports: [DeliveryQueue, DeliveryDispatcher, TEMPLATE_REGISTRY_PROVIDER, WebhookTargetGuard],
})
export class DeliveriesModule {}
