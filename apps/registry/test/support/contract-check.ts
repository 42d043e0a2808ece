import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { findEventDefinition } from '@bridges/contracts';
import type { ProbedRecord } from '@bridges/testing/kafka/topic-probe';

/**
 * What a consumer's validation (libs/messaging EventProcessor) would reject in a published record:
 * empty when every consumer accepts it. Guards against events that would only fail downstream.
 */
export async function contractViolations(record: ProbedRecord): Promise<string[]> {
  const definition = findEventDefinition(record.headers.ce_type ?? '');
  if (!definition) return [`unknown event type ${record.headers.ce_type}`];
  const errors = await validate(plainToInstance(definition.payload, record.value as object), {
    whitelist: true,
    forbidUnknownValues: true,
  });
  const subject = definition.subjectOf(record.value as never);
  const problems = errors.map((e) => `${e.property}: ${JSON.stringify(e.constraints ?? e.children)}`);
  if (subject !== record.key || subject !== record.headers.ce_subject)
    problems.push(`subject ${subject} vs key ${record.key}`);
  return problems;
}
