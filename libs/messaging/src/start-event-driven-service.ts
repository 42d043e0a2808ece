import { Logger, type Type } from '@nestjs/common';
import {
  BaseEnv,
  ConfigValidationError,
  createServiceApp,
  type EnvClass,
  type HttpAppOptions,
} from '@bridges/platform';
import { connectEventConsumer } from './consumer/connect-event-consumer';

/**
 * The whole of a service's main.ts: validate the env, create the app with the platform's HTTP
 * conventions, attach the Kafka event consumer, listen. A bad configuration prints every problem
 * and exits 1 before anything starts.
 */
export async function startEventDrivenService<T extends BaseEnv>(
  appModule: Type<unknown>,
  envClass: EnvClass<T>,
  options: HttpAppOptions,
): Promise<void> {
  try {
    const app = await createServiceApp(appModule, envClass, options);
    connectEventConsumer(app);
    await app.startAllMicroservices();
    const env = app.get(BaseEnv);
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
    new Logger('Bootstrap').log(`${env.KAFKA_CLIENT_ID} listening on ${await app.getUrl()}`);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
