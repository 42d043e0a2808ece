import type { INestApplication } from '@nestjs/common';
import { KafkaEventServer } from './kafka-event.server';

/**
 * Attaches the Kafka event consumer to an HTTP app (a hybrid Nest app). Start it with
 * `app.startAllMicroservices()`.
 */
export function connectEventConsumer(app: INestApplication): void {
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: false });
}
