/** How often a recipient gets proposal digests; stored in preferences, so these are wire values. */
export const DIGEST_FREQUENCIES = ['immediate', 'hourly', 'daily'] as const;

/** `immediate`: at the next flush; `hourly`: at the top of the hour; `daily`: once a day at a fixed UTC hour. */
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** True when `value` is a known frequency. */
export function isDigestFrequency(value: unknown): value is DigestFrequency {
  return typeof value === 'string' && (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}
