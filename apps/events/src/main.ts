import { startEventDrivenService } from '@bridges/messaging';
import { builtConsoleDirectory } from '@bridges/platform';
import { EventsEnv } from './config/events.env';
import { EventsAppModule } from './events-app.module';

/** Starts one events instance: HTTP API, Kafka consumer (group bridges-events), outbox relay, offer and privacy sweeps. */
void startEventDrivenService(EventsAppModule, EventsEnv, {
  console: builtConsoleDirectory('events'),
  title: 'Bridges events',
  description:
    'Kick-off meetings, solidarity forums, study visits and summer schools: registration, quotas, waiting list, check-in',
});
