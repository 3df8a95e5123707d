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
 * "Justified representation in approval-based committee voting"): for every ℓ ≥ 1 and
 * every group N′ of weight ≥ ℓ·n/k whose voters jointly approve ≥ ℓ candidates, some voter of
 * N′ approves ≥ ℓ members. Weighted voters: n is the total weight (weights act as multiplicities).
 *
 * Deciding EJR is coNP-complete (Aziz et al. 2017), so this check is EXACT but
 * exponential in the worst case: a violation for ℓ exists iff some set T of ℓ candidates is
 * approved by voters of weight ≥ ℓn/k among those with < ℓ members in W; T is searched
 * depth-first with the pruning described at `cohesiveGroup` (polynomial necessary conditions
 * first). `maxEll` = 1 gives the (polynomial) JR check.
 */
export function ejrViolation(e: ApprovalElection, member: Uint8Array, k: number, maxEll = k): RepresentationViolation | null {
  const inW = membersApproved(e, member);
  for (let ell = 1; ell <= maxEll; ell++) {
    const under: number[] = [];
    for (let g = 0; g < e.groups; g++) if (inW[g] < ell) under.push(g);
    const found = cohesiveGroup(e, under, ell, k);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The first PJR violation of committee `member` (size k), or `null` when it satisfies
 * Proportional Justified Representation (Sánchez-Fernández, Elkind, Lackner, Fernández, Fisteus,
 * Basanta Val & Skowron 2017, "Proportional justified representation"): for every ℓ ≥ 1
 * and every group N′ of weight ≥ ℓ·n/k whose voters jointly approve ≥ ℓ candidates, the members
 * approved by at least one voter of N′ number ≥ ℓ.
 *
 * Deciding PJR is coNP-complete too (Aziz, Elkind, Huang, Lackner, Sánchez-Fernández & Skowron
 * 2018), so this check is EXACT but exponential: a violation for ℓ exists iff for some set X of
 * ℓ − 1 members, the voters whose approved members all lie in X contain an ℓ-cohesive group
 * (found as in {@link ejrViolation}); it enumerates the C(k, ℓ − 1) sets X for each ℓ = 1..k.
 */
export function pjrViolation(e: ApprovalElection, member: Uint8Array, k: number): RepresentationViolation | null {
  const members: number[] = [];
  for (let c = 0; c < e.m; c++) if (member[c] === 1) members.push(c);
  const allowed = new Uint8Array(e.m);
  for (let ell = 1; ell <= k; ell++) {
    const chosen: number[] = [];
    const tryX = (from: number): RepresentationViolation | null => {
      if (chosen.length === ell - 1) {
        allowed.fill(0);
        for (const c of chosen) allowed[c] = 1;
        const voters: number[] = [];
        for (let g = 0; g < e.groups; g++) {
          let inside = true;
          for (let p = e.start[g]; p < e.start[g + 1] && inside; p++) {
            const c = e.approvals[p];
            if (member[c] === 1 && allowed[c] === 0) inside = false;
          }
          if (inside) voters.push(g);
        }
        return cohesiveGroup(e, voters, ell, k);
      }
      for (let i = from; i <= members.length - (ell - 1 - chosen.length); i++) {
        chosen.push(members[i]);
        const found = tryX(i + 1);
        chosen.pop();
        if (found !== null) return found;
      }
      return null;
    };
    const found = tryX(0);
    if (found !== null) return found;
  }
  return null;
}

/** Per voter group, how many committee members it approves. */
function membersApproved(e: ApprovalElection, member: Uint8Array): Int32Array {
  const inW = new Int32Array(e.groups);
  for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) inW[g] += member[e.approvals[p]];
  return inW;
}

/**
 * An ℓ-cohesive group among `voters` — ℓ candidates T jointly approved by voters of weight
 * ≥ ℓn/k — or null. Prunes with polynomial-time necessary conditions: none when `voters` weigh
 * < ℓn/k; only candidates whose approvers among `voters` weigh ≥ ℓn/k can be in T; depth-first
 * over T in candidate order, abandoning a branch as soon as the common approvers weigh < ℓn/k
 * (weights only shrink as T grows). Weights are compared with a relative 1e-10 tolerance in
 * favour of the group (a group at exactly ℓn/k counts).
 */
function cohesiveGroup(e: ApprovalElection, voters: readonly number[], ell: number, k: number): RepresentationViolation | null {
  const quota = (ell * e.totalWeight) / k - TIE_TOLERANCE * e.totalWeight;
  let weight = 0;
  for (const g of voters) weight += e.weight[g];
  if (weight < quota) return null;
  const approvedWeight = new Float64Array(e.m);
  for (const g of voters) for (let p = e.start[g]; p < e.start[g + 1]; p++) approvedWeight[e.approvals[p]] += e.weight[g];
  const pool: number[] = [];
  for (let c = 0; c < e.m; c++) if (approvedWeight[c] >= quota) pool.push(c);
  if (pool.length < ell) return null;
  const approves = (g: number, c: number): boolean => {
    for (let p = e.start[g]; p < e.start[g + 1]; p++) if (e.approvals[p] === c) return true;
    return false;
  };
  const chosen: number[] = [];
  const search = (from: number, group: readonly number[], groupWeight: number): RepresentationViolation | null => {
    if (chosen.length === ell) return { ell, candidates: chosen.map((c) => e.candidates[c]), weight: groupWeight };
    for (let i = from; i <= pool.length - (ell - chosen.length); i++) {
      const c = pool[i];
      const next = group.filter((g) => approves(g, c));
      let nextWeight = 0;
      for (const g of next) nextWeight += e.weight[g];
      if (nextWeight < quota) continue;
      chosen.push(c);
      const found = search(i + 1, next, nextWeight);
      chosen.pop();
      if (found !== null) return found;
    }
    return null;
  };
  return search(0, voters, weight);
}

/**
 * Justified Representation (Aziz et al. 2017): no group of weight ≥ n/k that jointly
 * approves a candidate has no approved member. Polynomial and exact: it suffices to check, for
 * each candidate c, the weight of voters approving c and no member of W (as Aziz et al. 2017 observe, JR can be checked in polynomial time).
 * Ranking ballots approve their top `top` candidates (default k), as in the committee rules.
 * @throws InputError when the committee names unknown or repeated candidates or is not of size k.
 */
export function satisfiesJR(profile: Profile, committee: readonly string[], k: number, top = k): boolean {
  const member = committeeMask(profile, committee, k);
  return ejrViolation(approvalElection(profile, top), member, k, 1) === null;
}

/**
 * Extended Justified Representation (Aziz et al. 2017) — exact, see {@link ejrViolation}
 * for the algorithm and its (exponential worst-case) cost.
 * @throws InputError when the committee names unknown or repeated candidates or is not of size k.
 */
export function satisfiesEJR(profile: Profile, committee: readonly string[], k: number, top = k): boolean {
  const member = committeeMask(profile, committee, k);
  return ejrViolation(approvalElection(profile, top), member, k) === null;
}

/**
 * Proportional Justified Representation (Sánchez-Fernández et al. 2017) — exact, see
 * {@link pjrViolation} for the algorithm and its (exponential worst-case) cost.
 * @throws InputError when the committee names unknown or repeated candidates or is not of size k.
 */
export function satisfiesPJR(profile: Profile, committee: readonly string[], k: number, top = k): boolean {
  const member = committeeMask(profile, committee, k);
  return pjrViolation(approvalElection(profile, top), member, k) === null;
}
