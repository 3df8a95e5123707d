import { irvTallies, type EliminationRound } from './active-tallies.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { profileTieThreshold } from './tolerance.js';

/**
 * Instant-runoff voting (Hare; alternative vote): repeatedly eliminate the candidate(s) with the
 * fewest weighted first choices among those still in, transferring each ballot to its best
 * remaining choice. CONTRACTS.md convention: every candidate tied for fewest (within the tie
 * threshold) is eliminated at once, and when all remaining are tied they all win (the rules (a)
 * and (b) of the R package votesys, `irv_method`; "Eliminate All" in Perl's Vote::Count). Weak orders: a ballot
 * whose best remaining level holds t candidates gives each weight/t. A ballot that ranks none of
 * the remaining candidates above its last level (they are all unlisted, or listed last, which the
 * profile convention makes the same) is exhausted: it counts for no one, and its weight is
 * reported as `exhausted` in the round (this changes no elimination; see {@link irvTallies}).
 * Elimination runs to the end (a majority winner is never eliminated later), so `ranking` is
 * the reverse elimination order; `rounds` lists each round's tallies and exhausted weight.
 */
export function irv(profile: Profile): RuleResult {
  const { candidates } = profile;
  const m = candidates.length;
  const threshold = profileTieThreshold(profile);
  const active = new Uint8Array(m).fill(1);
  let remaining = m;
  const eliminatedGroups: string[][] = [];
  const rounds: EliminationRound[] = [];
  for (;;) {
    const { tallies, exhausted } = irvTallies(profile, active);
    let fewest = Number.POSITIVE_INFINITY;
    for (let c = 0; c < m; c++) if (active[c] === 1 && tallies[c] < fewest) fewest = tallies[c];
    const out: number[] = [];
    for (let c = 0; c < m; c++) if (active[c] === 1 && tallies[c] <= fewest + threshold) out.push(c);
    const shown: Record<string, number> = {};
    for (let c = 0; c < m; c++) if (active[c] === 1) shown[candidates[c]] = tallies[c];
    if (out.length === remaining) {
      rounds.push({ tallies: shown, eliminated: [], exhausted });
      const winners = out.map((c) => candidates[c]);
      return { rule: 'irv', winners, ranking: [winners, ...eliminatedGroups.reverse()], rounds };
    }
    for (const c of out) active[c] = 0;
    remaining -= out.length;
    const names = out.map((c) => candidates[c]);
    eliminatedGroups.push(names);
    rounds.push({ tallies: shown, eliminated: names, exhausted });
  }
}

export const irvRule: RuleSpec = {
  definition: 'instant runoff: repeatedly eliminate every candidate tied for fewest first choices; the last remaining win. Exhausted ballots (ranking none of the remaining above their last level) count for no one; each round reports their weight',
  kind: 'single',
  run: (profile) => irv(profile),
};
