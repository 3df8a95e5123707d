import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';

/** One round of an elimination rule: the tallies of the candidates still in, and who left. */
export interface EliminationRound {
  tallies: Record<string, number>;
  eliminated: string[];
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
