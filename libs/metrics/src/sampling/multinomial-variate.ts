import type { Rng } from '@persona/core';
import { binomialVariate } from './binomial-variate.js';

/**
 * One Multinomial(n, q) variate by sequential conditional binomials: x_1 ~
 * Bin(n, q_1), then x_i ~ Bin(n − Σ_{j<i} x_j, q_i / Σ_{j≥i} q_j), the last
 * category taking what is left (Devroye, *Non-Uniform Random Variate
 * Generation*, 1986, §XI.1.3; the method of numpy's `multinomial`). Costs k
 * binomial draws whatever n is. Categories with q = 0 get 0.
 * @param q probabilities (≥ 0, summing to 1; validated by callers).
 * @param out counts, written in place (length q.length).
 */
export function multinomialVariate(rng: Rng, n: number, q: ArrayLike<number>, out: Int32Array): Int32Array {
  const k = q.length;
  let left = n;
  let mass = 0;
  let lastPositive = -1;
  for (let i = 0; i < k; i++) {
    mass += q[i];
    if (q[i] > 0) lastPositive = i;
  }
  for (let i = 0; i < k; i++) {
    if (left === 0 || q[i] === 0) {
      out[i] = 0;
      continue;
    }
    const x = i === lastPositive ? left : binomialVariate(rng, left, Math.min(1, q[i] / mass));
    out[i] = x;
    left -= x;
    mass -= q[i];
  }
  return out;
}
