import type { Rng } from '@persona/core';
import { checkSampleSize } from './validate.js';

/**
 * Simple random sampling without replacement of `n` of `size` units, by Floyd's
 * algorithm (Bentley & Floyd 1987, "Programming pearls: a sample of brilliance",
 * CACM 30(9)): n uniform integers, every n-subset equally likely.
 *
 * @returns `n` distinct unit indices in 0..size−1, ascending.
 * @throws InputError when `n` is not a positive integer or exceeds `size`.
 * @example simpleRandomSample(10, 3, Rng.fromSeed(1)) // Int32Array [0, 7, 9]
 */
export function simpleRandomSample(size: number, n: number, rng: Rng): Int32Array {
  checkSampleSize(n, size, true);
  const taken = new Uint8Array(size);
  const out = new Int32Array(n);
  let k = 0;
  for (let j = size - n; j < size; j++) {
    const t = rng.int(j + 1);
    const pick = taken[t] ? j : t;
    taken[pick] = 1;
    out[k++] = pick;
  }
  return out.sort();
}
