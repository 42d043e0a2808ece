import { Module } from '@nestjs/common';
import { AidRequestsModule } from '../aid-requests/aid-requests.module';
import { PledgesModule } from '../pledges/pledges.module';
import { PartnershipEventsConsumer } from './partnership-events.consumer';
import { ProjectionModule } from './projection.module';
import { RegistryEventsConsumer } from './registry-events.consumer';

/** The Kafka consumers feeding the projections (`registry.municipality.v1`, `matching.partnership.v1`). */
@Module({
  imports: [ProjectionModule, PledgesModule, AidRequestsModule],
  controllers: [RegistryEventsConsumer, PartnershipEventsConsumer],
})
export class ProjectionEventsModule {}
