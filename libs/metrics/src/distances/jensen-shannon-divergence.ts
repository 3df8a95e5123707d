import { checkDistributions } from './check-distributions.js';

/**
 * Jensen–Shannon divergence with base-2 logarithms, so that it lies in [0, 1]
 * (Lin 1991, "Divergence measures based on the Shannon entropy", IEEE Trans.
 * Inf. Theory 37:145–151): JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q)/2.
 * Finite even when the supports differ (1 for disjoint supports). Its square
 * root is a metric (scipy's `jensenshannon(p, q, base=2)` returns that root).
 * @throws {InputError} when p and q are not distributions over the same categories.
 * @example jensenShannonDivergence([1, 0], [0, 1]) // 1
 */
export function jensenShannonDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkDistributions(p, q);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i] + q[i]) / 2;
    if (p[i] > 0) s += p[i] * Math.log2(p[i] / m);
    if (q[i] > 0) s += q[i] * Math.log2(q[i] / m);
  }
  return Math.min(1, Math.max(0, s / 2));
}
