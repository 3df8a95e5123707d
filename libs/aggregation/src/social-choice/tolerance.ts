/**
 * Relative tolerance under which two weighted totals count as equal (a tie). Weights are
 * real numbers, so sums that are equal in exact arithmetic can differ by rounding
 * (0.1 + 0.2 vs 0.3); differences at most `TIE_TOLERANCE × total weight` are ties.
 */
export const TIE_TOLERANCE = 1e-10;

/** Absolute tie threshold for totals over a profile of total weight `totalWeight`. */
export function tieThreshold(totalWeight: number): number {
  return TIE_TOLERANCE * totalWeight;
}
