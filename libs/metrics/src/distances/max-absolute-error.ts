import { checkDistributions } from './check-distributions.js';

/**
 * The largest absolute difference between shares, max_i |p_i − q_i| (the L∞
 * distance; the "max absolute error" of a margin, in share points / 100).
 * @throws {InputError} when p and q are not distributions over the same categories.
 * @example maxAbsoluteError([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]) // 0.1
 */
export function maxAbsoluteError(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkDistributions(p, q);
  let m = 0;
  for (let i = 0; i < p.length; i++) m = Math.max(m, Math.abs(p[i] - q[i]));
  return m;
}
