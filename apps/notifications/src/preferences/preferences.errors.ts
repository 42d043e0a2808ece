/** Why an unsubscribe token was rejected. The unsubscribe page shows one generic message for all of them. */
export enum UnsubscribeTokenFailure {
  Malformed = 'malformed',
  BadSignature = 'bad-signature',
  UnsupportedVersion = 'unsupported-version',
  Expired = 'expired',
}
