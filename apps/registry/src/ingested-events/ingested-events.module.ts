import { Module } from '@nestjs/common';
import { IngestedEventsController } from './ingested-events.controller';
import { IngestedEventsService } from './ingested-events.service';

/** What the registry keeps of the association events it consumed, over HTTP. */
@Module({ controllers: [IngestedEventsController], providers: [IngestedEventsService] })
export class IngestedEventsModule {}
