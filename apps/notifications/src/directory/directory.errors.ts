import { DependencyNotYetAvailableError } from '@bridges/messaging';
import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of directory errors. */
export enum DirectoryErrorCode {
  RecipientNotFound = 'RECIPIENT_NOT_FOUND',
  RecipientExists = 'RECIPIENT_EXISTS',
  /** Municipality contacts come from the registry and are changed there, not here. */
  RecipientManagedByRegistry = 'RECIPIENT_MANAGED_BY_REGISTRY',
  /** An event names a municipality whose profile has not reached the directory yet. */
  MunicipalityUnknown = 'DIRECTORY_MUNICIPALITY_UNKNOWN',
}

export class RecipientNotFoundError extends DomainError {
  constructor(id: string) {
    super(DirectoryErrorCode.RecipientNotFound, DomainErrorKind.NotFound, `Recipient ${id} does not exist`);
  }
}

export class RecipientExistsError extends DomainError {
  constructor(id: string) {
    super(DirectoryErrorCode.RecipientExists, DomainErrorKind.Conflict, `Recipient ${id} exists already`);
  }
}

export class RecipientManagedByRegistryError extends DomainError {
  constructor(id: string) {
    super(
      DirectoryErrorCode.RecipientManagedByRegistry,
      DomainErrorKind.Conflict,
      `Recipient ${id} is a municipality contact: change it in the registry`,
    );
  }
}

/** The dependency key of a municipality's profile: parked events name it, the directory reports it arrived. */
export function municipalityDependency(municipalityId: string): string {
  return `municipality:${municipalityId}`;
}

/**
 * Thrown by a Kafka handler when a referenced profile has not been projected yet (topics are not
 * ordered with each other). Neither a failure nor a poison message: the event is parked and resumes
 * when the registry event of that municipality reaches the directory (see RegistryDirectoryConsumer).
 */
export class MunicipalityNotInDirectoryError extends DependencyNotYetAvailableError {
  override readonly name = 'MunicipalityNotInDirectoryError';
  readonly code = DirectoryErrorCode.MunicipalityUnknown;

  constructor(readonly municipalityId: string) {
    super(
      municipalityDependency(municipalityId),
      `Municipality ${municipalityId} is not in the directory yet`,
    );
  }
}
