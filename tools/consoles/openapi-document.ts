import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ConsoleService } from './consoles';

/**
 * Placeholders so the services' config modules load: nothing here connects anywhere, because the
 * app is created in Nest's preview mode (modules and routes scanned, no provider instantiated).
 */
const OFFLINE_ENV = {
  NODE_ENV: 'test',
  KAFKA_BROKERS: '127.0.0.1:9',
  DATABASE_URL: 'postgres://offline:offline@127.0.0.1:9/offline',
};

async function serviceModule(service: ConsoleService): Promise<Type<unknown>> {
  switch (service) {
    case 'registry':
      return (await import('../../apps/registry/src/registry.module')).RegistryModule;
    case 'matching':
      return (await import('../../apps/matching/src/matching.module')).MatchingModule;
    case 'notifications':
      return (await import('../../apps/notifications/src/notifications.module')).NotificationsModule;
    case 'logistics':
      return (await import('../../apps/logistics/src/logistics.module')).LogisticsModule;
    case 'events':
      return (await import('../../apps/events/src/events-app.module')).EventsAppModule;
  }
}

/**
 * A service's OpenAPI document, exactly as Swagger UI serves it, built without Kafka or PostgreSQL.
 * The console's typed client is generated from it.
 */
export async function serviceOpenApiDocument(service: ConsoleService): Promise<OpenAPIObject> {
  for (const [key, value] of Object.entries(OFFLINE_ENV)) process.env[key] ??= value;
  // Loaded after the placeholders are set: the config modules read the environment on import.
  const { openApiConfig } = await import('@bridges/platform');
  const app = await NestFactory.create(await serviceModule(service), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return SwaggerModule.createDocument(app, openApiConfig({ title: `Bridges ${service}` }));
  } finally {
    await app.close();
  }
}
