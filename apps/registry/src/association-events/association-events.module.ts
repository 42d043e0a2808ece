import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { AssociationEventsConsumer } from './association-events.consumer';
import { AssociationEventsService } from './association-events.service';

/** Reacts to association events: volunteers and nominations update profiles, so matching re-scores. */
@Module({
  imports: [MunicipalitiesModule],
  controllers: [AssociationEventsConsumer],
  providers: [AssociationEventsService],
})
export class AssociationEventsModule {}
