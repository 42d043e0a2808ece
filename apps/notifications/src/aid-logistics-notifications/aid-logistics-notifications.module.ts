import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { AidLogisticsNotificationsConsumer } from './aid-logistics-notifications.consumer';
import { AidLogisticsNotificationsService } from './aid-logistics-notifications.service';

/** Aid requests and shipments: emails to partners, to the hromada (Ukrainian) and to the sender. */
@Module({
  imports: [DeliveriesModule, DirectoryModule],
  controllers: [AidLogisticsNotificationsConsumer],
  providers: [AidLogisticsNotificationsService],
})
export class AidLogisticsNotificationsModule {}
