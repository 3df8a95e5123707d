import { InputError } from '@persona/core';
import { message } from '../../messages.js';
import type { Profile } from '../profile.js';
import { TIE_TOLERANCE } from '../tolerance.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';

/** A group witnessing that a committee fails EJR (or JR when ℓ = 1). */
export interface RepresentationViolation {
  /** ℓ: the group is ℓ-cohesive, yet each of its voters approves fewer than ℓ members. */
  readonly ell: number;
  /** ℓ candidates every voter of the group approves. */
  readonly candidates: string[];
  /** Weight of the group: at least ℓ·n/k. */
  readonly weight: number;
}

function committeeMask(profile: Profile, committee: readonly string[], k: number): Uint8Array {
  const index = new Map(profile.candidates.map((c, i) => [c, i] as const));
  const mask = new Uint8Array(profile.candidates.length);
  for (const name of committee) {
    const c = index.get(name);
    if (c === undefined) throw new InputError(message.unknownCommitteeMember(name), { field: 'committee' });
    if (mask[c] === 1) throw new InputError(message.duplicateCommitteeMember(name), { field: 'committee' });
    mask[c] = 1;
  }
  if (committee.length !== k) throw new InputError(message.committeeSize(committee.length, k), { field: 'committee' });
  return mask;
}

/**
 * The first EJR violation of committee `member` (size k), or `null` when it satisfies
 * Extended Justified Representation (Aziz, Brill, Conitzer, Elkind, Freeman & Walsh 2017,
 * "Justified representation in approval-based committee voting", Def. 3): for every ℓ ≥ 1 and
 * every group N′ of weight ≥ ℓ·n/k whose voters jointly approve ≥ ℓ candidates, some voter of
 * N′ approves ≥ ℓ members. Weighted voters: n is the total weight (weights act as multiplicities).
 *
 * Deciding EJR is coNP-complete (Aziz et al. 2017, Thm. 6), so this check is EXACT but
 * exponential in the worst case. It uses that a violation for ℓ exists iff some set T of ℓ
 * candidates is approved by voters of weight ≥ ℓn/k among those with < ℓ members in W, and
 * prunes with polynomial-time necessary conditions: skip ℓ when those voters weigh < ℓn/k;
 * keep only candidates whose approvers among them weigh ≥ ℓn/k; depth-first over T in
 * candidate order, abandoning a branch as soon as the common approvers weigh < ℓn/k (weights
 * only shrink as T grows). Weights are compared with a relative 1e-10 tolerance in favour of
 * the group (a group at exactly ℓn/k counts).
 */
export function ejrViolation(e: ApprovalElection, member: Uint8Array, k: number, maxEll = k): RepresentationViolation | null {
  const n = e.totalWeight;
  const tol = TIE_TOLERANCE * n;
  const inW = new Int32Array(e.groups);
  for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) inW[g] += member[e.approvals[p]];
  for (let ell = 1; ell <= maxEll; ell++) {
    const quota = (ell * n) / k - tol;
    const under: number[] = [];
    let underWeight = 0;
    for (let g = 0; g < e.groups; g++) {
      if (inW[g] < ell && e.start[g + 1] - e.start[g] >= ell) {
        under.push(g);
        underWeight += e.weight[g];
      }
    }
    if (underWeight < quota) continue;
    const approvesCount = new Float64Array(e.m);
    for (const g of under) for (let p = e.start[g]; p < e.start[g + 1]; p++) approvesCount[e.approvals[p]] += e.weight[g];
    const pool: number[] = [];
    for (let c = 0; c < e.m; c++) if (approvesCount[c] >= quota) pool.push(c);
    if (pool.length < ell) continue;
    const approves = (g: number, c: number): boolean => {
      for (let p = e.start[g]; p < e.start[g + 1]; p++) if (e.approvals[p] === c) return true;
      return false;
    };
    const chosen: number[] = [];
    const search = (from: number, voters: number[]): number[] | null => {
      if (chosen.length === ell) return chosen.slice();
      for (let i = from; i <= pool.length - (ell - chosen.length); i++) {
        const c = pool[i];
        const next = voters.filter((g) => approves(g, c));
        let weight = 0;
        for (const g of next) weight += e.weight[g];
        if (weight < quota) continue;
        chosen.push(c);
        const found = search(i + 1, next);
        if (found !== null) return found;
        chosen.pop();
      }
      return null;
    };
    const found = search(0, under);
    if (found !== null) {
      let weight = 0;
      for (const g of under) if (found.every((c) => approves(g, c))) weight += e.weight[g];
      return { ell, candidates: found.map((c) => e.candidates[c]), weight };
    }
  }
  return null;
}

/**
 * Justified Representation (Aziz et al. 2017, Def. 1): no group of weight ≥ n/k that jointly
 * approves a candidate has no approved member. Polynomial and exact: it suffices to check, for
 * each candidate c, the weight of voters approving c and no member of W (their Thm. 1 argument).
 * Ranking ballots approve their top `top` candidates (default k), as in the committee rules.
 * @throws InputError when the committee names unknown or repeated candidates or is not of size k.
 */
export function satisfiesJR(profile: Profile, committee: readonly string[], k: number, top = k): boolean {
  const member = committeeMask(profile, committee, k);
  return ejrViolation(approvalElection(profile, top), member, k, 1) === null;
}

/**
 * Extended Justified Representation (Aziz et al. 2017, Def. 3) — exact, see {@link ejrViolation}
 * for the algorithm and its (exponential worst-case) cost.
 * @throws InputError when the committee names unknown or repeated candidates or is not of size k.
 */
export function satisfiesEJR(profile: Profile, committee: readonly string[], k: number, top = k): boolean {
  const member = committeeMask(profile, committee, k);
  return ejrViolation(approvalElection(profile, top), member, k) === null;
}
