import { bordaElimination } from './borda-elimination.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';

/**
 * Baldwin's method (Baldwin, "The technique of the Nanson preferential majority system of
 * election", *Proc. Royal Society of Victoria* 39, 1926): repeatedly eliminate the candidate(s)
 * with the lowest Borda score among those still in, recomputing the scores each round. Every
 * candidate tied for lowest (within the tie threshold) leaves at once, as for IRV (CONTRACTS.md);
 * when all remaining are tied they all win. Condorcet-consistent: a Condorcet winner's restricted
 * Borda score is always above the average, hence never lowest.
 */
export function baldwin(profile: Profile): RuleResult {
  return bordaElimination('baldwin', profile, (scores, active, _remaining, threshold) => {
    let lowest = Number.POSITIVE_INFINITY;
    for (let c = 0; c < scores.length; c++) if (active[c] === 1 && scores[c] < lowest) lowest = scores[c];
    const out: number[] = [];
    for (let c = 0; c < scores.length; c++) if (active[c] === 1 && scores[c] <= lowest + threshold) out.push(c);
    return out;
  });
}

export const baldwinRule: RuleSpec = {
  definition: 'repeatedly eliminate every candidate tied for the lowest Borda score among those remaining',
  kind: 'single',
  run: (profile) => baldwin(profile),
};
