import { Module } from '@nestjs/common';
import { MunicipalitySummariesModule } from '../municipality-summaries/municipality-summaries.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { BackfillWorker } from './backfill.worker';
import { EuPoolCache } from './eu-pool.cache';
import { IncrementalMatchingService } from './incremental-matching.service';
import { ProposalWriter } from './proposal.writer';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** Proposals: incremental matching, the console's view of them, and decisions. */
@Module({
  imports: [PartnershipsModule, MunicipalitySummariesModule],
  controllers: [ProposalsController],
  providers: [EuPoolCache, ProposalWriter, IncrementalMatchingService, ProposalsService, BackfillWorker],
  exports: [EuPoolCache, ProposalWriter, IncrementalMatchingService],
})
export class ProposalsModule {}
