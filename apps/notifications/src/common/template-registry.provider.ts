import type { Provider } from '@nestjs/common';
import { createDefaultTemplateRegistry, TemplateRegistry } from '../templates';

/** Every template the service ships, registered once (templates/template.registry.ts). */
export const TEMPLATE_REGISTRY_PROVIDER: Provider = {
  provide: TemplateRegistry,
  useFactory: () => createDefaultTemplateRegistry(),
};
