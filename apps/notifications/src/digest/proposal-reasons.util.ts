/** A factor of a match score as matching publishes it (`ProposalFactorV1`). */
export interface ScoredFactor {
  factor: string;
  score: number;
  weight: number;
  explanation?: string;
}

/**
 * The factors that contributed most to a score (score × weight), for the "top reasons" of a digest.
 * Factors that contributed nothing are not reasons. Ties go to the factor id, so the choice is stable.
 */
export function pickTopReasons(
  factors: readonly ScoredFactor[],
  limit = 3,
): Array<{ factor: string; score: number; explanation?: string }> {
  return factors
    .filter((f) => f.score * f.weight > 0)
    .sort(
      (a, b) =>
        b.score * b.weight - a.score * a.weight || (a.factor < b.factor ? -1 : a.factor > b.factor ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ factor, score, explanation }) => ({ factor, score, ...(explanation ? { explanation } : {}) }));
}
