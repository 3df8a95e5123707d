import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import { breakTie } from './break-tie.js';
import type { RuleOptions, RuleSpec } from './rule.js';
import { names } from './score-ranking.js';
import { TIE_TOLERANCE } from './tolerance.js';

/** Largest number of candidates solved exactly by default (2 Float64Array(2^m): 16 MiB at 20). */
export const KEMENY_EXACT_LIMIT = 20;
/** Hard ceiling for `method: 'exact'` (2 × 2^24 doubles = 256 MiB). */
const KEMENY_EXACT_CEILING = 24;
/** Optimal rankings listed in full when there are at most this many. */
const LIST_LIMIT = 24;

export interface KemenyOptions {
  /** `auto` (default): exact up to {@link KEMENY_EXACT_LIMIT} candidates, local search beyond. */
  readonly method?: 'auto' | 'exact' | 'local-search';
}

/** A Kemeny–Young consensus ranking of candidate indices. */
export interface KemenyRanking {
  /** One optimal ranking (best first): the lexicographically first by candidate index among the optima found. */
  readonly order: Int32Array;
  /** Σ over ordered pairs (a above b in `order`) of `matrix[a][b]`: the Kemeny score. */
  readonly score: number;
  /** Whether `order` is proven optimal (dynamic programming) or only a local optimum. */
  readonly exact: boolean;
  /** Candidates ranked first in SOME optimal ranking (exact), else just `order[0]`. */
  readonly firsts: Int32Array;
  /** Number of optimal rankings (exact only; a float, exact up to 2^53). */
  readonly optimalCount: number;
  /** Every optimal ranking when there are at most 24 (exact only), else only `order`. */
  readonly optimalOrders: Int32Array[];
}

/**
 * Kemeny–Young consensus ranking (Kemeny 1959; Young & Levenglick 1978): the linear order
 * maximising the total weight of pairwise agreements, Σ_{a above b} matrix[a][b].
 *
 * `matrix` is m×m row-major. With the pairwise support matrix (N[a][b] = weight of ballots
 * strictly preferring a to b) the score is the classical Kemeny score (as in Wikipedia's
 * "Kemeny–Young method" tables); with the margin matrix (M = N − Nᵀ) the optimal rankings are
 * the same, because N[a][b] + N[b][a] does not depend on the order.
 *
 * Exact method: dynamic programming over subsets in the Held–Karp style (as in Betzler,
 * Fellows, Guo, Niedermeier & Rosamond 2009, "Fixed-parameter algorithms for Kemeny rankings"):
 * best(S) = max over x ∉ S of [Σ_{y ∉ S∪{x}} matrix[x][y] + best(S∪{x})], where S is the set
 * already placed at the top; O(2^m m²) time, two Float64Array(2^m). Ties are compared with a
 * relative tolerance of 1e-10, every optimal ranking is counted, and `firsts` holds every
 * candidate that is first in some optimal ranking (the rule's winners).
 *
 * Local-search method (not exact; flagged `exact: false`): start from the order by row sums of
 * matrix − matrixᵀ (Borda-like, ties by index), then repeatedly move a single candidate to the
 * position that most improves the score ("insertion" neighbourhood, Schalekamp & van Zuylen 2009)
 * until no move improves it: the result is a local optimum only.
 *
 * @throws InputError when `matrix` is not m×m finite, or `exact` is asked above 24 candidates.
 * @example kemenyYoung(new Float64Array([0, 2, 1, 0]), 2).order // Int32Array [0, 1]
 */
export function kemenyYoung(matrix: Float64Array, m: number, options: KemenyOptions = {}): KemenyRanking {
  if (matrix.length !== m * m) throw new InputError(message.matrixShape(matrix.length, m));
  for (let i = 0; i < m * m; i++) {
    if (!Number.isFinite(matrix[i])) throw new InputError(message.matrixNotFinite(Math.floor(i / m), i % m));
  }
  const method = options.method ?? 'auto';
  if (method === 'exact' && m > KEMENY_EXACT_CEILING) throw new InputError(message.kemenyTooManyForExact(m, KEMENY_EXACT_CEILING));
  if (method === 'local-search' || (method === 'auto' && m > KEMENY_EXACT_LIMIT)) return kemenyLocalSearch(matrix, m);
  return kemenyExact(matrix, m);
}

function tolerance(matrix: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < matrix.length; i++) scale += Math.abs(matrix[i]);
  return TIE_TOLERANCE * Math.max(scale, 1e-300);
}

