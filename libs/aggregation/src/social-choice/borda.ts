import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Borda scores (CONTRACTS.md convention): per ballot, a candidate gets the number of
 * candidates ranked strictly below it plus half the number of others tied with it, times the
 * ballot's weight — the averaged ("symmetric") Borda count for weak orders (Borda count: Zwicker,
 * "Introduction to the theory of voting", *Handbook of Computational Social Choice*, 2016; the
 * npm `votes` library uses the same ½ per tie). It equals
 * Σ_j (support_ij + ½ ties_ij) = (m−1)W/2 + ½ Σ_j margin_ij.
 * Candidates a ballot leaves out are tied at its bottom level.
 * @example ranking [a, [b, c]] over {a, b, c}: a 2, b 0.5, c 0.5
 */
export function bordaScores(profile: Profile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  const count = new Int32Array(m + 1);
  const below = new Float64Array(m + 1);
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    count.fill(0);
    let maxLevel = 0;
    for (let c = 0; c < m; c++) {
      count[levels[c]]++;
      if (levels[c] > maxLevel) maxLevel = levels[c];
    }
    // points[level] = (#strictly below) + (#tied − 1)/2
    let strictlyBelow = 0;
    for (let l = maxLevel; l >= 0; l--) {
      below[l] = strictlyBelow + (count[l] - 1) / 2;
      strictlyBelow += count[l];
    }
    const w = ballot.weight;
    for (let c = 0; c < m; c++) scores[c] += w * below[levels[c]];
  }
  return scores;
}

const bordaScoring = scoringRule('borda', bordaScores, 'weights', 'highest Borda score: per ballot, 1 point per candidate ranked below plus 1/2 per candidate tied');

/** Borda count: highest Borda score wins; ranking by score. See {@link bordaScores}. */
export const borda = bordaScoring.result;

export const bordaRule = bordaScoring.spec;
