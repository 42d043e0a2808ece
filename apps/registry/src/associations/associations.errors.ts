import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of the associations feature. */
export enum AssociationErrorCode {
  NotFound = 'ASSOCIATION_NOT_FOUND',
  DuplicateName = 'ASSOCIATION_DUPLICATE_NAME',
  KeyNotFound = 'ASSOCIATION_KEY_NOT_FOUND',
}

export class AssociationNotFoundError extends DomainError {
  constructor(id: string) {
    super(AssociationErrorCode.NotFound, DomainErrorKind.NotFound, `Association ${id} does not exist`);
  }
}

export class DuplicateAssociationError extends DomainError {
  constructor(existingId: string, name: string) {
    super(
      AssociationErrorCode.DuplicateName,
      DomainErrorKind.Conflict,
      `An association named "${name}" already exists: ${existingId}`,
    );
  }
}

export class ApiKeyNotFoundError extends DomainError {
  constructor(associationId: string, keyId: string) {
    super(
      AssociationErrorCode.KeyNotFound,
      DomainErrorKind.NotFound,
      `Association ${associationId} has no key ${keyId}`,
    );
  }
}
