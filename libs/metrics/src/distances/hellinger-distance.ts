import { checkDistributions } from './check-distributions.js';

/**
 * Hellinger distance, in the convention with range [0, 1]:
 * H(p, q) = sqrt(1 − Σ sqrt(p_i q_i)) = (1/√2) ‖√p − √q‖₂
 * (Le Cam & Yang, *Asymptotics in Statistics*, 2nd ed., §3.2; the same as
 * Wikipedia's "Hellinger distance" for discrete distributions). 0 for equal
 * distributions, 1 for disjoint supports. Computed as (1/√2) ‖√p − √q‖₂, which
 * keeps precision for nearby distributions (1 − Σ√(pq) cancels).
 * @throws {InputError} when p and q are not distributions over the same categories.
 * @example hellingerDistance([1, 0], [0, 1]) // 1
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkDistributions(p, q);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    s += d * d;
  }
  return Math.min(1, Math.sqrt(s / 2));
}
