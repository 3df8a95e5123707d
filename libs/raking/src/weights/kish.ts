/**
 * Kish's effective sample size (Kish 1965, Survey Sampling, §11.7; Kish 1992,
 * "Weighting for unequal P_i", J. Official Statistics 8:183–200):
 * n_eff = (Σ w)² / Σ w². Equals n for equal weights. Zero weights count in
 * neither sum.
 * @example kishEffectiveSampleSize([1, 1, 2, 2]) // 36 / 10 = 3.6
 */
export function kishEffectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    s2 += weights[i] * weights[i];
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
