import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { CampaignEligibilityModule } from './campaign-eligibility/campaign-eligibility.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { MatchingMetrics } from './common/matching.metrics';
import { MatchingEnv } from './config/matching.env';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database/matching.database';
import { MunicipalitySummariesModule } from './municipality-summaries/municipality-summaries.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { ProjectionModule } from './projection/projection.module';
import { ProposalsModule } from './proposals/proposals.module';
import { RecordedPartnershipsModule } from './recorded-partnerships/recorded-partnerships.module';
import { RoundsModule } from './rounds/rounds.module';

/** The matching service: projection, campaigns, proposals, partnerships and global rounds. */
@Module({
  imports: [
    PlatformModule.forRoot({ env: MatchingEnv, serviceName: 'matching' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'matching',
      entities: MATCHING_ENTITIES,
      migrations: MATCHING_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot({ serviceName: 'matching' }),
    ProjectionModule,
    CampaignsModule,
    CampaignEligibilityModule,
    ProposalsModule,
    PartnershipsModule,
    RecordedPartnershipsModule,
    RoundsModule,
    MunicipalitySummariesModule,
  ],
  providers: [MatchingMetrics],
})
export class MatchingModule {}
