import type { Profile, RuleResult } from '../profile.js';
import type { RuleSpec } from '../rule.js';
import { approvalElection } from './approval-election.js';
import { committeeResult } from './committee-result.js';
import { COMMITTEE_EXACT_LIMIT, tieFields, type CommitteeOptions } from './pav.js';
import { thieleLocalSearch, thieleOptimal, thieleScore, thieleSequential } from './thiele.js';

/**
 * Approval Chamberlin–Courant (Chamberlin & Courant 1983; Lackner & Skowron 2023): the
 * size-k committee maximising the total weight of voters who approve at least one member
 * (the Thiele method with ω = (1, 0, 0, …)).
 *
 * Exact (`exact: true`): exhaustive search for small elections, else an integer linear program
 * solved by HiGHS (thiele.ts `thieleOptimal`), ties broken lexicographically, with `unique` and
 * `tiedCommittees` as in PAV (pav.ts `tieFields`).
 * Approximate (`exact: false`): greedy CC (Lu & Boutilier 2011; a (1 − 1/e)-approximation that
 * satisfies JR, Aziz et al. 2017) improved by swaps while any swap helps.
 */
export async function chamberlinCourant(profile: Profile, k: number, options: CommitteeOptions = {}): Promise<RuleResult> {
  const e = approvalElection(profile, options.top ?? k);
  const omega = Float64Array.of(1);
  const method = options.method ?? 'auto';
  const exact = method === 'exact' || (method === 'auto' && e.m <= COMMITTEE_EXACT_LIMIT);
  const optimum = exact ? await thieleOptimal(e, k, omega) : undefined;
  const mask = optimum ? optimum.mask : thieleLocalSearch(e, thieleSequential(e, k, omega), omega, 0);
  return committeeResult('cc', profile.candidates, mask, { exact, score: thieleScore(e, mask, omega), ...tieFields(profile.candidates, optimum) });
}

export const chamberlinCourantRule: RuleSpec = {
  definition: 'approval Chamberlin–Courant: the k-committee maximising the weight of voters with at least one approved member (exact up to 30 candidates, greedy + swaps beyond); exact: unique:false and tiedCommittees (up to 10) when several committees are optimal',
  kind: 'committee',
  run: (profile, options) => chamberlinCourant(profile, options.k!, { top: options.approvalTop }),
};
