/**
 * Kish's effective sample size (Kish 1965, Survey Sampling, §11.7; Kish 1992,
 * "Weighting for unequal P_i", J. Official Statistics 8:183–200):
 * n_eff = (Σ w)² / Σ w². Equals n for equal weights. Zero weights count in
 * neither sum. The ratio is scale-free, so it is computed on w / max|w|: weights
 * near the largest double (e.g. 1e300, whose squares overflow) give the same
 * n_eff as weights near 1. NaN when every weight is 0.
 * @example kishEffectiveSampleSize([1, 1, 2, 2]) // 36 / 10 = 3.6
 */
export function kishEffectiveSampleSize(weights: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < weights.length; i++) scale = Math.max(scale, Math.abs(weights[i]));
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    const x = weights[i] / scale;
    s += x;
    s2 += x * x;
  }
  return (s * s) / s2;
}

/**
 * Kish's design effect due to unequal weighting: m / n_eff = m Σ w² / (Σ w)²
 * = 1 + CV², with m the number of *nonzero* weights (units in the sample, as
 * Kish's n and R's `survey` `nobs = sum(weights != 0)`) and CV the
 * *population* coefficient of variation of those m weights (standard
 * deviation with divisor m, over their mean) (Kish 1992, eq. 4).
 * @example kishDesignEffect([1, 1, 2, 2]) // 4 / 3.6 = 1.111…
 * @example kishDesignEffect([1, 1, 2, 2, 0]) // also 4 / 3.6: the zero weight is not a unit
 */
export function kishDesignEffect(weights: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) m++;
  return m / kishEffectiveSampleSize(weights);
}
