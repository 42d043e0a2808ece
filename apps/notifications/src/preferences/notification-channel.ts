/** Channels a recipient can opt in to or out of. Stored in preferences and in unsubscribe tokens: wire values. */
export const NOTIFICATION_CHANNELS = ['email', 'webhook', 'inbox'] as const;

/** A delivery channel. */
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** True when `value` is a known channel. */
export function isNotificationChannel(value: unknown): value is NotificationChannel {
  return typeof value === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}
