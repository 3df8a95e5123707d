import type { RuleResult } from './profile.js';
import { rankingByScore, scoresByName } from './score-ranking.js';

/** Probabilities closer than this are tied in a lottery's ranking (LP solutions are accurate to ~1e-9). */
export const PROBABILITY_TOLERANCE = 1e-9;

/**
 * A probabilistic rule's result (CONTRACTS.md `lottery`): `lottery` maps every candidate to its
 * probability, `winners` is the support (candidates with positive probability, in candidate
 * order), `ranking` the weak order by decreasing probability (within {@link PROBABILITY_TOLERANCE}
 * tied; candidates with probability 0 form the last group).
 */
export function lotteryResult(rule: string, candidates: readonly string[], p: Float64Array): RuleResult {
  const ranking = rankingByScore(candidates, p, PROBABILITY_TOLERANCE);
  const winners = candidates.filter((_, c) => p[c] > 0);
  return { rule, winners, ranking, lottery: scoresByName(candidates, p) };
}
