import { bordaScores } from './borda.js';
import { condorcetWinnerId } from './condorcet.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { resultFromScores } from './score-ranking.js';

/**
 * Black's rule (Black, *The Theory of Committees and Elections*, 1958; pref_voting `blacks`):
 * the Condorcet winner if there is one, otherwise the Borda winner(s) (Borda per CONTRACTS.md).
 * `scores`/`ranking` are the Borda ones, given only when Borda decides; `condorcetWinner` says
 * which case applied.
 */
export function black(profile: Profile): RuleResult {
  const matrix = majorityMatrix(profile);
  const cw = condorcetWinnerId(matrix);
  if (cw >= 0) return { rule: 'black', winners: [profile.candidates[cw]], condorcetWinner: profile.candidates[cw] };
  return { ...resultFromScores('black', profile.candidates, bordaScores(profile), matrix.tieThreshold), condorcetWinner: null };
}

export const blackRule: RuleSpec = {
  definition: 'the Condorcet winner if there is one, otherwise the Borda winner',
  kind: 'single',
  run: (profile) => black(profile),
};
