import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { resultFromScores } from './score-ranking.js';

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

/** Maximin: highest worst-case margin wins; ranking by score. See {@link maximinScores}. */
export function maximin(profile: Profile): RuleResult {
  return resultFromScores('maximin', profile.candidates, maximinScores(profile), 0);
}

export const maximinRule: RuleSpec = {
  definition: 'highest worst pairwise margin wins (score = min over others of the weighted margin)',
  kind: 'single',
  run: (profile) => maximin(profile),
};
