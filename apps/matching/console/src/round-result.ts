import type { Round } from './api';

/** Relative gap under which a round's total equals its upper bound (the solver works on rounded scores). */
const OPTIMAL_GAP = 1e-6;

/** How far a completed round's total may be below the best possible: 0 is proven optimal; null before the result. */
export function optimalityGap(round: Pick<Round, 'totalScore' | 'upperBound'>): number | null {
  if (round.totalScore === null || round.upperBound === null) return null;
  const gap = (round.upperBound - round.totalScore) / Math.max(1, Math.abs(round.upperBound));
  return gap <= OPTIMAL_GAP ? 0 : gap;
}

/** A round still queued or running: the console polls it. */
export const roundInProgress = (round: Pick<Round, 'status'>): boolean =>
  round.status === 'requested' || round.status === 'running';
