import { Module } from '@nestjs/common';
import { MunicipalityProjectionService } from './municipality-projection.service';
import { PartnershipProjectionService } from './partnership-projection.service';

/** Logistics' projections of registry profiles and matching partnerships. */
@Module({
  providers: [MunicipalityProjectionService, PartnershipProjectionService],
  exports: [MunicipalityProjectionService, PartnershipProjectionService],
})
export class ProjectionModule {}
