import { Module } from '@nestjs/common';
import { MunicipalitySummariesModule } from '../municipality-summaries/municipality-summaries.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { RecordedPartnershipsController } from './recorded-partnerships.controller';
import { RecordedPartnershipsService } from './recorded-partnerships.service';

/** Partnerships formed before or outside Bridges, recorded by a coordinator. */
@Module({
  imports: [PartnershipsModule, ProposalsModule, MunicipalitySummariesModule],
  controllers: [RecordedPartnershipsController],
  providers: [RecordedPartnershipsService],
})
export class RecordedPartnershipsModule {}
