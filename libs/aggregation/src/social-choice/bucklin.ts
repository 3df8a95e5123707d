import { ballotLevels } from './ballot-levels.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { resultFromScores } from './score-ranking.js';
import { tieThreshold } from './tolerance.js';

/**
 * Bucklin voting (Grand Junction; pref_voting `bucklin`; Wikipedia "Bucklin voting"): in round
 * r = 1, 2, …, each candidate's score is the weight of ballots ranking it within their top r
 * positions; the first round in which some score exceeds half the total weight (a strict
 * weighted majority) decides, and the candidate(s) with the highest score in that round win.
 * Weak orders: a candidate's position on a ballot is 1 + the number of candidates strictly above
 * it, so tied candidates enter together; candidates a ballot leaves out share its last level.
 * `scores` are the deciding round's scores, `ranking` their order, `round` the deciding round.
 */
export function bucklin(profile: Profile): RuleResult {
  const { candidates } = profile;
  const m = candidates.length;
  // byPosition[c*m + p]: weight of ballots placing c at position p + 1.
  const byPosition = new Float64Array(m * m);
  const count = new Int32Array(m + 1);
  const above = new Int32Array(m + 1);
  let total = 0;
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    const w = ballot.weight;
    total += w;
    count.fill(0);
    for (let c = 0; c < m; c++) count[levels[c]]++;
    let better = 0;
    for (let l = 0; l <= m; l++) {
      above[l] = better;
      better += count[l];
    }
    for (let c = 0; c < m; c++) byPosition[c * m + above[levels[c]]] += w;
  }
  const threshold = tieThreshold(total);
  const scores = new Float64Array(m);
  // Terminates by round m at the latest, where every candidate scores the total weight.
  for (let round = 1; ; round++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < m; c++) {
      scores[c] += byPosition[c * m + round - 1];
      if (scores[c] > best) best = scores[c];
    }
    if (best > total / 2 + threshold) {
      return { ...resultFromScores('bucklin', candidates, scores, threshold), round };
    }
  }
}

export const bucklinRule: RuleSpec = {
  definition: 'add each next rank to the tallies until some candidate has a weighted majority; the highest tally then wins',
  kind: 'single',
  run: (profile) => bucklin(profile),
};
