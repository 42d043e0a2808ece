import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { AidRequestsModule } from './aid-requests/aid-requests.module';
import { LogisticsMetrics } from './common/logistics.metrics';
import { LogisticsEnv } from './config/logistics.env';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from './database/logistics.database';
import { ExportsModule } from './exports/exports.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { PledgesModule } from './pledges/pledges.module';
import { ProjectionEventsModule } from './projection/projection-events.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { ShipmentsModule } from './shipments/shipments.module';
import { TotalsModule } from './totals/totals.module';

/** The aid logistics service: projections, requests, pledges, shipments, receipts and totals. */
@Module({
  imports: [
    PlatformModule.forRoot({ env: LogisticsEnv, serviceName: 'logistics' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'logistics',
      entities: LOGISTICS_ENTITIES,
      migrations: LOGISTICS_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot({ serviceName: 'logistics' }),
    IdempotencyModule,
    ProjectionEventsModule,
    AidRequestsModule,
    PledgesModule,
    ShipmentsModule,
    ReceiptsModule,
    TotalsModule,
    ExportsModule,
  ],
  providers: [LogisticsMetrics],
})
export class LogisticsModule {}
