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
 *
 * Truncated ballots, as in standard Bucklin: a candidate a ballot leaves out never gains that
 * ballot's support. Under the profile convention (CONTRACTS.md) the candidates a ballot leaves
 * out are tied below all it lists, which is the same ballot as listing them last, so a ballot's
 * LAST level never earns support, whether written or implied (`["a"]` and `["a", ["b", "c"]]`
 * over {a, b, c} both support only a; a ballot that ties everyone supports no one). With
 * complete strict rankings this is ordinary Bucklin: some candidate always has a majority by
 * round m − 1 (m ≥ 3), before a last place would count. Weak orders: a candidate's position is
 * 1 + the number of candidates strictly above it, so tied candidates enter together. If the
 * ranks run out without a majority, the highest final score wins (`majority: false`).
 * `scores` are the deciding round's scores, `ranking` their order, `round` the deciding round
 * (0 when no ballot ranks anyone above anyone).
 * @example bucklin over a×3, b>a×2, c×2 (bullet votes a, c): round 1 a 3, b 2, c 2 of 7; round 2 a 5 > 3.5 → a
 */
export function bucklin(profile: Profile): RuleResult {
  const { candidates } = profile;
  const m = candidates.length;
  // byPosition[c*m + p]: weight of ballots placing c at position p + 1 above their last level.
  const byPosition = new Float64Array(m * m);
  const count = new Int32Array(m + 1);
  const above = new Int32Array(m + 1);
  let total = 0;
  let rounds = 0;
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    const w = ballot.weight;
    total += w;
    count.fill(0);
    let last = 0;
    for (let c = 0; c < m; c++) {
      count[levels[c]]++;
      last = Math.max(last, levels[c]);
    }
    let better = 0;
    for (let l = 0; l <= m; l++) {
      above[l] = better;
      better += count[l];
    }
    for (let c = 0; c < m; c++) {
      if (levels[c] === last) continue;
      byPosition[c * m + above[levels[c]]] += w;
      rounds = Math.max(rounds, above[levels[c]] + 1);
    }
  }
  const threshold = tieThreshold(total);
  const scores = new Float64Array(m);
  for (let round = 1; round <= rounds; round++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < m; c++) {
      scores[c] += byPosition[c * m + round - 1];
      if (scores[c] > best) best = scores[c];
    }
    if (best > total / 2 + threshold) return { ...resultFromScores('bucklin', candidates, scores, threshold), round, majority: true };
  }
  return { ...resultFromScores('bucklin', candidates, scores, threshold), round: rounds, majority: false };
}

export const bucklinRule: RuleSpec = {
  definition:
    'add each next rank to the tallies until some candidate has a weighted majority; the highest tally then wins. Truncated ballots as in standard Bucklin: candidates a ballot leaves out (equivalently, its last level) never gain its support; if no majority ever forms, the highest final tally wins (majority: false)',
  kind: 'single',
  run: (profile) => bucklin(profile),
};
