import { connectEventConsumer } from '@bridges/messaging';
import { ConfigValidationError, createServiceApp } from '@bridges/platform';
import { MatchingEnv } from './config/matching.env';
import { MatchingModule } from './matching.module';

/** Starts one matching instance: HTTP API, Kafka consumer (group bridges-matching), outbox relay, round worker. */
async function main(): Promise<void> {
  try {
    const app = await createServiceApp(MatchingModule, MatchingEnv, {
      title: 'Bridges matching',
      description:
        'Explained proposals, global rounds and partnerships between hromadas and EU municipalities',
    });
    connectEventConsumer(app);
    await app.startAllMicroservices();
    const env = app.get(MatchingEnv);
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

void main();
