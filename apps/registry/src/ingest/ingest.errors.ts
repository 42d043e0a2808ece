import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of the ingest feature. */
export enum IngestErrorCode {
  Replayed = 'INGEST_REPLAYED',
  WrongAssociation = 'INGEST_WRONG_ASSOCIATION',
}

/** The exact signed request was already accepted: a captured request sent again. */
export class ReplayedIngestError extends DomainError {
  constructor() {
    super(
      IngestErrorCode.Replayed,
      DomainErrorKind.Conflict,
      'This signed request was already received; sign each request anew',
    );
  }
}

/** A key may publish only for its own association. */
export class WrongAssociationError extends DomainError {
  constructor(keyAssociationId: string, claimed: string) {
    super(
      IngestErrorCode.WrongAssociation,
      DomainErrorKind.Forbidden,
      `The key belongs to association ${keyAssociationId}, the event names ${claimed}`,
    );
  }
}
