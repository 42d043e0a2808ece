import { Module } from '@nestjs/common';
import { MunicipalitySummariesModule } from '../municipality-summaries/municipality-summaries.module';
import { PartnershipCapacity } from './partnership-capacity';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

/** Partnerships and their lifecycle. */
@Module({
  imports: [MunicipalitySummariesModule],
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipCapacity],
  exports: [PartnershipsService, PartnershipCapacity],
})
export class PartnershipsModule {}
