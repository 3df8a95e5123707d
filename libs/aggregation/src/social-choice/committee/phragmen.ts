import type { Profile, RuleResult } from '../profile.js';
import type { RuleSpec } from '../rule.js';
import { TIE_TOLERANCE } from '../tolerance.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';
import { committeeResult, maskOf } from './committee-result.js';

/**
 * Phragmén's sequential rule (Phragmén 1894; as stated in Brill, Freeman, Janson & Lackner
 * 2017, "Phragmén's voting methods and justified representation", and Lackner & Skowron
 * 2023). Each unit of voter weight carries a load, initially 0. Electing candidate c
 * costs 1 unit shared by its approvers so that they all end at the same load
 * s_c = (1 + Σ_{g ∋ c} weight_g · load_g) / Σ_{g ∋ c} weight_g; each round elects the candidate
 * with the smallest s_c (within a relative 1e-10: the earliest candidate) and sets its
 * approvers' loads to s_c. Candidates nobody approves are added last, earliest first, if k
 * exceeds the approved ones. Returns the candidates in the order elected.
 */
export function sequentialPhragmen(e: ApprovalElection, k: number): Int32Array {
  const load = new Float64Array(e.groups);
  const chosen = new Uint8Array(e.m);
  const support = new Float64Array(e.m);
  const loaded = new Float64Array(e.m);
  const order = new Int32Array(k);
  for (let round = 0; round < k; round++) {
    support.fill(0);
    loaded.fill(0);
    for (let g = 0; g < e.groups; g++) {
      const w = e.weight[g];
      const wl = w * load[g];
      for (let p = e.start[g]; p < e.start[g + 1]; p++) {
        support[e.approvals[p]] += w;
        loaded[e.approvals[p]] += wl;
      }
    }
    let best = -1;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (let c = 0; c < e.m; c++) {
      if (chosen[c] === 1 || support[c] === 0) continue;
      const s = (1 + loaded[c]) / support[c];
      if (best < 0 || s < bestLoad - TIE_TOLERANCE * bestLoad) {
        best = c;
        bestLoad = s;
      }
    }
    if (best < 0) {
      for (let c = 0; c < e.m; c++) if (chosen[c] === 0) { best = c; break; }
    } else {
      for (let g = 0; g < e.groups; g++) {
        for (let p = e.start[g]; p < e.start[g + 1]; p++) if (e.approvals[p] === best) { load[g] = bestLoad; break; }
      }
    }
    chosen[best] = 1;
    order[round] = best;
  }
  return order;
}

/** Sequential Phragmén on a profile: `committee`, and `selectionOrder` (the order elected). */
export function phragmen(profile: Profile, k: number, options: { top?: number } = {}): RuleResult {
  const e = approvalElection(profile, options.top ?? k);
  const order = sequentialPhragmen(e, k);
  return committeeResult('phragmen', profile.candidates, maskOf(e.m, order), {
    selectionOrder: Array.from(order, (c) => profile.candidates[c]),
  });
}

export const phragmenRule: RuleSpec = {
  definition: "Phragmén's sequential rule: elect in turn the candidate whose cost, shared by its approvers, minimises their maximal load",
  kind: 'committee',
  run: (profile, options) => phragmen(profile, options.k!, { top: options.approvalTop }),
};
