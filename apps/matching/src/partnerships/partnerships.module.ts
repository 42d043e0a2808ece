import { Module } from '@nestjs/common';
import { PartnershipCapacity } from './partnership-capacity';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

/** Partnerships and their lifecycle. */
@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsService, PartnershipCapacity],
  exports: [PartnershipsService, PartnershipCapacity],
})
export class PartnershipsModule {}
