import { DomainError, DomainErrorKind } from '@bridges/platform';

export enum CheckInErrorCode {
  InvalidCode = 'CHECK_IN_INVALID_CODE',
  NotConfirmed = 'CHECK_IN_NOT_CONFIRMED',
}

/** Not a code of this event: forged, mistyped, or another event's. */
export class InvalidCheckInCodeError extends DomainError {
  constructor() {
    super(
      CheckInErrorCode.InvalidCode,
      DomainErrorKind.NotFound,
      'This is not a valid check-in code for this event',
    );
  }
}

export class CheckInNotConfirmedError extends DomainError {
  constructor(status: string) {
    super(
      CheckInErrorCode.NotConfirmed,
      DomainErrorKind.Conflict,
      `The participant’s seat is ${status}, not confirmed`,
    );
  }
}
