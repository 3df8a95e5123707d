import type { Profile } from './profile.js';

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

/** Σ weight over the ballots of `profile`. */
export function totalWeight(profile: Profile): number {
  let total = 0;
  for (const ballot of profile.ballots) total += ballot.weight;
  return total;
}

/** {@link tieThreshold} for the total ballot weight of `profile`. */
export function profileTieThreshold(profile: Profile): number {
  return tieThreshold(totalWeight(profile));
}
