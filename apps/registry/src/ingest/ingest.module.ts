import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { AssociationsModule } from '../associations/associations.module';
import { RegistryEnv } from '../config/registry.env';
import { IngestedEventsModule } from '../ingested-events/ingested-events.module';
import { INGEST_CONTENT_TYPE, IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

/** Signed HTTP ingest of association events. */
@Module({
  imports: [AssociationsModule, IngestedEventsModule],
  controllers: [IngestController],
  providers: [IngestService],
})
export class IngestModule implements NestModule {
  constructor(private readonly env: RegistryEnv) {}

  configure(consumer: MiddlewareConsumer): void {
    // The global JSON parser ignores this media type, so the bytes reach us unparsed and signable.
    consumer
      .apply(raw({ type: INGEST_CONTENT_TYPE, limit: this.env.INGEST_BODY_LIMIT }))
      .forRoutes({ path: 'ingest', method: RequestMethod.POST });
  }
}
