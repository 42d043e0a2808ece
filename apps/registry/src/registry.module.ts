import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { AssociationEventsModule } from './association-events/association-events.module';
import { AssociationsModule } from './associations/associations.module';
import { RegistryEnv } from './config/registry.env';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from './database/registry.database';
import { ImportRunsModule } from './import-runs/import-runs.module';
import { MunicipalityImportModule } from './import/municipality-import.module';
import { IngestModule } from './ingest/ingest.module';
import { IngestedEventsModule } from './ingested-events/ingested-events.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';

/** The registry service: municipality profiles, associations and their keys, HTTP ingest, inbound association events, import runs. */
@Module({
  imports: [
    PlatformModule.forRoot({ env: RegistryEnv, serviceName: 'registry' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'registry',
      entities: REGISTRY_ENTITIES,
      migrations: REGISTRY_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot({ serviceName: 'registry' }),
    MunicipalitiesModule,
    AssociationsModule,
    IngestModule,
    AssociationEventsModule,
    MunicipalityImportModule,
    ImportRunsModule,
    IngestedEventsModule,
  ],
})
export class RegistryModule {}
