/**
 * Creates every topic of libs/contracts (and its .dlq) on any Kafka cluster: the deploy Job and the
 * compose setup run it. Idempotent.
 *
 *   KAFKA_BROKERS=kafka-0:9092,kafka-1:9092 node dist/tools/infra/provision-cli.js --replication-factor 3
 */
import { parseArgs } from 'node:util';
import { provisionTopics } from './provision-topics';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'replication-factor': { type: 'string', default: '3' },
      prefix: { type: 'string', default: '' },
    },
  });
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('set KAFKA_BROKERS to a comma-separated list of host:port');
  const replicationFactor = Number(values['replication-factor']);
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new Error('--replication-factor must be a positive integer');
  }
  const { created, existing } = await provisionTopics(brokers, { prefix: values.prefix, replicationFactor });
  console.log(
    `created ${created.length} topics${created.length ? `: ${created.join(', ')}` : ''}; ${existing.length} already existed`,
  );
}

main().catch((error: unknown) => {
  console.error(`provision-topics: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
