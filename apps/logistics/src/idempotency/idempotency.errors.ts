import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum IdempotencyErrorCode {
  KeyReused = 'IDEMPOTENCY_KEY_REUSED',
}

/** The same `Idempotency-Key` came with another request than the first one: 422, nothing done. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super(
      IdempotencyErrorCode.KeyReused,
      DomainErrorKind.Unprocessable,
      `Idempotency-Key "${key}" was used for a different request; use a new key for a new request`,
    );
  }
}
