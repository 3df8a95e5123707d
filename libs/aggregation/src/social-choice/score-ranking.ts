import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { profileTieThreshold } from './tolerance.js';

/**
 * The weak order of candidates by decreasing score: a candidate whose score is within
 * `threshold` of the best score of the current group joins it. Within a group candidates are
 * listed in candidate order (so scores equal up to rounding do not reorder them).
 */
export function rankingByScore(candidates: readonly string[], scores: Float64Array, threshold: number): string[][] {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  const groups: number[][] = [];
  let top = Number.POSITIVE_INFINITY;
  for (const c of order) {
    if (groups.length === 0 || scores[c] < top - threshold) {
      groups.push([]);
      top = scores[c];
    }
    groups[groups.length - 1].push(c);
  }
  return groups.map((group) => names(candidates, group.sort((a, b) => a - b)));
}

/**
 * Turns per-candidate scores into a rule result: `ranking` is {@link rankingByScore},
 * `winners` its first group, `scores` the scores by name.
 */
export function resultFromScores(rule: string, candidates: readonly string[], scores: Float64Array, threshold: number): RuleResult {
  const ranking = rankingByScore(candidates, scores, threshold);
  return { rule, winners: [...ranking[0]], ranking, scores: scoresByName(candidates, scores) };
}

/**
 * A rule that ranks candidates by a score (plurality, Borda, Copeland, …): `result` runs it on a
 * profile ({@link resultFromScores} named `rule`), `spec` is its registry entry. Scores summed
 * from ballot weights (`ties: 'weights'`) are tied within the profile's tie threshold
 * (tolerance.ts); scores built from the already-thresholded margin matrix (`'exact'`) only when equal.
 */
export function scoringRule(
  rule: string,
  scores: (profile: Profile) => Float64Array,
  ties: 'weights' | 'exact',
  definition: string,
): { result: (profile: Profile) => RuleResult; spec: RuleSpec } {
  const result = (profile: Profile) => resultFromScores(rule, profile.candidates, scores(profile), ties === 'weights' ? profileTieThreshold(profile) : 0);
  return { result, spec: { definition, kind: 'single', run: (profile) => result(profile) } };
}

/** `{ name: score }` in candidate order. */
export function scoresByName(candidates: readonly string[], scores: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  candidates.forEach((name, c) => {
    out[name] = scores[c];
  });
  return out;
}

/** Candidate ids → names. */
export function names(candidates: readonly string[], ids: Iterable<number>): string[] {
  return Array.from(ids, (c) => candidates[c]);
}

/**
 * A weak order from a strict partial order given as "how many candidates each one is above"
 * (`above[c]`): if a is above b then a is above everything b is above, and b, so sorting by
 * `above` decreasing extends the partial order. Used by Schulze and ranked pairs.
 */
export function rankingFromDominance(candidates: readonly string[], above: Int32Array): string[][] {
  const order = Array.from(above.keys()).sort((a, b) => above[b] - above[a] || a - b);
  const ranking: string[][] = [];
  let last = -1;
  for (const c of order) {
    if (above[c] !== last) {
      ranking.push([]);
      last = above[c];
    }
    ranking[ranking.length - 1].push(candidates[c]);
  }
  return ranking;
}
