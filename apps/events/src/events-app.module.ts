import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { CheckInModule } from './check-in/check-in.module';
import { EventsMetrics } from './common/events.metrics';
import { EventsEnv } from './config/events.env';
import { EVENTS_ENTITIES, EVENTS_MIGRATIONS } from './database/events.database';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { ForumsModule } from './forums/forums.module';
import { KickOffModule } from './kick-off/kick-off.module';
import { PrivacyModule } from './privacy/privacy.module';
import { RegistrationsModule } from './registrations/registrations.module';

/** The events service: events, registrations with capacity, quotas and waiting list, check-in. */
@Module({
  imports: [
    PlatformModule.forRoot({ env: EventsEnv, serviceName: 'events' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'events',
      entities: EVENTS_ENTITIES,
      migrations: EVENTS_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot({ serviceName: 'events' }),
    EventsModule,
    RegistrationsModule,
    CheckInModule,
    ExportsModule,
    KickOffModule,
    ForumsModule,
    PrivacyModule,
  ],
  providers: [EventsMetrics],
})
export class EventsAppModule {}
