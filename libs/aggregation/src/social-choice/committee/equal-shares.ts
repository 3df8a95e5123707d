import type { Profile, RuleResult } from '../profile.js';
import type { RuleSpec } from '../rule.js';
import { TIE_TOLERANCE } from '../tolerance.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';
import { committeeResult, maskOf } from './committee-result.js';

/**
 * How the method of equal shares fills seats left when no candidate is affordable:
 * - `add1` (default): rerun with the voters' total budget raised to k+1, k+2, … (the "add1"
 *   completion of Peters, Pierczyński & Skowron 2021, "Proportional participatory budgeting with
 *   additive utilities"), keep the last committee of at most k members, then fill the rest
 *   as `utilitarian` does;
 * - `utilitarian`: add the remaining candidates by decreasing approval weight (earliest first on ties).
 */
export type EqualSharesCompletion = 'add1' | 'utilitarian';

/**
 * One run of the method of equal shares (Rule X) for approval ballots (Peters & Skowron 2020,
 * "Proportionality and the limits of welfarism"; Lackner & Skowron 2023) with total
 * budget `budget` and price 1 per seat: voter group g starts with weight_g · budget / n. A
 * candidate is affordable when its approvers can pay 1 together; among affordable candidates
 * the one with the smallest ρ — the per-unit-of-weight payment such that
 * Σ_{g ∋ c} min(budget_g, ρ·weight_g) = 1 — is elected (within a relative 1e-10, the earliest)
 * and its approvers pay. Stops when nothing is affordable or `cap` candidates are elected.
 * Returns the candidates in the order elected.
 */
export function equalSharesPhase(e: ApprovalElection, budget: number, cap: number): number[] {
  const supporters = transpose(e);
  const money = new Float64Array(e.groups);
  for (let g = 0; g < e.groups; g++) money[g] = (e.weight[g] * budget) / e.totalWeight;
  const chosen = new Uint8Array(e.m);
  const order: number[] = [];
  const eps = TIE_TOLERANCE;
  const scratch: number[] = [];
  while (order.length < cap) {
    let best = -1;
    let bestRho = Number.POSITIVE_INFINITY;
    for (let c = 0; c < e.m; c++) {
      if (chosen[c] === 1) continue;
      const rho = payment(supporters[c], money, e.weight, scratch);
      if (rho === undefined) continue;
      if (best < 0 || rho < bestRho - eps * bestRho) {
        best = c;
        bestRho = rho;
      }
    }
    if (best < 0) break;
    chosen[best] = 1;
    order.push(best);
    for (const g of supporters[best]) money[g] = Math.max(0, money[g] - Math.min(money[g], bestRho * e.weight[g]));
  }
  return order;
}

/** ρ for a candidate whose approver groups are `groups`, or undefined when they cannot pay 1. */
function payment(groups: readonly number[], money: Float64Array, weight: Float64Array, scratch: number[]): number | undefined {
  let total = 0;
  let remainingWeight = 0;
  for (const g of groups) {
    total += money[g];
    remainingWeight += weight[g];
  }
  if (groups.length === 0 || total < 1 - TIE_TOLERANCE) return undefined;
  scratch.length = 0;
  for (const g of groups) scratch.push(g);
  scratch.sort((a, b) => money[a] / weight[a] - money[b] / weight[b]);
  let remaining = 1;
  for (const g of scratch) {
    const perUnit = money[g] / weight[g];
    if (perUnit * remainingWeight >= remaining) return remaining / remainingWeight;
    remaining -= money[g];
    remainingWeight -= weight[g];
  }
  return remaining <= TIE_TOLERANCE ? 0 : undefined;
}

function transpose(e: ApprovalElection): number[][] {
  const supporters: number[][] = Array.from({ length: e.m }, () => []);
  for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) supporters[e.approvals[p]].push(g);
  return supporters;
}

/**
 * The method of equal shares with completion (see {@link EqualSharesCompletion}): returns the
 * committee's candidates in the order they were added, and how many came from the equal-shares
 * phase proper (`phase`, before utilitarian filling) and the final budget used.
 */
export function equalSharesCommittee(e: ApprovalElection, k: number, completion: EqualSharesCompletion = 'add1'): { order: number[]; phase: number; budget: number } {
  let order = equalSharesPhase(e, k, k);
  let budget = k;
  if (completion === 'add1' && order.length < k) {
    const approvalWeight = new Float64Array(e.m);
    for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) approvalWeight[e.approvals[p]] += e.weight[g];
    const supports = Array.from(approvalWeight).filter((x) => x > 0).sort((a, b) => b - a);
    const supported = supports.length;
    // Once the k-th most approved candidate's approvers hold ≥ k + 1 in total, the k most approved
    // stay affordable whatever ≤ k earlier purchases took (each costs 1): a phase elects ≥ k.
    const kth = supports[Math.min(k, supported) - 1] ?? e.totalWeight;
    const ceiling = (e.totalWeight * (k + 1)) / kth + 1;
    for (let b = k + 1; order.length < Math.min(k, supported) && b <= ceiling; b++) {
      const next = equalSharesPhase(e, b, k + 1);
      if (next.length > k) break;
      order = next;
      budget = b;
    }
  }
  const phase = order.length;
  if (order.length < k) {
    const approvalWeight = new Float64Array(e.m);
    for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) approvalWeight[e.approvals[p]] += e.weight[g];
    const inside = maskOf(e.m, order);
    const rest = Array.from({ length: e.m }, (_, c) => c)
      .filter((c) => inside[c] === 0)
      .sort((a, b) => approvalWeight[b] - approvalWeight[a] || a - b);
    order = order.concat(rest.slice(0, k - order.length));
  }
  return { order, phase, budget };
}

/**
 * The method of equal shares on a profile: `committee`, `selectionOrder`, `equalSharesSeats`
 * (seats filled by the equal-shares phase; the rest by approval weight) and `budget` (the total
 * budget of the last add1 round, k when no increase was needed).
 */
export function equalShares(profile: Profile, k: number, options: { top?: number; completion?: EqualSharesCompletion } = {}): RuleResult {
  const e = approvalElection(profile, options.top ?? k);
  const { order, phase, budget } = equalSharesCommittee(e, k, options.completion ?? 'add1');
  return committeeResult('equal-shares', profile.candidates, maskOf(e.m, order), {
    selectionOrder: order.map((c) => profile.candidates[c]),
    equalSharesSeats: phase,
    budget,
    completion: options.completion ?? 'add1',
  });
}

export const equalSharesRule: RuleSpec = {
  definition: 'method of equal shares (Peters & Skowron 2020): voters split a budget of k equally and buy seats at price 1, cheapest per voter first; add1 completion',
  kind: 'committee',
  run: (profile, options) => equalShares(profile, options.k!, { top: options.approvalTop }),
};