function kemenyExact(matrix: Float64Array, m: number): KemenyRanking {
  const full = m === 0 ? 0 : 2 ** m - 1;
  const size = full + 1;
  const best = new Float64Array(size); // best(S): best score of ordering the complement of S below S
  const count = new Float64Array(size); // number of optimal orderings of the complement below S
  const tol = tolerance(matrix);
  best[full] = 0;
  count[full] = 1;
  const free = new Int32Array(m);
  const values = new Float64Array(m);
  for (let s = full - 1; s >= 0; s--) {
    // the candidates not yet placed
    let nf = 0;
    for (let x = 0; x < m; x++) if ((s & (1 << x)) === 0) free[nf++] = x;
    let top = -Infinity;
    for (let a = 0; a < nf; a++) {
      const x = free[a];
      const row = x * m;
      let gain = -matrix[row + x];
      for (let b = 0; b < nf; b++) gain += matrix[row + free[b]];
      const value = gain + best[s | (1 << x)];
      values[a] = value;
      if (value > top) top = value;
    }
    best[s] = top;
    let c = 0;
    for (let a = 0; a < nf; a++) if (values[a] >= top - tol) c += count[s | (1 << free[a])];
    count[s] = c;
  }
  // x placed right below the set s (above every other unplaced y) gains Σ_{y unplaced, y ≠ x} matrix[x][y].
  const gainOf = (s: number, x: number): number => {
    let gain = 0;
    for (let y = 0; y < m; y++) if (y !== x && (s & (1 << y)) === 0) gain += matrix[x * m + y];
    return gain;
  };
  const tight = (s: number, x: number): boolean => gainOf(s, x) + best[s | (1 << x)] >= best[s] - tol;
  const firsts: number[] = [];
  for (let x = 0; x < m; x++) if (tight(0, x)) firsts.push(x);
  const orders: Int32Array[] = [];
  const prefix = new Int32Array(m);
  const enumerate = (s: number, depth: number, limit: number): void => {
    if (orders.length >= limit) return;
    if (depth === m) {
      orders.push(prefix.slice());
      return;
    }
    for (let x = 0; x < m; x++) {
      if ((s & (1 << x)) !== 0 || !tight(s, x)) continue;
      prefix[depth] = x;
      enumerate(s | (1 << x), depth + 1, limit);
      if (orders.length >= limit) return;
    }
  };
  enumerate(0, 0, count[0] <= LIST_LIMIT ? LIST_LIMIT : 1);
  const order = orders[0];
  return {
    order,
    score: scoreOf(matrix, m, order),
    exact: true,
    firsts: Int32Array.from(firsts),
    optimalCount: count[0],
    optimalOrders: orders,
  };
}

/** Σ_{a above b} matrix[a][b] for a linear order. */
export function kemenyScore(matrix: Float64Array, m: number, order: ArrayLike<number>): number {
  return scoreOf(matrix, m, order);
}

function scoreOf(matrix: Float64Array, m: number, order: ArrayLike<number>): number {
  let score = 0;
  for (let p = 0; p < order.length; p++) {
    for (let q = p + 1; q < order.length; q++) score += matrix[order[p] * m + order[q]];
  }
  return score;
}

function kemenyLocalSearch(matrix: Float64Array, m: number): KemenyRanking {
  const net = new Float64Array(m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) net[i] += matrix[i * m + j] - matrix[j * m + i];
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => net[b] - net[a] || a - b);
  const tol = tolerance(matrix);
  let improved = true;
  while (improved) {
    improved = false;
    for (let p = 0; p < m; p++) {
      const x = order[p];
      // Gain of moving x from position p to position q: passing each candidate between.
      let bestGain = tol;
      let bestQ = p;
      let gain = 0;
      for (let q = p - 1; q >= 0; q--) {
        const z = order[q];
        gain += matrix[x * m + z] - matrix[z * m + x];
        if (gain > bestGain) { bestGain = gain; bestQ = q; }
      }
      gain = 0;
      for (let q = p + 1; q < m; q++) {
        const z = order[q];
        gain += matrix[z * m + x] - matrix[x * m + z];
        if (gain > bestGain) { bestGain = gain; bestQ = q; }
      }
      if (bestQ !== p) {
        order.splice(p, 1);
        order.splice(bestQ, 0, x);
        improved = true;
      }
    }
  }
  const result = Int32Array.from(order);
  return {
    order: result,
    score: scoreOf(matrix, m, result),
    exact: false,
    firsts: Int32Array.of(result[0]),
    optimalCount: Number.NaN,
    optimalOrders: [result],
  };
}

