import type { Rng } from '@persona/core';
import { systematicSample } from './systematic-sample.js';

/**
 * Allocation of a sample of `n` to strata proportional to their weighted totals,
 * n_h ∝ W_h, with n_h ≤ N_h (a stratum whose share exceeds its size is taken whole
 * and the rest re-allocated, repeatedly), then controlled rounding: each n_h is
 * ⌊a_h⌋ or ⌈a_h⌉, the fractional parts are rounded up by systematic sampling on
 * them, so E[n_h] = a_h exactly and Σ n_h = n (Cox 1987, "A constructive procedure
 * for unbiased controlled rounding", JASA 82, 520–524, in its one-way case).
 *
 * @param totals weighted stratum totals W_h > 0.
 * @param sizes stratum sizes N_h (units available).
 * @returns n_h per stratum, in the order of `totals`.
 */
export function proportionalAllocation(totals: ArrayLike<number>, sizes: ArrayLike<number>, n: number, rng: Rng): Int32Array {
  const strata = totals.length;
  const exact = new Float64Array(strata);
  const full = new Uint8Array(strata);
  let fixed = 0;
  let fullCount = -1;
  let nowFull = 0;
  while (nowFull !== fullCount) {
    fullCount = nowFull;
    let rest = 0;
    for (let h = 0; h < strata; h++) if (!full[h]) rest += totals[h]!;
    for (let h = 0; h < strata; h++) exact[h] = full[h] ? sizes[h]! : ((n - fixed) * totals[h]!) / rest;
    for (let h = 0; h < strata; h++) {
      if (!full[h] && exact[h]! >= sizes[h]!) { full[h] = 1; fixed += sizes[h]!; exact[h] = sizes[h]!; nowFull++; }
    }
  }
  const floor = new Int32Array(strata);
  const fraction = new Float64Array(strata);
  for (let h = 0; h < strata; h++) {
    floor[h] = Math.floor(exact[h]!);
    fraction[h] = exact[h]! - floor[h]!;
  }
  for (const h of systematicSample(fraction, rng)) floor[h] = floor[h]! + 1;
  return floor;
}
