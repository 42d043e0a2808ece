import type { EventStatus } from '@bridges/contracts';
import { DomainError, DomainErrorKind, StaleVersionError } from '@bridges/platform';

/** Stable codes of event errors. */
export enum EventErrorCode {
  NotFound = 'EVENT_NOT_FOUND',
  InvalidTransition = 'EVENT_INVALID_TRANSITION',
  CapacityBelowHeld = 'EVENT_CAPACITY_BELOW_HELD',
  QuotaBelowHeld = 'EVENT_QUOTA_BELOW_HELD',
  NotEditable = 'EVENT_NOT_EDITABLE',
  VersionMismatch = 'EVENT_VERSION_MISMATCH',
}

/** Another coordinator changed the event since this one read it (412 with the current ETag). */
export class EventVersionMismatchError extends StaleVersionError {
  constructor(expected: number, actual: number) {
    super(EventErrorCode.VersionMismatch, expected, actual);
  }
}

export class EventNotFoundError extends DomainError {
  constructor(id: string) {
    super(EventErrorCode.NotFound, DomainErrorKind.NotFound, `Event ${id} does not exist`);
  }
}

export class InvalidEventTransitionError extends DomainError {
  constructor(
    readonly from: EventStatus,
    readonly to: EventStatus,
    readonly allowedTransitions: readonly EventStatus[],
  ) {
    super(
      EventErrorCode.InvalidTransition,
      DomainErrorKind.Conflict,
      `An event cannot go from ${from} to ${to}; allowed from ${from}: ${allowedTransitions.length ? allowedTransitions.join(', ') : 'none (final)'}`,
    );
  }
}

export class CapacityBelowHeldError extends DomainError {
  constructor(capacity: number, held: number) {
    super(
      EventErrorCode.CapacityBelowHeld,
      DomainErrorKind.Conflict,
      `Capacity ${capacity} is below the ${held} seat(s) already held; cancel registrations first`,
    );
  }
}

export class QuotaBelowHeldError extends DomainError {
  constructor(dimension: string, key: string, seats: number, held: number) {
    super(
      EventErrorCode.QuotaBelowHeld,
      DomainErrorKind.Conflict,
      `Quota ${dimension} ${key}: ${seats} seat(s) is below the ${held} already held there`,
    );
  }
}

export class EventNotEditableError extends DomainError {
  constructor(status: EventStatus) {
    super(EventErrorCode.NotEditable, DomainErrorKind.Conflict, `A ${status} event can no longer be changed`);
  }
}
