import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  HromadaNominatedV1Event,
  MemberMunicipalityVolunteeredV1Event,
  SolidarityForumAnnouncedV1Event,
  type EventDefinition,
} from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import {
  CorrelationContext,
  findUnsafeInput,
  flattenValidationErrors,
  validationFailed,
  type FieldError,
} from '@bridges/platform';
import {
  parseSignatureHeader,
  signedRequestDigest,
  timestampProblem,
  verifyIngestSignature,
} from '../associations/api-key.crypto';
import { inboundVocabularyProblems } from '../association-events/inbound-event.rules';
import { AssociationsService } from '../associations/associations.service';
import { RegistryEnv } from '../config/registry.env';
import { IngestRejectionsService } from '../ingested-events/ingest-rejections.service';
import { IngestCloudEventDto } from './dto/ingest-cloud-event.dto';
import { claimedIdentity, describeRefusal, IngestRefusalReason } from './ingest-refusal';
import { IngestReceiptEntity } from './ingest-receipt.entity';
import { ReplayedIngestError, WrongAssociationError } from './ingest.errors';

/** Event types an association may send through `POST /ingest` (all of `associations.inbound.v1`). */
export const INGESTIBLE_EVENTS = [
  MemberMunicipalityVolunteeredV1Event,
  HromadaNominatedV1Event,
  SolidarityForumAnnouncedV1Event,
] as unknown as readonly EventDefinition[];

/** The signature headers of an ingest request. */
export interface IngestHeaders {
  keyId?: string;
  timestamp?: string;
  signature?: string;
}

/** What happened to an ingested event. */
export interface IngestOutcome {
  status: 'accepted' | 'duplicate';
  /** The id of the event on `associations.inbound.v1`. */
  eventId: string;
}

/**
 * Signed HTTP ingest for associations that cannot speak Kafka: verifies key, timestamp window and
 * HMAC, refuses replays, validates the event against its contract, and writes it to the outbox
 * onto `associations.inbound.v1`, where the same consumer as for Kafka publishers handles it.
 */
/** What the ingest learnt of the caller before refusing it, for the list of rejects. */
interface Verified {
  /** The key id names an active key (the signature may still be wrong). */
  keyKnown?: boolean;
  /** The signature verified: the request is the association's. */
  associationId?: string;
}

