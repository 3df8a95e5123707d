import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { names, rankingFromDominance } from './score-ranking.js';

/** How a pairwise defeat's strength is measured (Schulze 2011). */
export type DefeatStrength = 'margin' | 'winning-votes';

/**
 * Strengths of the strongest (widest) paths, row-major `m × m`: `p[i*m + j]` is the largest
 * s such that a path i = c0 → c1 → … → ck = j of pairwise defeats exists whose weakest defeat
 * has strength s; 0 when there is none. A defeat i → j exists when margin(i, j) > 0; its
 * strength is the margin (the default; pref_voting's `beat_path` works on the margin graph) or the
 * winning votes `support(i, j)` (Schulze's examples and Wikipedia "Schulze method"). Computed by
 * Floyd–Warshall widest paths (Schulze, "A new monotonic, clone-independent, reversal
 * symmetric, and Condorcet-consistent single-winner election method", *Social Choice and
 * Welfare* 36, 2011), O(m³) with rows skipped where no path enters the intermediate.
 */
export function schulzeStrongestPaths(matrix: MajorityMatrix, strength: DefeatStrength = 'margin'): Float64Array {
  const { m, margin, support } = matrix;
  const p = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) if (margin[i] > 0) p[i] = strength === 'margin' ? margin[i] : support[i];
  for (let k = 0; k < m; k++) {
    const rowK = k * m;
    for (let i = 0; i < m; i++) {
      if (i === k) continue;
      const rowI = i * m;
      const pik = p[rowI + k];
      if (pik === 0) continue;
      for (let j = 0; j < m; j++) {
        const pkj = p[rowK + j];
        const via = pik < pkj ? pik : pkj;
        if (via > p[rowI + j]) p[rowI + j] = via;
      }
    }
  }
  for (let i = 0; i < m; i++) p[i * m + i] = 0;
  return p;
}

/**
 * The Schulze method (beatpath; Schulze 2011): candidate i is better than j when
 * p(i, j) > p(j, i) for the strongest paths p (see {@link schulzeStrongestPaths}); this
 * relation is a strict partial order (Schulze 2011). Winners: every i with
 * p(i, j) ≥ p(j, i) for all j. `ranking` sorts candidates by how many they are better than,
 * a weak order extending the Schulze relation. `scores` gives that count.
 */
export function schulze(profile: Profile, strength: DefeatStrength = 'margin'): RuleResult {
  const matrix = majorityMatrix(profile);
  const m = matrix.m;
  const p = schulzeStrongestPaths(matrix, strength);
  const above = new Int32Array(m);
  const winners: number[] = [];
  for (let i = 0; i < m; i++) {
    let wins = true;
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      if (p[i * m + j] > p[j * m + i]) above[i]++;
      else if (p[i * m + j] < p[j * m + i]) wins = false;
    }
    if (wins) winners.push(i);
  }
  const scores: Record<string, number> = {};
  profile.candidates.forEach((name, c) => {
    scores[name] = above[c];
  });
  return { rule: 'schulze', winners: names(profile.candidates, winners), ranking: rankingFromDominance(profile.candidates, above), scores };
}

export const schulzeRule: RuleSpec = {
  definition: 'beatpath: i beats j if the strongest path of margins from i to j beats the one from j to i; the unbeaten win (Schulze 2011)',
  kind: 'single',
  run: (profile) => schulze(profile),
};
