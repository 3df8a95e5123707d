import type { Profile, RuleResult } from '../profile.js';
import type { RuleSpec } from '../rule.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';
import { committeeResult } from './committee-result.js';
import { TIED_COMMITTEE_CAP, thieleLocalSearch, thieleOptimal, thieleScore, thieleSequential, type ThieleOptimum } from './thiele.js';

/**
 * Up to this many candidates `auto` solves PAV and Chamberlin–Courant exactly: by exhaustive
 * search when C(m, k) is small (thiele.ts `THIELE_EXHAUSTIVE_WORK`), else by an ILP (HiGHS).
 */
export const COMMITTEE_EXACT_LIMIT = 30;

export interface CommitteeOptions {
  /** `auto` (default): exact up to {@link COMMITTEE_EXACT_LIMIT} candidates, approximation beyond. */
  readonly method?: 'auto' | 'exact' | 'approximate';
  /** A ranking ballot approves its top `top` candidates (default k; see approval-election.ts). */
  readonly top?: number;
}

/** PAV weights ω(ℓ) = 1/ℓ, ℓ = 1..k. */
export function pavWeights(k: number): Float64Array {
  return Float64Array.from({ length: k }, (_, l) => 1 / (l + 1));
}

/**
 * Proportional Approval Voting (Thiele 1895; Lackner & Skowron 2023): the size-k
 * committee W maximising Σ_voters weight · (1 + 1/2 + … + 1/|A_i ∩ W|).
 *
 * Exact (`exact: true`): exhaustive search for small elections, else an integer linear program
 * solved by HiGHS (thiele.ts `thieleOptimal`), ties broken lexicographically by candidate order,
 * with `unique` and, when several committees are optimal, `tiedCommittees` (see {@link tieFields}). Approximate (`exact: false`): sequential PAV followed by
 * the ls-PAV swap local search with threshold n/k² (Aziz et al. 2018), whose committee satisfies
 * EJR though its score may fall short of the optimum.
 * @example (await pav(profile, 2)).committee // the two candidates of the best PAV committee
 */
export async function pav(profile: Profile, k: number, options: CommitteeOptions = {}): Promise<RuleResult> {
  const e = approvalElection(profile, options.top ?? k);
  const member = await pavCommittee(e, k, options.method);
  const omega = pavWeights(k);
  return committeeResult('pav', profile.candidates, member.mask, {
    exact: member.exact,
    score: thieleScore(e, member.mask, omega),
    ...tieFields(profile.candidates, member.optimum),
  });
}

/**
 * `unique` (exact methods only) and, when several committees are optimal, `tiedCommittees`:
 * up to {@link TIED_COMMITTEE_CAP} of them in lexicographic order (thiele.ts {@link ThieleOptimum}).
 */
export function tieFields(candidates: readonly string[], optimum: ThieleOptimum | undefined): Record<string, unknown> {
  if (!optimum) return {};
  if (optimum.unique) return { unique: true };
  return { unique: false, tiedCommittees: optimum.tied.map((mask) => candidates.filter((_, c) => mask[c] === 1)) };
}

/** The PAV committee of an approval election, whether it is proven optimal, and (exact) whether it is the only optimum. */
export async function pavCommittee(
  e: ApprovalElection,
  k: number,
  method: CommitteeOptions['method'] = 'auto',
): Promise<{ mask: Uint8Array; exact: boolean; optimum?: ThieleOptimum }> {
  const omega = pavWeights(k);
  if (method === 'exact' || (method === 'auto' && e.m <= COMMITTEE_EXACT_LIMIT)) {
    const optimum = await thieleOptimal(e, k, omega);
    return { mask: optimum.mask, exact: true, optimum };
  }
  const start = thieleSequential(e, k, omega);
  return { mask: thieleLocalSearch(e, start, omega, e.totalWeight / (k * k)), exact: false };
}

export const pavRule: RuleSpec = {
  definition: 'proportional approval voting: the k-committee maximising Σ weight·(1 + 1/2 + … + 1/#approved members) (exact up to 30 candidates, ls-PAV beyond); exact: unique:false and tiedCommittees (up to 10) when several committees are optimal, the earliest reported',
  kind: 'committee',
  run: (profile, options) => pav(profile, options.k!, { top: options.approvalTop }),
};
