import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { EligibilityPreviewController } from './eligibility-preview.controller';
import { EligibilityPreviewService } from './eligibility-preview.service';

/** Previews of a campaign's eligibility over the current EU pool and seekers. */
@Module({
  imports: [ProposalsModule],
  controllers: [EligibilityPreviewController],
  providers: [EligibilityPreviewService],
})
export class CampaignEligibilityModule {}
