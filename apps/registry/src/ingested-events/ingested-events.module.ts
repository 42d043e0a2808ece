import { Module } from '@nestjs/common';
import { DeadLetteredAssociationEventsRecorder } from './dead-lettered-association-events.recorder';
import { IngestRejectionsService } from './ingest-rejections.service';
import { IngestedEventsController } from './ingested-events.controller';
import { IngestedEventsService } from './ingested-events.service';

/** What the registry keeps of the association events it consumed or refused, over HTTP. */
@Module({
  controllers: [IngestedEventsController],
  providers: [IngestedEventsService, IngestRejectionsService, DeadLetteredAssociationEventsRecorder],
  exports: [IngestRejectionsService],
})
export class IngestedEventsModule {}
