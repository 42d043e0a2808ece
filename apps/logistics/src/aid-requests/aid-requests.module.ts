import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module';
import { AidRequestAccess } from './aid-request.access';
import { AidRequestsController } from './aid-requests.controller';
import { AidRequestsService } from './aid-requests.service';
import { StaleRequestReminder } from './stale-request.reminder';

@Module({
  imports: [ProjectionModule],
  controllers: [AidRequestsController],
  providers: [AidRequestsService, AidRequestAccess, StaleRequestReminder],
  exports: [AidRequestsService, AidRequestAccess],
})
export class AidRequestsModule {}
