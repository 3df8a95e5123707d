import { centre } from '../pairwise/newton.js';

/**
 * Re-expresses reference-coded item effects (items 0..n−2 free, item n−1 fixed at 0) under
 * the mean-zero identification θ̃ = (I − 11ᵀ/n) θ, with covariance (I − J/n) V (I − J/n),
 * the convention of the `persona bt` contract. `coefficients` holds the n−1 free effects at
 * `offset` in a longer vector whose covariance (p × p) is `covariance`.
 */
export function meanZeroEffects(
  coefficients: Float64Array,
  covariance: Float64Array,
  p: number,
  offset: number,
  n: number,
): { values: Float64Array; covariance: Float64Array; se: Float64Array } {
  const values = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) values[i] = coefficients[offset + i];
  centre(values, n);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n - 1; i++) {
    for (let j = 0; j < n - 1; j++) v[i * n + j] = covariance[(offset + i) * p + offset + j];
  }
  const rowMean = new Float64Array(n);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += v[i * n + j];
    rowMean[i] = s / n;
    grand += s;
  }
  grand /= n * n;
  const centered = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) centered[i * n + j] = v[i * n + j] - rowMean[i] - rowMean[j] + grand;
  }
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) se[i] = Math.sqrt(Math.max(0, centered[i * n + i]));
  return { values, covariance: centered, se };
}
