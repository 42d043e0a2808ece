// Republishes chosen dead letters to the topic they came from, so that a fixed consumer processes
// them (see libs/messaging/README.md, "Dead letters and the way back"):
//
//   npm run dlq:redrive -- --topic matching.proposal.v1.dlq --reason "not in the directory" --dry-run
//   npm run dlq:redrive -- --topic matching.proposal.v1.dlq --event-id 6f1c...,9a2b...
//
// Prints a JSON report on stdout: what was read, what was chosen (event id, type, reason), what was
// republished. Safe to repeat: consumers deduplicate on the event id.
import { ConfigValidationError, loadConfig } from '@bridges/platform';
import { DeadLetterRedriver, KafkaConnection, TopicNamer } from '@bridges/messaging';
import { DlqToolEnv } from './dlq-tool.env';
import { parseRedriveArgs, USAGE, type RedriveArgs } from './redrive-args';

async function main(argv: readonly string[]): Promise<number> {
  let args: RedriveArgs;
  try {
    args = parseRedriveArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  let env: DlqToolEnv;
  try {
    env = loadConfig(DlqToolEnv);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const kafka = new KafkaConnection(env.KAFKA_BROKERS, 'bridges-dlq-redrive', env.kafkaSecurity());
  try {
    const report = await new DeadLetterRedriver(kafka, new TopicNamer(env.KAFKA_TOPIC_PREFIX)).redrive(
      args.deadLetterTopic,
      args.selection,
      { dryRun: args.dryRun },
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      `${report.dryRun ? 'Dry run: would republish' : 'Republished'} ${report.selected.length} of ${report.scanned} ` +
        `dead letters from ${report.deadLetterTopic} to ${report.targetTopic}\n`,
    );
    return 0;
  } finally {
    await kafka.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq:redrive failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
