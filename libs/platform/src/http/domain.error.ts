/**
 * What kind of refusal a domain error is, independent of transport: HTTP maps it to a status, a
 * Kafka consumer to "permanent, send to DLQ".
 */
export const DomainErrorKind = {
  Invalid: 'invalid',
  NotFound: 'not_found',
  Conflict: 'conflict',
  Forbidden: 'forbidden',
  Unprocessable: 'unprocessable',
} as const;
export type DomainErrorKind = (typeof DomainErrorKind)[keyof typeof DomainErrorKind];

/**
 * Base of every feature's errors: a stable `code` from the feature's code enum (clients and tests
 * match on it), a message safe to show, and the underlying cause for the logs.
 *
 * ```ts
 * export enum ShipmentErrorCode { NotFound = 'SHIPMENT_NOT_FOUND' }
 * throw new DomainError(ShipmentErrorCode.NotFound, DomainErrorKind.NotFound, `Shipment ${id} does not exist`);
 * ```
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
