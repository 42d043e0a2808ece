/**
 * Registry, matching and notifications as their own processes (the entry points `npm start` and
 * production run) on the fault suite's Kafka and PostgreSQL, each on a fixed port so a killed
 * service comes back where its clients expect it.
 */
import { join } from 'node:path';
import { createTestDatabase, freePort, type TestDatabase } from '@bridges/testing';
import { startServiceProcess, waitForHealthy, type ServiceProcess } from '../../../tools/dev/service-process';

export const SERVICE_NAMES = ['registry', 'matching', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

interface Service {
  port: number;
  database: TestDatabase;
  process?: ServiceProcess;
}

export class BridgesSystem {
  private constructor(
    private readonly services: Record<ServiceName, Service>,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  static async start(options: {
    kafkaBrokers: string[];
    databaseUrl: string;
    smtpPort: number;
    logDir: string;
  }): Promise<BridgesSystem> {
    const services = {} as Record<ServiceName, Service>;
    for (const name of SERVICE_NAMES) {
      services[name] = {
        port: await freePort(),
        database: await createTestDatabase(`fault_${name}`, options.databaseUrl),
      };
    }
    const system = new BridgesSystem(
      services,
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: options.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: '',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(options.smtpPort),
        NOTIFICATIONS_DISPATCH_INTERVAL_MS: '300',
        NOTIFICATIONS_DIGEST_INTERVAL_MS: '1000',
        NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '0',
        // A delivery claimed by an instance that is then killed is sent again when its lease ends
        // (10 min by default): short here, where one send to the local SMTP sink takes milliseconds.
        NOTIFICATIONS_SEND_LEASE_MS: '15000',
      },
      options.logDir,
    );
    const launched = await Promise.allSettled(SERVICE_NAMES.map((name) => system.launch(name)));
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) {
      await system.stop(); // leave no service of a half-started system running
      throw failed.reason;
    }
    return system;
  }

  url(name: ServiceName): string {
    return `http://127.0.0.1:${this.services[name].port}`;
  }

  databaseUrl(name: ServiceName): string {
    return this.services[name].database.url;
  }

  /** SIGKILL, by the service's pid: no shutdown hook runs, in-flight work is cut wherever it is. */
  async kill(name: ServiceName): Promise<void> {
    const service = this.services[name].process;
    if (!service?.child.pid) throw new Error(`${name} is not running`);
    service.child.kill('SIGKILL');
    await service.exited;
  }

  /** Starts the service again (same port, same database) and waits until it is ready. */
  restart(name: ServiceName): Promise<void> {
    return this.launch(name);
  }

  async stop(): Promise<void> {
    await Promise.all(SERVICE_NAMES.map((name) => this.services[name].process?.stop() ?? Promise.resolve()));
    for (const name of SERVICE_NAMES) await this.services[name].database.drop().catch(() => undefined);
  }

  private async launch(name: ServiceName): Promise<void> {
    const service = this.services[name];
    service.process = startServiceProcess({
      name,
      entry: `apps/${name}/src/main.ts`,
      logFile: join(this.logDir, `${name}.log`),
      env: { ...this.env, HTTP_PORT: String(service.port), DATABASE_URL: service.database.url },
    });
    await waitForHealthy(service.process, `${this.url(name)}/health/ready`);
  }
}
