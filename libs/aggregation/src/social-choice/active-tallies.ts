import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';

/** One round of an elimination rule: the tallies of the candidates still in, and who left. */
export interface EliminationRound {
  tallies: Record<string, number>;
  eliminated: string[];
  /** IRV: the weight of exhausted ballots, which rank none of the candidates still in above their last level. */
  exhausted?: number;
}

/**
 * Weighted first-choice tallies among the `active` candidates: each ballot's weight goes to its
 * best active level, split equally among the active candidates tied there (`best = true`), or
 * to its worst active level (`best = false`, for Coombs' last places).
 */
export function activeTallies(profile: Profile, active: Uint8Array, best: boolean): Float64Array {
  const m = profile.candidates.length;
  const tallies = new Float64Array(m);
  const sign = best ? 1 : -1;
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    let target = Number.POSITIVE_INFINITY;
    let count = 0;
    for (let c = 0; c < m; c++) {
      if (active[c] === 0) continue;
      const key = sign * levels[c];
      if (key < target) {
        target = key;
        count = 0;
      }
      if (key === target) count++;
    }
    const share = ballot.weight / count;
    for (let c = 0; c < m; c++) if (active[c] === 1 && sign * levels[c] === target) tallies[c] += share;
  }
  return tallies;
}

/**
 * IRV's weighted first-choice tallies among the `active` candidates (as {@link activeTallies}
 * with `best = true`), leaving out exhausted ballots: those whose best active level is their
 * last level, i.e. that rank none of the candidates still in above the ones they leave out
 * (under the profile convention, leaving a candidate out is ranking it last). Such a ballot
 * would give every active candidate at that level the same share, so leaving it out changes no
 * elimination, only the displayed tallies (standard IRV: exhausted ballots count for no one).
 */
export function irvTallies(profile: Profile, active: Uint8Array): { tallies: Float64Array; exhausted: number } {
  const m = profile.candidates.length;
  const tallies = new Float64Array(m);
  let exhausted = 0;
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    let target = Number.POSITIVE_INFINITY;
    let last = 0;
    let count = 0;
    for (let c = 0; c < m; c++) {
      last = Math.max(last, levels[c]);
      if (active[c] === 0) continue;
      if (levels[c] < target) {
        target = levels[c];
        count = 0;
      }
      if (levels[c] === target) count++;
    }
    if (target === last) {
      exhausted += ballot.weight;
      continue;
    }
    const share = ballot.weight / count;
    for (let c = 0; c < m; c++) if (active[c] === 1 && levels[c] === target) tallies[c] += share;
  }
  return { tallies, exhausted };
}
