import { startEventDrivenService } from '@bridges/messaging';
import { builtConsoleDirectory } from '@bridges/platform';
import { LogisticsEnv } from './config/logistics.env';
import { LogisticsModule } from './logistics.module';

/** Starts one aid logistics instance: HTTP API, Kafka consumer (group bridges-logistics), outbox relay. */
void startEventDrivenService(LogisticsModule, LogisticsEnv, {
  console: builtConsoleDirectory('logistics'),
  title: 'Bridges aid logistics',
  description: 'Aid requests, pledges, shipments and receipts between partner municipalities',
});
