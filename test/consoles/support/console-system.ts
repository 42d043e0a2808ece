import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ALL_TOPICS } from '@bridges/contracts';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  freePort,
  provisionTestTopics,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@bridges/testing';
import { startServiceProcess, waitForHealthy, type ServiceProcess } from '../../../tools/dev/service-process';
import { startSmtpSink } from '../../../tools/dev/smtp-sink';

const ROOT = join(__dirname, '..', '..', '..');
export const SERVICES = ['registry', 'matching', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * Builds the consoles (what the services serve at /console/), then runs registry, matching and
 * notifications as their own processes — exactly what `npm start` runs — on the shared Kafka and
 * PostgreSQL with a topic prefix and databases of their own, and a local SMTP sink.
 */
export async function startConsoleSystem(workDir: string) {
  const build = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/consoles/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`consoles:build failed:\n${build.stdout}\n${build.stderr}`);
  process.stdout.write(build.stdout);

  const prefix = uniqueTopicPrefix();
  await provisionTestTopics(prefix, ALL_TOPICS);
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, dir: join(workDir, 'mail') });
  const databases: TestDatabase[] = [];
  const processes = new Map<ServiceName, ServiceProcess>();
  const url = {} as Record<ServiceName, string>;
  for (const name of SERVICES) {
    const db = await createTestDatabase(`consoles_${name}`);
    databases.push(db);
    const port = await freePort();
    url[name] = `http://127.0.0.1:${port}`;
    processes.set(
      name,
      startServiceProcess({
        name,
        entry: `apps/${name}/src/main.ts`,
        logFile: join(workDir, `${name}.log`),
        env: {
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          HTTP_PORT: String(port),
          DATABASE_URL: db.url,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(sink.smtpPort),
          NOTIFICATIONS_DISPATCH_INTERVAL_MS: '300',
          NOTIFICATIONS_DIGEST_INTERVAL_MS: '1000',
          NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '0',
        },
      }),
    );
  }
  await Promise.all(
    SERVICES.map((name) => waitForHealthy(processes.get(name)!, `${url[name]}/health/ready`)),
  );

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

  return {
    url,
    api,
    /** Stops one service (the "service down" path); stop() skips it afterwards. */
    stopService: async (name: ServiceName) => {
      await processes.get(name)?.stop();
      processes.delete(name);
    },
    stop: async () => {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      await sink.stop();
      await Promise.all(databases.map((d) => d.drop()));
    },
  };
}
