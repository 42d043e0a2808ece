import { startEventDrivenService } from '@bridges/messaging';
import { builtConsoleDirectory } from '@bridges/platform';
import { RegistryEnv } from './config/registry.env';
import { RegistryModule } from './registry.module';

/** Starts one registry instance. */
void startEventDrivenService(RegistryModule, RegistryEnv, {
  console: builtConsoleDirectory('registry'),
  title: 'Bridges registry',
  description: 'Municipality profiles, associations and their keys, signed HTTP ingest of association events',
});
