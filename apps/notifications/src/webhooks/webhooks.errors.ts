/** Why a webhook signature was rejected; stable codes safe to log and to return to the caller. */
export enum WebhookSignatureFailure {
  MissingHeader = 'missing-header',
  MalformedHeader = 'malformed-header',
  TimestampOutsideTolerance = 'timestamp-outside-tolerance',
  SignatureMismatch = 'signature-mismatch',
}
