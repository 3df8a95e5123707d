import type { EliminationRound } from './active-tallies.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';

/**
 * Shared engine of Baldwin's and Nanson's rules: Borda scores (CONTRACTS.md convention) on the
 * profile restricted to the candidates still in, recomputed every round from the margin matrix:
 * B(i) = (k − 1)·W/2 + ½ Σ_{j in} margin(i, j) for k candidates in and total weight W (each pair
 * gives 1 to the preferred candidate and ½ to each when tied). `select` picks who leaves given
 * the scores of those in; when it picks everyone, they all win. `ranking` is the reverse
 * elimination order.
 */
export function bordaElimination(
  rule: string,
  profile: Profile,
  select: (scores: Float64Array, active: Uint8Array, remaining: number, threshold: number) => number[],
): RuleResult {
  const { candidates } = profile;
  const { m, margin, totalWeight, tieThreshold } = majorityMatrix(profile);
  const active = new Uint8Array(m).fill(1);
  let remaining = m;
  const eliminated: string[][] = [];
  const rounds: EliminationRound[] = [];
  const scores = new Float64Array(m);
  for (;;) {
    const shown: Record<string, number> = {};
    for (let i = 0; i < m; i++) {
      if (active[i] === 0) continue;
      let sum = 0;
      for (let j = 0; j < m; j++) if (active[j] === 1) sum += margin[i * m + j];
      scores[i] = ((remaining - 1) * totalWeight) / 2 + sum / 2;
      shown[candidates[i]] = scores[i];
    }
    const out = select(scores, active, remaining, tieThreshold);
    if (out.length === remaining || out.length === 0) {
      rounds.push({ tallies: shown, eliminated: [] });
      const winners: string[] = [];
      for (let c = 0; c < m; c++) if (active[c] === 1) winners.push(candidates[c]);
      return { rule, winners, ranking: [winners, ...eliminated.reverse()], rounds };
    }
    for (const c of out) active[c] = 0;
    remaining -= out.length;
    const names = out.map((c) => candidates[c]);
    eliminated.push(names);
    rounds.push({ tallies: shown, eliminated: names });
  }
}
