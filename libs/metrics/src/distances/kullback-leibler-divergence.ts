import { checkDistributions } from './check-distributions.js';

/**
 * Kullback–Leibler divergence KL(p ‖ q) = Σ p_i ln(p_i / q_i), in nats
 * (Cover & Thomas, *Elements of Information Theory*, 2nd ed., §2.3), with the
 * conventions 0 · ln(0/q) = 0 and p · ln(p/0) = +Infinity for p > 0: a sample
 * category the target says cannot occur makes the divergence infinite (reported
 * as such, never clipped).
 * @throws {InputError} when p and q are not distributions over the same categories.
 * @example kullbackLeiblerDivergence([0.5, 0.5], [0.25, 0.75]) // 0.5 ln 2 + 0.5 ln(2/3) ≈ 0.1438
 */
export function kullbackLeiblerDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  checkDistributions(p, q);
  return klKernel(p, q);
}

/** Σ p ln(p/q) with the conventions above, without validation. */
export function klKernel(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    s += p[i] * Math.log(p[i] / q[i]);
  }
  return Math.max(0, s);
}
