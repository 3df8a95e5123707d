import { majorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Maximin (Simpson–Kramer, minimax) scores with margins: a candidate's score is its smallest
 * weighted margin against any other candidate, min_j margin(i, j) (Kramer 1977; pref_voting
 * `minimax`, which minimises the largest margin against, the same order). A Condorcet winner
 * has a positive score and every other candidate a negative one, so the rule is
 * Condorcet-consistent. One candidate alone scores 0.
 */
export function maximinScores(profile: Profile): Float64Array {
  const { m, margin } = majorityMatrix(profile);
  const scores = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = m > 1 ? Number.POSITIVE_INFINITY : 0;
    for (let j = 0; j < m; j++) if (j !== i && margin[i * m + j] < s) s = margin[i * m + j];
    scores[i] = s;
  }
  return scores;
}

const maximinScoring = scoringRule('maximin', maximinScores, 'exact', 'highest worst pairwise margin wins (score = min over others of the weighted margin)');

/** Maximin: highest worst-case margin wins; ranking by score. See {@link maximinScores}. */
export const maximin = maximinScoring.result;

export const maximinRule = maximinScoring.spec;
