import { bordaElimination } from './borda-elimination.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';

/**
 * Nanson's method, the STRICT variant (pref_voting `strict_nanson`; Nanson, "Methods of
 * election", *Trans. Proc. Royal Society of Victoria* 19, 1882; Niou, "A note on Nanson's
 * rule", *Public Choice* 54, 1987): each round, eliminate every candidate whose Borda score
 * among those still in is strictly below the average (beyond the tie threshold); stop when none
 * is, and all remaining win. (pref_voting's `weak_nanson` would also eliminate those at the
 * average.) Borda scores per CONTRACTS.md, recomputed on the remaining candidates.
 * Condorcet-consistent: a Condorcet winner's score is strictly above the average.
 */
export function nanson(profile: Profile): RuleResult {
  return bordaElimination('nanson', profile, (scores, active, remaining, threshold) => {
    let sum = 0;
    for (let c = 0; c < scores.length; c++) if (active[c] === 1) sum += scores[c];
    const mean = sum / remaining;
    const out: number[] = [];
    for (let c = 0; c < scores.length; c++) if (active[c] === 1 && scores[c] < mean - threshold) out.push(c);
    return out;
  });
}

export const nansonRule: RuleSpec = {
  definition: 'strict Nanson: repeatedly eliminate every candidate with Borda score strictly below the average of those remaining',
  kind: 'single',
  run: (profile) => nanson(profile),
};
