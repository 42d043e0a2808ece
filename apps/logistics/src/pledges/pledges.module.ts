import { Module } from '@nestjs/common';
import { AidRequestsModule } from '../aid-requests/aid-requests.module';
import { ProjectionModule } from '../projection/projection.module';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

@Module({
  imports: [AidRequestsModule, ProjectionModule],
  controllers: [PledgesController],
  providers: [PledgesService],
  exports: [PledgesService],
})
export class PledgesModule {}
