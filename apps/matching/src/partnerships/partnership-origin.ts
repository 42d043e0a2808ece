/**
 * How a partnership came to Bridges: from a proposal both sides accepted, or recorded by a coordinator
 * because it was formed before or outside Bridges (then no proposal or campaign stands behind it, and
 * it is announced as `matching.partnership.recorded.v1`).
 */
export const PartnershipOrigin = { Matching: 'matching', Recorded: 'recorded' } as const;
export type PartnershipOrigin = (typeof PartnershipOrigin)[keyof typeof PartnershipOrigin];
