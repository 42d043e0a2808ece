import { Module } from '@nestjs/common';
import { MunicipalitySummariesController } from './municipality-summaries.controller';
import { MunicipalitySummaries } from './municipality-summaries.service';

/** Who a municipality is, for the console and for every proposal and partnership response. */
@Module({
  controllers: [MunicipalitySummariesController],
  providers: [MunicipalitySummaries],
  exports: [MunicipalitySummaries],
})
export class MunicipalitySummariesModule {}
