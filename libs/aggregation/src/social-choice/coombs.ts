import { activeTallies, type EliminationRound } from './active-tallies.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { tieThreshold, totalWeight } from './tolerance.js';

/**
 * Coombs' method (Coombs 1964; Grofman & Feld, "If you like the alternative vote (a.k.a. the
 * instant runoff), then you ought to know about the Coombs rule", *Electoral Studies* 23, 2004):
 * if a candidate has a strict majority (> half the total weight) of first choices among those
 * still in, it wins; otherwise eliminate the candidate(s) with the most weighted last places
 * among those still in. As for IRV (CONTRACTS.md), every candidate tied for most last places is
 * eliminated at once, and when all remaining are tied they all win. Weak orders: a
 * ballot's weight is split equally among the candidates tied at its best (first choices) or
 * worst (last places) remaining level; candidates a ballot leaves out are its last level.
 * `rounds` lists each round's last-place tallies and who was eliminated.
 */
export function coombs(profile: Profile): RuleResult {
  const { candidates } = profile;
  const m = candidates.length;
  const total = totalWeight(profile);
  const threshold = tieThreshold(total);
  const active = new Uint8Array(m).fill(1);
  let remaining = m;
  const rounds: EliminationRound[] = [];
  for (;;) {
    const first = activeTallies(profile, active, true);
    for (let c = 0; c < m; c++) {
      if (active[c] === 1 && first[c] > total / 2 + threshold) {
        return { rule: 'coombs', winners: [candidates[c]], rounds };
      }
    }
    const last = activeTallies(profile, active, false);
    let most = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < m; c++) if (active[c] === 1 && last[c] > most) most = last[c];
    const out: number[] = [];
    for (let c = 0; c < m; c++) if (active[c] === 1 && last[c] >= most - threshold) out.push(c);
    const shown: Record<string, number> = {};
    for (let c = 0; c < m; c++) if (active[c] === 1) shown[candidates[c]] = last[c];
    if (out.length === remaining) {
      rounds.push({ tallies: shown, eliminated: [] });
      return { rule: 'coombs', winners: out.map((c) => candidates[c]), rounds };
    }
    for (const c of out) active[c] = 0;
    remaining -= out.length;
    rounds.push({ tallies: shown, eliminated: out.map((c) => candidates[c]) });
  }
}

export const coombsRule: RuleSpec = {
  definition: 'a first-choice majority wins; otherwise eliminate every candidate tied for most last places, and repeat',
  kind: 'single',
  run: (profile) => coombs(profile),
};
