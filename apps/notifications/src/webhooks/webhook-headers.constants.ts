/** HTTP headers Bridges sets on every webhook POST (documented in apps/notifications/docs/webhooks.md). */
export const WEBHOOK_SIGNATURE_HEADER = 'Bridges-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'Bridges-Event-Id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'Bridges-Event-Type';

/** Signature scheme version carried in the header as `v1=<hex>`; a new scheme gets a new key, never a new meaning. */
export const WEBHOOK_SIGNATURE_SCHEME = 'v1';

/** Receivers reject signatures whose timestamp is further than this from their clock (replay protection). */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
