/**
 * The system as `npm start` runs it, for tests that drive it from outside: each named service as its own
 * process (its real `main.ts`) on the shared Kafka and PostgreSQL, with a topic prefix and databases of
 * its own, and a local SMTP sink whose emails the test reads. One place for what the system, aid-flow and
 * console tests used to set up three times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ALL_TOPICS } from '@bridges/contracts';
import {
  createTestDatabase,
  freePort,
  provisionTestTopics,
  testKafkaBrokers,
  waitForValue,
  type TestDatabase,
} from '@bridges/testing';
import { startServiceProcess, waitForHealthy, type ServiceProcess } from '../../tools/dev/service-process';
import { startSmtpSink } from '../../tools/dev/smtp-sink';

export type SystemService = 'registry' | 'matching' | 'notifications' | 'logistics' | 'events';

export interface SystemUnderTest<S extends SystemService> {
  /** Base URL of each service, e.g. `http://127.0.0.1:40123`. */
  readonly url: Record<S, string>;
  /** Every email the SMTP sink received so far, parsed. */
  mails(): Promise<ParsedMail[]>;
  /** Waits for an email to `address` whose subject matches. */
  mailTo(address: string, subject: RegExp, timeoutMs?: number): Promise<ParsedMail>;
  /** Stops one service (the "service down" path); `stop()` skips it afterwards. */
  stopService(name: S): Promise<void>;
  /** Stops every service and the sink, and drops the databases. */
  stop(): Promise<void>;
}

export async function startSystem<S extends SystemService>(options: {
  services: readonly S[];
  topicPrefix: string;
  /** Names the test databases, so a leftover one says which test made it. */
  databasePrefix: string;
  /**
   * The sink's emails, and what services print outside their logger; their log lines go to the test
   * file's log under jest (libs/testing/README.md, "Test output").
   */
  workDir: string;
  /** More variables for every service, over the defaults (e.g. SMTP_PORT of a test's own SMTP server). */
  env?: Record<string, string>;
}): Promise<SystemUnderTest<S>> {
  const mailDir = join(options.workDir, 'mail');
  await provisionTestTopics(options.topicPrefix, ALL_TOPICS);
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, dir: mailDir });
  const databases: TestDatabase[] = [];
  const processes = new Map<S, ServiceProcess>();
  const url = {} as Record<S, string>;
  for (const name of options.services) {
    const db = await createTestDatabase(`${options.databasePrefix}_${name}`);
    databases.push(db);
    const port = await freePort();
    url[name] = `http://127.0.0.1:${port}`;
    processes.set(
      name,
      startServiceProcess({
        name,
        entry: `apps/${name}/src/main.ts`,
        logFile: join(options.workDir, `${name}.log`),
        env: {
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          HTTP_PORT: String(port),
          DATABASE_URL: db.url,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_TOPIC_PREFIX: options.topicPrefix,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(sink.smtpPort),
          // Digests and dispatch at test pace, not production's.
          NOTIFICATIONS_DISPATCH_INTERVAL_MS: '300',
          NOTIFICATIONS_DIGEST_INTERVAL_MS: '1000',
          NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS: '0',
          ...options.env,
        },
      }),
    );
  }
  await Promise.all(
    options.services.map((name) => waitForHealthy(processes.get(name)!, `${url[name]}/health/ready`)),
  );

  const mails = (): Promise<ParsedMail[]> =>
    Promise.all(
      readdirSync(mailDir)
        .filter((file) => file.endsWith('.eml'))
        .map((file) => simpleParser(readFileSync(join(mailDir, file)))),
    );

  return {
    url,
    mails,
    mailTo: (address, subject, timeoutMs = 90_000) =>
      waitForValue(
        async () =>
          (await mails()).find(
            (m) => subject.test(m.subject ?? '') && JSON.stringify(m.to).includes(address),
          ),
        timeoutMs,
        `an email "${String(subject)}" to ${address}`,
      ),
    stopService: async (name) => {
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
