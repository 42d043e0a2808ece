import { startEventDrivenService } from '@bridges/messaging';
import { builtConsoleDirectory } from '@bridges/platform';
import { MatchingEnv } from './config/matching.env';
import { MatchingModule } from './matching.module';

/** Starts one matching instance: HTTP API, Kafka consumer (group bridges-matching), outbox relay, round worker. */
void startEventDrivenService(MatchingModule, MatchingEnv, {
  console: builtConsoleDirectory('matching'),
  title: 'Bridges matching',
  description: 'Explained proposals, global rounds and partnerships between hromadas and EU municipalities',
});
