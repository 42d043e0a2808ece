import { connectEventConsumer } from '@bridges/messaging';
import { ConfigValidationError, createServiceApp } from '@bridges/platform';
import { RegistryEnv } from './config/registry.env';
import { RegistryModule } from './registry.module';

async function main(): Promise<void> {
  try {
    const app = await createServiceApp(RegistryModule, RegistryEnv, {
      title: 'Bridges registry',
      description:
        'Municipality profiles, associations and their keys, signed HTTP ingest of association events',
    });
    connectEventConsumer(app);
    await app.startAllMicroservices();
    const env = app.get(RegistryEnv);
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

void main();
