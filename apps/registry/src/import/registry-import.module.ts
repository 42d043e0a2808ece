import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@bridges/messaging';
import { ServiceDatabaseModule } from '@bridges/persistence';
import { PlatformModule } from '@bridges/platform';
import { AssociationsModule } from '../associations/associations.module';
import { RegistryEnv } from '../config/registry.env';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../database/registry.database';
import { MunicipalityImportModule } from './municipality-import.module';

/**
 * The registry without HTTP or consumer, for the import and seed commands. The outbox relay is
 * off: the commands only commit rows and their events; the running registry service publishes them.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ env: RegistryEnv, serviceName: 'registry-import' }),
    ServiceDatabaseModule.forRoot({
      serviceName: 'registry',
      entities: REGISTRY_ENTITIES,
      migrations: REGISTRY_MIGRATIONS,
    }),
    ServiceMessagingModule.forRoot({ serviceName: 'registry', relay: { enabled: false } }),
    MunicipalityImportModule,
    AssociationsModule,
  ],
})
export class RegistryImportModule {}
