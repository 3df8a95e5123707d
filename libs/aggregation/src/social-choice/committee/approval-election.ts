import { InputError } from '@persona/core';
import { message } from '../../messages.js';
import type { Profile } from '../profile.js';

/**
 * An approval-based committee election with identical ballots collapsed: voter group g
 * approves the candidates `approvals[start[g] .. start[g+1])` and has total weight `weight[g]`.
 */
export interface ApprovalElection {
  readonly candidates: readonly string[];
  /** Number of candidates. */
  readonly m: number;
  /** Number of distinct approval sets (voter groups). */
  readonly groups: number;
  readonly weight: Float64Array;
  readonly start: Int32Array;
  readonly approvals: Int32Array;
  /** Σ weight over all ballots (including those that approve nobody). */
  readonly totalWeight: number;
}

/**
 * The approval election of a profile (Lackner & Skowron 2023, *Multi-Winner Voting with
 * Approval Preferences*). An `approved` ballot is taken as is. A ranking ballot approves
 * its top `top` candidates: every candidate with fewer than `top` candidates strictly above it,
 * so a tie straddling position `top` is approved whole (a weak order has no other neutral cut).
 * Ballots with the same approval set are merged (weights add), which every rule here allows
 * because their scores and steps depend on voters only through their approval sets.
 * @throws InputError when `top` is not an integer ≥ 1.
 */
export function approvalElection(profile: Profile, top: number): ApprovalElection {
  if (!Number.isInteger(top) || top < 1) throw new InputError(message.badTop(top), { field: 'top' });
  const m = profile.candidates.length;
  const index = new Map<string, number>();
  const lists: number[][] = [];
  const weights: number[] = [];
  let totalWeight = 0;
  const set: number[] = [];
  const sorted = new Int32Array(m);
  for (const ballot of profile.ballots) {
    totalWeight += ballot.weight;
    set.length = 0;
    if (ballot.approved !== undefined) {
      for (let c = 0; c < m; c++) if (ballot.approved[c] === 1) set.push(c);
    } else {
      // Candidates strictly above c = how many sorted levels are < levels[c]; approve while < top.
      const levels = ballot.levels!;
      sorted.set(levels);
      sorted.sort();
      const cut = top < m ? sorted[top - 1] : Number.POSITIVE_INFINITY; // the level at position `top`
      for (let c = 0; c < m; c++) if (levels[c] <= cut) set.push(c);
    }
    const key = set.join(',');
    const g = index.get(key);
    if (g === undefined) {
      index.set(key, lists.length);
      lists.push(set.slice());
      weights.push(ballot.weight);
    } else {
      weights[g] += ballot.weight;
    }
  }
  const start = new Int32Array(lists.length + 1);
  for (let g = 0; g < lists.length; g++) start[g + 1] = start[g] + lists[g].length;
  const approvals = new Int32Array(start[lists.length]);
  for (let g = 0; g < lists.length; g++) approvals.set(lists[g], start[g]);
  return { candidates: profile.candidates, m, groups: lists.length, weight: Float64Array.from(weights), start, approvals, totalWeight };
}
