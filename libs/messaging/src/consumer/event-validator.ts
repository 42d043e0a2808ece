import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  EnvelopeError,
  findEventDefinition,
  fromRecordHeaders,
  type EventMetadata,
} from '@bridges/contracts';
import { TopicNamer } from '../kafka/topic-namer';
import { InvalidEventError } from './event-handling.errors';
import type { IncomingRecord } from './incoming-record';
import { describeValidationErrors } from './validation-messages';

/** A record that passed {@link EventValidator}: its envelope and its payload as the contract's class. */
export interface ValidEvent {
  readonly envelope: EventMetadata;
  readonly payload: object;
}

/**
 * Checks a record against the contract it claims before any handler sees it: envelope, known type on
 * its own topic, JSON object payload valid for that type, and one aggregate id in payload, subject and key.
 */
@Injectable()
export class EventValidator {
  constructor(private readonly topics: TopicNamer) {}

  /** Whether a record claiming `type` belongs on `physicalTopic` (false for an unknown type). */
  belongsOn(type: string, physicalTopic: string): boolean {
    return findEventDefinition(type)?.topic === this.topics.wire(physicalTopic);
  }

  /** Throws {@link InvalidEventError} saying what is wrong. */
  async validate(record: IncomingRecord): Promise<ValidEvent> {
    let envelope: EventMetadata;
    try {
      envelope = fromRecordHeaders(record.headers);
    } catch (error) {
      if (error instanceof EnvelopeError) throw new InvalidEventError(`invalid envelope: ${error.message}`);
      throw error;
    }
    const definition = findEventDefinition(envelope.type);
    const wireTopic = this.topics.wire(record.topic);
    if (!definition) throw new InvalidEventError(`unknown event type ${envelope.type} on ${wireTopic}`);
    if (definition.topic !== wireTopic) {
      throw new InvalidEventError(
        `event type ${envelope.type} belongs on ${definition.topic}, not ${wireTopic}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(record.value?.toString('utf8') ?? '');
    } catch {
      throw new InvalidEventError('payload is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InvalidEventError('payload must be a JSON object');
    }
    const payload = plainToInstance(definition.payload, json);
    // Tolerant reader: unknown properties are stripped, not rejected (additive changes stay compatible).
    const errors = await validate(payload, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      throw new InvalidEventError(
        `payload violates ${definition.type}: ${describeValidationErrors(errors).join('; ')}`,
      );
    }
    const subject = definition.subjectOf(payload);
    if (subject !== envelope.subject || (record.key !== null && record.key !== subject)) {
      throw new InvalidEventError(
        `aggregate id mismatch: payload says ${subject}, ce_subject ${envelope.subject}, key ${String(record.key)}`,
      );
    }
    return { envelope, payload };
  }
}
