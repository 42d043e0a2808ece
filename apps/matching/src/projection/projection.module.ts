import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { MunicipalityEventsConsumer } from './projection.consumer';
import { ProjectionService } from './projection.service';

/** The projection of registry profiles, fed from `registry.municipality.v1`. */
@Module({
  imports: [ProposalsModule],
  controllers: [MunicipalityEventsConsumer],
  providers: [ProjectionService],
})
export class ProjectionModule {}
