import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { quantileSorted } from './quantile.js';

export interface WeightSummary {
  /** Number of weights (rows), zeros included. */
  readonly n: number;
  /** Number of nonzero weights m: the units deff and cv are computed over. */
  readonly nNonzero: number;
  readonly sum: number;
  /** Mean weight over all n rows, Σw / n. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Kish's effective sample size (Σw)²/Σw² (zeros add to neither sum); NaN when every weight is 0. */
  readonly kishEss: number;
  /** Kish's design effect due to weighting over the m nonzero weights, m / kishEss = m Σw² / (Σw)² = 1 + cv²; NaN when every weight is 0. */
  readonly deff: number;
  /** Population coefficient of variation of the m nonzero weights: sqrt(Σ(w − w̄)²/m) / w̄ with w̄ = Σw / m; NaN when every weight is 0. */
  readonly cv: number;
  /** R type-7 quantiles at 1, 5, 25, 50, 75, 95 and 99 %. */
  readonly quantiles: Readonly<Record<'p01' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95' | 'p99', number>>;
}

/**
 * Summary of a weight vector, as `persona rake` prints it (CONTRACTS.md
 * `summary`): n, sum, min, max, Kish's effective sample size and design effect
 * due to weighting (Kish 1965 §11.7, Kish 1992), the coefficient of variation
 * with the *population* standard deviation (divisor n — the convention under
 * which deff = 1 + cv² holds exactly), and R type-7 quantiles.
 * deff and cv are over the rows with nonzero weight (rows zeroed by a zero
 * target are not sampled units), as Kish's n and R's `survey` (`deff`, with
 * `nobs = sum(weights != 0)`) count them; `n` still counts every row. When
 * every weight is 0 (e.g. infeasible calibration bounds), kishEss, deff and cv
 * are NaN (printed as null by the CLI). kishEss, deff and cv are scale-free and
 * computed on w / max|w|, so huge weights (e.g. 1e300, whose squares overflow)
 * give the same values as the same weights divided by 1e300.
 * Negative weights (from unbounded linear calibration) are summarised as they are.
 * @throws {InputError} for an empty vector or a NaN/infinite weight (naming the row).
 */
export function weightSummary(weights: ArrayLike<number>): WeightSummary {
  const n = weights.length;
  if (n === 0) throw new InputError(message.emptyWeights());
  let nNonzero = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!Number.isFinite(w)) throw new InputError(message.weightNotFinite(i, w), { index: i });
    if (w !== 0) nNonzero++;
    sum += w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  // kishEss, deff and cv are scale-free: compute them on w / max|w|, so that squares of huge weights cannot overflow.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  let scaledSum = 0;
  let scaledSum2 = 0;
  for (let i = 0; i < n; i++) {
    const x = weights[i] / scale;
    scaledSum += x;
    scaledSum2 += x * x;
  }
  const meanNonzero = scaledSum / nNonzero;
  let ss = 0;
  for (let i = 0; i < n; i++) if (weights[i] !== 0) ss += (weights[i] / scale - meanNonzero) ** 2;
  const kishEss = (scaledSum * scaledSum) / scaledSum2;
  const sorted = Float64Array.from(weights).sort();
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    n,
    nNonzero,
    sum,
    mean: sum / n,
    min,
    max,
    kishEss,
    deff: nNonzero / kishEss,
    cv: Math.sqrt(ss / nNonzero) / meanNonzero,
    quantiles: { p01: q(0.01), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) },
  };
}
