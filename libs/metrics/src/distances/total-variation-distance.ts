import { checkDistributions } from './check-distributions.js';

/**
 * Total variation distance between two discrete distributions:
 * TVD(p, q) = ½ Σ |p_i − q_i| = max over events A of |P(A) − Q(A)|, in [0, 1]
 * (Levin, Peres & Wilmer, *Markov Chains and Mixing Times*, 2nd ed., Prop. 4.2).
 * @throws {InputError} when p and q are not distributions over the same categories.
 * @example totalVariationDistance([0.5, 0.5], [0.4, 0.6]) // 0.1
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkDistributions(p, q);
  return tvdKernel(p, q);
}

/** ½ Σ |p − q| without validation (for the noise band's inner loop). */
export function tvdKernel(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
  return s / 2;
}
