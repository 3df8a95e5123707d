import type { Profile, RuleResult } from '../profile.js';
import type { RuleSpec } from '../rule.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';
import { committeeResult } from './committee-result.js';
import { thieleLocalSearch, thieleOptimal, thieleScore, thieleSequential } from './thiele.js';

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
 * solved by HiGHS (thiele.ts `thieleOptimal`), ties broken lexicographically by candidate order. Approximate (`exact: false`): sequential PAV followed by
 * the ls-PAV swap local search with threshold n/k² (Aziz et al. 2018), whose committee satisfies
 * EJR though its score may fall short of the optimum.
 * @example (await pav(profile, 2)).committee // the two candidates of the best PAV committee
 */
export async function pav(profile: Profile, k: number, options: CommitteeOptions = {}): Promise<RuleResult> {
  const e = approvalElection(profile, options.top ?? k);
  const member = await pavCommittee(e, k, options.method);
  const omega = pavWeights(k);
  return committeeResult('pav', profile.candidates, member.mask, { exact: member.exact, score: thieleScore(e, member.mask, omega) });
}

/** The PAV committee of an approval election and whether it is proven optimal. */
export async function pavCommittee(e: ApprovalElection, k: number, method: CommitteeOptions['method'] = 'auto'): Promise<{ mask: Uint8Array; exact: boolean }> {
  const omega = pavWeights(k);
  if (method === 'exact' || (method === 'auto' && e.m <= COMMITTEE_EXACT_LIMIT)) return { mask: await thieleOptimal(e, k, omega), exact: true };
  const start = thieleSequential(e, k, omega);
  return { mask: thieleLocalSearch(e, start, omega, e.totalWeight / (k * k)), exact: false };
}

export const pavRule: RuleSpec = {
  definition: 'proportional approval voting: the k-committee maximising Σ weight·(1 + 1/2 + … + 1/#approved members) (exact up to 30 candidates, ls-PAV beyond)',
  kind: 'committee',
  run: (profile, options) => pav(profile, options.k!, { top: options.approvalTop }),
};