@Injectable()
export class IngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly associations: AssociationsService,
    private readonly outbox: OutboxWriter,
    private readonly env: RegistryEnv,
    private readonly rejections: IngestRejectionsService,
  ) {}

  /**
   * Admits the event, or refuses it and keeps why in the list of rejects (written on its own, after
   * the refusal rolled back everything else): the key id, the association once the key verified,
   * the id and type the body claims, the reason; never the body or a header's secret material.
   */
  async ingest(headers: IngestHeaders, rawBody: Buffer, nowMs: number = Date.now()): Promise<IngestOutcome> {
    const verified: Verified = {};
    try {
      return await this.admit(headers, rawBody, nowMs, verified);
    } catch (error) {
      const refusal = describeRefusal(error);
      // A call naming no active key is anybody's: kept, it would let an anonymous caller write rows at will
      // and push an association's real rejects out of the capped list. The 401 is its answer.
      const anonymous = refusal?.reason === IngestRefusalReason.Unauthenticated && !verified.keyKnown;
      if (refusal && !anonymous) {
        await this.rejections.record({
          path: 'http',
          ...refusal,
          keyId: headers.keyId,
          associationId: verified.associationId,
          ...claimedIdentity(rawBody),
        });
      }
      throw error;
    }
  }

  private async admit(
    headers: IngestHeaders,
    rawBody: Buffer,
    nowMs: number,
    verified: Verified,
  ): Promise<IngestOutcome> {
    const { keyId, timestamp, signature } = headers;
    if (!keyId || !signature)
      throw new UnauthorizedException('Send Bridges-Key-Id, Bridges-Timestamp and Bridges-Signature');
    const skew = timestampProblem(timestamp, nowMs, this.env.INGEST_TOLERANCE_SECONDS);
    if (skew) throw new UnauthorizedException(skew);
    const parsed = parseSignatureHeader(signature);
    if (!parsed.ok) throw new UnauthorizedException(parsed.reason);
    const key = await this.associations.findActiveKey(keyId);
    verified.keyKnown = key !== null;
    // One message for unknown, revoked and wrong: a caller learns nothing about which keys exist.
    if (!key || !verifyIngestSignature(key.secretSha256, timestamp!, rawBody, parsed.mac)) {
      throw new UnauthorizedException('Unknown or revoked key, or a signature that does not match the body');
    }
    verified.associationId = key.associationId;

    const { envelope, definition, payload } = await parseEvent(rawBody);
    if (payload.associationId !== key.associationId)
      throw new WrongAssociationError(key.associationId, payload.associationId);

    return this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM ingest_request WHERE expires_at < now()');
      // Remember what was signed, not how the header spelled it: any rewrite of the header that
      // still verifies names the same request.
      const remembered: unknown[] = await manager.query(
        `INSERT INTO ingest_request (association_id, request_sha256, expires_at) VALUES ($1, $2, to_timestamp($3))
         ON CONFLICT DO NOTHING RETURNING association_id`,
        [
          key.associationId,
          signedRequestDigest(timestamp!, rawBody),
          Number(timestamp) + this.env.INGEST_TOLERANCE_SECONDS,
        ],
      );
      if (remembered.length === 0) throw new ReplayedIngestError();

      // A retry after a client timeout races the original with the same event id: serialise the two
      // on that id so the second sees the first's receipt (and answers duplicate) instead of
      // blocking on the receipt's primary key and failing with a unique violation.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [
        key.associationId,
        envelope.id,
      ]);
      const earlier = await manager.findOneBy(IngestReceiptEntity, {
        associationId: key.associationId,
        sourceEventId: envelope.id,
      });
      if (earlier) return { status: 'duplicate', eventId: earlier.eventId };

      const meta = await this.outbox.append(manager, definition, payload, {
        correlationId: CorrelationContext.current(),
        causationId: envelope.id,
      });
      await manager.insert(IngestReceiptEntity, {
        associationId: key.associationId,
        sourceEventId: envelope.id,
        eventId: meta.id,
      });
      return { status: 'accepted', eventId: meta.id };
    });
  }
}

async function parseEvent(rawBody: Buffer): Promise<{
  envelope: IngestCloudEventDto;
  definition: EventDefinition;
  payload: { associationId: string };
}> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new BadRequestException('Malformed JSON in request body');
  }
  // The same rules as every other body (NUL, lone surrogates, depth), before class-transformer recurses.
  const unsafe = findUnsafeInput(json);
  if (unsafe.length > 0) throw validationFailed(unsafe);
  const envelope = plainToInstance(IngestCloudEventDto, json);
  const envelopeErrors = await validationErrors(envelope, '');
  if (envelopeErrors.length > 0) throw validationFailed(envelopeErrors);
  const definition = INGESTIBLE_EVENTS.find((d) => d.type === envelope.type);
  if (!definition) {
    throw validationFailed([
      { field: 'type', messages: [`must be one of ${INGESTIBLE_EVENTS.map((d) => d.type).join(', ')}`] },
    ]);
  }
  const payload = plainToInstance(definition.payload, envelope.data) as { associationId: string };
  const payloadErrors = await validationErrors(payload, 'data');
  if (payloadErrors.length > 0) throw validationFailed(payloadErrors);
  // Checked here too, so a publisher hears about an unknown sector now rather than from the DLQ.
  const vocabulary = inboundVocabularyProblems(payload as Parameters<typeof inboundVocabularyProblems>[0]);
  if (vocabulary.length > 0) {
    throw validationFailed(
      vocabulary.map((p) => ({
        field: `data.${p.slice(0, p.indexOf(':'))}`,
        messages: [p.slice(p.indexOf(':') + 2)],
      })),
    );
  }
  return { envelope, definition, payload };
}

async function validationErrors(target: object, parent: string): Promise<FieldError[]> {
  if (typeof target !== 'object' || target === null || Array.isArray(target))
    return [{ field: parent || 'body', messages: ['must be a JSON object'] }];
  const errors = await validate(target, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return flattenValidationErrors(errors, parent);
}
