/**
 * npm run infra:up | infra:down | infra:status
 *   up      start (or reuse) Kafka and PostgreSQL on 127.0.0.1, create the registry's topics, print settings
 *   down    stop what `up` started (by pid) and clear .local/infra.json; `down kafka` or
 *           `down postgres` stops only that one (`up` starts it again)
 *   status  print what runs
 *   jars    only resolve the Kafka jars (used by .ci/run)
 */
import { ensureLocalInfra, localInfraStatus, stopLocalInfra, type InfraService } from './local-infra';
import { resolveKafkaJars } from './local-kafka';

const log = (line: string): void => console.error(`[infra] ${line}`);

const SERVICES: readonly InfraService[] = ['kafka', 'postgres'];

async function main(command: string, args: string[]): Promise<number> {
  switch (command) {
    case 'up': {
      const infra = await ensureLocalInfra({ log });
      const { created, existing } = infra.topics;
      log(`topics: ${created.length} created, ${existing.length} already present`);
      console.log(`KAFKA_BROKERS=${infra.kafkaBrokers.join(',')}`);
      console.log(`DATABASE_URL=${infra.databaseUrl}`);
      return 0;
    }
    case 'down': {
      const unknown = args.filter((arg) => !SERVICES.includes(arg as InfraService));
      if (unknown.length > 0) {
        console.error(`infra down: unknown service ${unknown.join(', ')} (kafka, postgres)`);
        return 2;
      }
      const services = args.length > 0 ? (args as InfraService[]) : [...SERVICES];
      await stopLocalInfra(services, log);
      log(`stopped ${services.join(', ')}`);
      return 0;
    }
    case 'status': {
      const { state, kafka, postgres } = await localInfraStatus();
      console.log(
        kafka && state.kafka
          ? `kafka     running  pid ${state.kafka.pid}  KAFKA_BROKERS=${state.kafka.brokers.join(',')}  (Kafka ${state.kafka.version})`
          : `kafka     stopped${state.kafka ? ` (stale entry for pid ${state.kafka.pid}; next up replaces it)` : ''}`,
      );
      console.log(
        postgres && state.postgres
          ? `postgres  running  pid ${state.postgres.pid}  DATABASE_URL=${state.postgres.databaseUrl}`
          : `postgres  stopped${state.postgres ? ` (stale entry for pid ${state.postgres.pid}; next up replaces it)` : ''}`,
      );
      return kafka && postgres ? 0 : 3;
    }
    case 'jars':
      log(`Kafka jars in ${resolveKafkaJars(log)}`);
      return 0;
    default:
      console.error(
        'usage: node -r @swc-node/register tools/infra/cli.ts up | down [kafka|postgres] | status | jars',
      );
      return 2;
  }
}

main(process.argv[2] ?? '', process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[infra] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
