import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { RoundComputation } from './round-computation';
import { RoundRunner } from './round.runner';
import { RoundWorker } from './round.worker';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

/** Global rounds: requested over HTTP, claimed and computed by exactly one instance. */
@Module({
  imports: [CampaignsModule, ProposalsModule],
  controllers: [RoundsController],
  providers: [RoundsService, RoundComputation, RoundRunner, RoundWorker],
})
export class RoundsModule {}