/**
 * The Kemeny–Young rule on a profile: {@link kemenyYoung} on the weighted pairwise support
 * matrix (majority-matrix.ts; weak orders: ties and unlisted pairs support neither side).
 *
 * Result: `winners` every candidate ranked first in SOME optimal ranking (so a tie for the
 * optimum is reported, not hidden), `kemenyScore` the optimal Σ_{a above b} N[a][b], `exact`
 * whether the optimum is proven (dynamic programming up to 20 candidates) or a local optimum
 * (beyond), `optimalRankingCount` and `unique` (exact only), and `optimalRankings` when at most 24.
 *
 * `ranking` never contradicts `winners`: when the optimum is unique it is that ranking; when
 * several rankings are optimal and a tiebreak (`lexicographic`/`random`, as in registry.ts)
 * picks one winner, `ranking` is an optimal ranking headed by that winner (the chosen winner,
 * then an optimal ranking of the rest); with `tiebreak: 'none'` and several optima it is
 * omitted (see `optimalRankings`). A local-search result (not exact) sets
 * `tieSearchComplete: false` with a `warning`, so the CLI exits 3.
 */
export function kemeny(profile: Profile, options: KemenyOptions & Partial<Pick<RuleOptions, 'tiebreak' | 'seed'>> = {}): RuleResult {
  const { m, support } = majorityMatrix(profile);
  const result = kemenyYoung(support, m, options);
  const candidates = profile.candidates;
  const winners = names(candidates, Array.from(result.firsts).sort((a, b) => a - b));
  const base = {
    rule: 'kemeny',
    kemenyScore: result.score,
    exact: result.exact,
  };
  if (!result.exact) {
    return {
      ...base,
      winners,
      ranking: Array.from(result.order, (c) => [candidates[c]]),
      tieSearchComplete: false,
      warning: message.kemenyNotExact(m, KEMENY_EXACT_LIMIT),
    };
  }
  const unique = result.optimalCount === 1;
  const listed = result.optimalOrders.length === result.optimalCount ? { optimalRankings: result.optimalOrders.map((o) => names(candidates, o)) } : {};
  const details = { unique, optimalRankingCount: result.optimalCount, ...listed };
  if (unique) return { ...base, winners, ranking: Array.from(result.order, (c) => [candidates[c]]), ...details };
  const tiebreak = options.tiebreak ?? 'none';
  if (tiebreak === 'none' || winners.length === 1) {
    // Several optimal rankings, so no single consensus ranking to report unless every optimum
    // shares its winner: then `ranking` is one optimum (headed by that winner).
    return { ...base, winners, ...(winners.length === 1 ? { ranking: Array.from(result.order, (c) => [candidates[c]]) } : {}), ...details };
  }
  const chosen = breakTie(winners, { tiebreak, seed: options.seed ?? 0 });
  return { ...base, winners: [chosen], tiedWinners: winners, ranking: rankingHeadedBy(support, m, candidates.indexOf(chosen), candidates), ...details };
}

/** An optimal ranking whose first place is `first` (a candidate first in some optimal ranking): `first`, then a Kemeny ranking of the others. */
function rankingHeadedBy(support: Float64Array, m: number, first: number, candidates: readonly string[]): string[][] {
  const rest = Array.from({ length: m }, (_, i) => i).filter((i) => i !== first);
  const sub = new Float64Array(rest.length * rest.length);
  rest.forEach((a, i) => rest.forEach((b, j) => (sub[i * rest.length + j] = support[a * m + b])));
  const order = kemenyYoung(sub, rest.length, { method: 'exact' }).order;
  return [[candidates[first]], ...Array.from(order, (i) => [candidates[rest[i]]])];
}

export const kemenyRule: RuleSpec = {
  definition:
    'Kemeny–Young: the ranking maximising total weighted pairwise agreement; winners are the candidates first in some optimal ranking; "ranking" is given when the optimum is unique (or headed by the tie-broken winner); exact up to 20 candidates, beyond that a local search flagged exact:false and tieSearchComplete:false (exit 3)',
  kind: 'single',
  run: (profile, options) => kemeny(profile, { tiebreak: options.tiebreak, seed: options.seed }),
};
