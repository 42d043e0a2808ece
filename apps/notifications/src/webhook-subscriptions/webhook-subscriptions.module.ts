import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { WebhookFanOut } from './webhook-fan-out.service';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Association webhook subscriptions and the fan-out of events to them. */
@Module({
  imports: [DeliveriesModule],
  controllers: [WebhookSubscriptionsController],
  providers: [WebhookSubscriptionsService, WebhookFanOut],
  exports: [WebhookFanOut],
})
export class WebhookSubscriptionsModule {}
