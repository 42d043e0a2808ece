import { BadRequestException, UnauthorizedException } from '@nestjs/common';
import { ReplayedIngestError, WrongAssociationError } from './ingest.errors';

/** Why `POST /ingest` refused a request, as kept in the list of rejects. */
export const IngestRefusalReason = {
  /** 401: missing headers, timestamp outside the window, unknown or revoked key, bad signature. */
  Unauthenticated: 'unauthenticated',
  /** 400: not JSON, not a CloudEvent, not an association event, or breaks its contract. */
  InvalidEvent: 'invalid-event',
  /** 403: the event names another association than the key's. */
  WrongAssociation: 'wrong-association',
  /** 409: the same signed request again. */
  Replayed: 'replayed',
} as const;
export type IngestRefusalReason = (typeof IngestRefusalReason)[keyof typeof IngestRefusalReason];

/** The reason and a safe message for an error `POST /ingest` answers with; undefined when it is no refusal (e.g. a 500). */
export function describeRefusal(
  error: unknown,
): { reason: IngestRefusalReason; message: string } | undefined {
  if (error instanceof UnauthorizedException)
    return { reason: IngestRefusalReason.Unauthenticated, message: error.message };
  if (error instanceof WrongAssociationError)
    return { reason: IngestRefusalReason.WrongAssociation, message: error.message };
  if (error instanceof ReplayedIngestError)
    return { reason: IngestRefusalReason.Replayed, message: error.message };
  if (error instanceof BadRequestException)
    return { reason: IngestRefusalReason.InvalidEvent, message: fieldErrorsOf(error) ?? error.message };
  return undefined;
}

/** The event's `id` and `type` when the body is a JSON object naming them (even if it is refused). */
export function claimedIdentity(rawBody: Buffer): { eventId?: string; eventType?: string } {
  try {
    const body: unknown = JSON.parse(rawBody.toString('utf8'));
    if (typeof body !== 'object' || body === null) return {};
    const { id, type } = body as { id?: unknown; type?: unknown };
    return {
      ...(typeof id === 'string' && id ? { eventId: id } : {}),
      ...(typeof type === 'string' && type ? { eventType: type } : {}),
    };
  } catch {
    return {};
  }
}

/** `field: message, message; field: …` from a validation 400, the same words the sender got. */
function fieldErrorsOf(error: BadRequestException): string | undefined {
  const body = error.getResponse() as { errors?: { field: string; messages: string[] }[] };
  if (!Array.isArray(body.errors) || body.errors.length === 0) return undefined;
  return body.errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ');
}
