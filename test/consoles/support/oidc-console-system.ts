import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ALL_TOPICS } from '@bridges/contracts';
import {
  createTestDatabase,
  freePort,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
} from '@bridges/testing';
import { startServiceProcess, waitForHealthy } from '../../../tools/dev/service-process';
import { startOidcProvider, type OidcAccount } from './oidc-provider';
import { ensureConsolesBuilt } from './built-consoles';

/** The registry console's OpenID Connect client id and the registry's audience at the provider. */
export const REGISTRY_CONSOLE_CLIENT_ID = 'bridges-registry-console';
export const REGISTRY_AUDIENCE = 'urn:bridges:registry';

/**
 * The registry as production runs it (NODE_ENV=production: no development sign-in, no HS256 secret),
 * its console signing users in at a real OpenID Connect provider on 127.0.0.1 (oidc-provider.main.ts)
 * whose access tokens it verifies against the provider's JWKS — on the shared Kafka and PostgreSQL
 * with a topic prefix and a database of its own.
 */
export async function startOidcConsoleSystem(workDir: string, accounts: Record<string, OidcAccount>) {
  await ensureConsolesBuilt(['registry']);

  const topicPrefix = uniqueTopicPrefix();
  await provisionTestTopics(topicPrefix, ALL_TOPICS);
  const database = await createTestDatabase('oidc_console_registry');
  const port = await freePort();
  const registryUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({
    clientId: REGISTRY_CONSOLE_CLIENT_ID,
    redirectUri: `${registryUrl}/console/`,
    audience: REGISTRY_AUDIENCE,
    accounts,
    workDir,
  });
  const registry = startServiceProcess({
    name: 'registry',
    entry: 'apps/registry/src/main.ts',
    logFile: join(workDir, 'registry.log'),
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_SECRET: undefined,
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: REGISTRY_AUDIENCE,
      CONSOLE_OIDC_CLIENT_ID: REGISTRY_CONSOLE_CLIENT_ID,
      METRICS_TOKEN: randomBytes(24).toString('hex'),
    },
  });
  try {
    await waitForHealthy(registry, `${registryUrl}/health/ready`);
  } catch (error) {
    await Promise.all([registry.stop(), provider.stop(), database.drop()]);
    throw error;
  }

  return {
    registryUrl,
    provider,
    stop: async () => {
      await Promise.all([registry.stop(), provider.stop()]);
      await database.drop();
    },
  };
}
