import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of the import runs feature. */
export enum ImportRunErrorCode {
  NotFound = 'IMPORT_RUN_NOT_FOUND',
  InProgress = 'IMPORT_RUN_IN_PROGRESS',
}

export class ImportRunNotFoundError extends DomainError {
  constructor(id: string) {
    super(ImportRunErrorCode.NotFound, DomainErrorKind.NotFound, `Import run ${id} does not exist`);
  }
}

/** One run at a time: two imports of the same files would only wait on each other's row locks. */
export class ImportRunInProgressError extends DomainError {
  constructor(readonly runningId: string) {
    super(
      ImportRunErrorCode.InProgress,
      DomainErrorKind.Conflict,
      `Import run ${runningId} is still running; start another when it has finished`,
    );
  }
}
