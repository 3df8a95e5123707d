import { majorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Copeland scores (CONTRACTS.md convention, "Copeland^½"): 1 per candidate beaten by a strict
 * weighted majority, ½ per pairwise tie, 0 per loss (Copeland 1951; Faliszewski et al.,
 * "Llull and Copeland voting computationally resist bribery and constructive control",
 * *JAIR* 35, 2009, Copeland^α with α = ½).
 */
export function copelandScores(profile: Profile): Float64Array {
  const { m, margin } = majorityMatrix(profile);
  const scores = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      const d = margin[i * m + j];
      s += d > 0 ? 1 : d === 0 ? 0.5 : 0;
    }
    scores[i] = s;
  }
  return scores;
}

const copelandScoring = scoringRule('copeland', copelandScores, 'exact', 'most pairwise majority wins: 1 per win, 1/2 per tie');

/** Copeland: highest Copeland score wins; ranking by score. See {@link copelandScores}. */
export const copeland = copelandScoring.result;

export const copelandRule = copelandScoring.spec;
