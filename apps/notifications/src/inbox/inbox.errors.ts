import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of inbox errors. */
export enum InboxErrorCode {
  ItemNotFound = 'INBOX_ITEM_NOT_FOUND',
}

/** Also what a caller gets for someone else's item: existence of other people's items is not revealed. */
export class InboxItemNotFoundError extends DomainError {
  constructor(id: string) {
    super(InboxErrorCode.ItemNotFound, DomainErrorKind.NotFound, `Inbox item ${id} does not exist`);
  }
}
