import type { Rng } from '@persona/core';
import { checkSampleSize, checkWeights } from './validate.js';

/** Walker's alias table: column `i` keeps `i` with `probability[i]`, else gives `alias[i]`. */
export interface AliasTable {
  readonly probability: Float64Array;
  readonly alias: Int32Array;
}

/**
 * Builds Walker's alias table for drawing unit `i` with probability w_i / Σw,
 * by Vose's numerically stable construction (Vose 1991, "A linear algorithm for
 * generating random numbers with a given distribution", IEEE TSE 17(9), 972–975):
 * O(N) to build, O(1) per draw.
 *
 * @throws InputError when a weight is not a finite number > 0, or there is none.
 * @example aliasTable(new Float64Array([1, 3])).probability // Float64Array [0.5, 1]
 */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  checkWeights(weights);
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0, nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / total;
    if (scaled[i]! < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[--nl]!;
    probability[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // What is left has scaled weight 1 up to rounding (Vose's stable ending).
  while (nl > 0) { const l = large[--nl]!; probability[l] = 1; alias[l] = l; }
  while (ns > 0) { const s = small[--ns]!; probability[s] = 1; alias[s] = s; }
  return { probability, alias };
}

/**
 * Draws `n` units with replacement, unit `i` with probability w_i / Σw at each
 * draw, by the alias method (Walker 1977; Vose 1991). One uniform per draw: its
 * integer part picks the column, its fraction decides between the column and its alias.
 *
 * @param weights positive weights, or a table from {@link aliasTable} to reuse.
 * @returns the drawn unit indices in draw order (repeats possible).
 * @throws InputError on a bad weight or when `n` is not a positive integer.
 * @example sampleWithReplacement(new Float64Array([1, 1, 2]), 4, Rng.fromSeed(1)) // Int32Array [1, 2, 1, 1]
 */
export function sampleWithReplacement(weights: ArrayLike<number> | AliasTable, n: number, rng: Rng): Int32Array {
  const table = 'alias' in weights ? weights : aliasTable(weights);
  const size = table.probability.length;
  checkSampleSize(n, size, false);
  const { probability, alias } = table;
  const out = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const u = rng.next() * size;
    const column = Math.floor(u);
    out[d] = u - column < probability[column]! ? column : alias[column]!;
  }
  return out;
}
