import { Module, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import {
  connectEventConsumer,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingModule,
  type MessagingOptions,
} from '../../src';
import { CreateLedger1764331200001, LedgerEntryEntity } from './ledger-entry.entity';
import { PartnershipLedgerConsumer } from './partnership-ledger.consumer';

export interface MessagingTestAppSettings {
  databaseUrl: string;
  messaging: MessagingOptions;
  /** Attach the Kafka consumer (default true); producer-only tests leave it out. */
  consume?: boolean;
  /** Event consumers of the app (default: the partnership ledger). */
  consumers?: Type<unknown>[];
}

/** A minimal service: one entity, the messaging tables, one consumer; real PostgreSQL and Kafka. */
export async function startMessagingTestApp(settings: MessagingTestAppSettings): Promise<INestApplication> {
  @Module({
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () =>
          postgresDataSourceOptions({
            url: settings.databaseUrl,
            applicationName: 'messaging-test',
            entities: [...MESSAGING_ENTITIES, LedgerEntryEntity],
            migrations: [...MESSAGING_MIGRATIONS, CreateLedger1764331200001],
          }),
        dataSourceFactory: async (options) => {
          const dataSource = await new DataSource(options!).initialize();
          await runMigrationsUnderLock(dataSource);
          return dataSource;
        },
      }),
      MessagingModule.forRootAsync({ useFactory: () => settings.messaging }),
    ],
    controllers: settings.consumers ?? [PartnershipLedgerConsumer],
  })
  class MessagingTestModule {}

  const moduleRef = await Test.createTestingModule({ imports: [MessagingTestModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  if (settings.consume !== false) {
    connectEventConsumer(app);
    await app.startAllMicroservices();
  }
  await app.init();
  return app;
}
