import type { Profile, RuleResult } from './profile.js';
import { lotteryResult } from './lottery-result.js';
import { pluralityScores } from './plurality.js';
import type { RuleSpec } from './rule.js';

/**
 * Random dictatorship (Gibbard 1977, "Manipulation of schemes that mix voting with chance"):
 * draw a ballot with probability proportional to its weight and elect its top choice. The
 * lottery is each candidate's weighted share of first places, p_c = Σ_ballots w·[c top]/t / Σ w,
 * where a ballot with t candidates tied at the top splits its weight equally among them (the
 * drawn voter picks uniformly among her top choices); an approval-only ballot's top is its
 * approved set, and a ballot that approves nobody or ranks nobody is indifferent between all
 * candidates. Computed as plurality scores / total weight.
 * @example randomDictator(profile with a>b (weight 3), b>a (weight 1)).lottery // { a: 0.75, b: 0.25 }
 */
export function randomDictatorLottery(profile: Profile): Float64Array {
  const scores = pluralityScores(profile);
  let total = 0;
  for (const ballot of profile.ballots) total += ballot.weight;
  for (let c = 0; c < scores.length; c++) scores[c] /= total;
  return scores;
}

/** The random-dictator rule's result: `lottery`, its support as `winners`, ranking by probability. */
export function randomDictator(profile: Profile): RuleResult {
  return lotteryResult('random-dictator', profile.candidates, randomDictatorLottery(profile));
}

export const randomDictatorRule: RuleSpec = {
  definition: "a voter drawn with probability proportional to weight picks her top choice (ties at the top split equally); winners are the support (--tiebreak does not apply)",
  kind: 'probabilistic',
  run: (profile) => randomDictator(profile),
};
