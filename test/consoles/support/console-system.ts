import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { uniqueTopicPrefix } from '@bridges/testing';
import { startSystem } from '../../support/system-under-test';
import { ensureConsolesBuilt } from './built-consoles';

export const SERVICES = ['registry', 'matching', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * Builds the consoles (what the services serve at /console/), then runs registry, matching and
 * notifications as their own processes — exactly what `npm start` runs — on the shared Kafka and
 * PostgreSQL with a topic prefix and databases of their own, and a local SMTP sink.
 */
export async function startConsoleSystem(workDir: string) {
  await ensureConsolesBuilt(SERVICES);

  const system = await startSystem({
    services: SERVICES,
    topicPrefix: uniqueTopicPrefix(),
    databasePrefix: 'consoles',
    workDir,
  });
  const { url } = system;

  const api = async (
    service: ServiceName,
    path: string,
    role: Role,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const token = await signDevToken({ secret: DEV_JWT_SECRET, roles: [role], sub: `console-test-${role}` });
    const response = await fetch(`${url[service]}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };

  return { url, api, stopService: system.stopService, stop: system.stop };
}
