/** Who a digest is for: a hromada's contacts decide for their hromada; coordinators follow every proposal. */
export type DigestAudience = 'municipality' | 'coordinator';

/** Why a proposal is left out of a digest. Stored on the pending row and logged; wire-stable words. */
export type ProposalClosedReason =
  'partnership' | 'declined' | 'withdrawn' | 'accepted-by-both' | 'decided-by-hromada';

/** What notifications knows of a proposal's fate (matching's decided / withdrawn events, its partnership). */
export interface ProposalOutcome {
  hromadaDecision: 'accepted' | 'declined' | null;
  euDecision: 'accepted' | 'declined' | null;
  withdrawn: boolean;
  partnershipId: string | null;
}

/**
 * Why a proposal no longer belongs in a digest for `audience`, or null while it is still open there.
 * Closed for everyone once it became a partnership, either side declined, matching withdrew it, or
 * both accepted (the partnership event may still be on its way). A hromada's contacts are also done
 * with it once their hromada decided: the digest asks them to accept or decline, which they did.
 * A coordinator still sees a proposal only one side accepted: it waits on the other side.
 */
export function closedReason(
  outcome: ProposalOutcome | undefined,
  audience: DigestAudience,
): ProposalClosedReason | null {
  if (!outcome) return null;
  if (outcome.partnershipId) return 'partnership';
  if (outcome.withdrawn) return 'withdrawn';
  if (outcome.hromadaDecision === 'declined' || outcome.euDecision === 'declined') return 'declined';
  if (outcome.hromadaDecision === 'accepted' && outcome.euDecision === 'accepted') return 'accepted-by-both';
  if (audience === 'municipality' && outcome.hromadaDecision) return 'decided-by-hromada';
  return null;
}
