import type { Rng } from '@persona/core';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { unitOrder, type UnitOrder } from './unit-order.js';
import { checkInclusionProbabilities } from './validate.js';

export interface SystematicOptions {
  /** Order of the list the systematic pass runs along (default `'given'`, as `UPsystematic`). */
  readonly order?: UnitOrder;
}

/**
 * Systematic sampling with unequal probabilities (Madow 1949, "On the theory of
 * systematic sampling, II", Ann. Math. Stat. 20, 333–354): the units are laid on
 * a line with lengths π_i, one uniform start u ∈ [0, 1) is drawn, and the units
 * covering u, u + 1, u + 2, … are selected. As R `sampling::UPsystematic(pik)`:
 * units with π_i = 1 are taken and units with π_i = 0 never are, outside the pass.
 *
 * The pass runs on integers: each π_i is held as a multiple of 2^-b, with
 * b = min(48, 52 − ⌈log2(Σπ + 2)⌉) (so b ≥ 32 for Σπ < 2^20), exact in doubles, so
 * the sample size is exactly Σπ when Σπ is an integer (within 1e-9 relative; the
 * rounding residue is spread one 2^-b at a time) and otherwise ⌊Σπ⌋ or ⌈Σπ⌉; each
 * unit's inclusion probability is π_i within a few 2^-b.
 *
 * @param pik inclusion probabilities in [0, 1].
 * @returns the selected unit indices, ascending.
 * @throws InputError when a π_i is outside [0, 1] or NaN.
 * @example systematicSample(new Float64Array([0.5, 0.5, 1]), Rng.fromSeed(1)) // Int32Array [0, 2]
 */
export function systematicSample(pik: ArrayLike<number>, rng: Rng, options: SystematicOptions = {}): Int32Array {
  checkInclusionProbabilities(pik);
  const size = pik.length;
  const perm = unitOrder(options.order ?? 'given', size, rng);
  const selected: number[] = [];
  const list = new Int32Array(size);
  let listed = 0;
  let total = 0;
  for (let j = 0; j < size; j++) {
    const k = perm[j]!;
    const p = pik[k]!;
    if (p >= 1) selected.push(k);
    else if (p > 0) { list[listed++] = k; total += p; }
  }
  if (listed > 0) {
    const bits = Math.min(48, 52 - Math.ceil(Math.log2(Math.ceil(total) + 2)));
    const scale = 2 ** bits;
    const q = new Float64Array(listed);
    let sum = 0;
    for (let j = 0; j < listed; j++) { q[j] = Math.floor(pik[list[j]!]! * scale); sum += q[j]!; }
    const size0 = Math.round(total);
    if (Math.abs(total - size0) <= 1e-9 * Math.max(1, total)) {
      // Σπ is an integer: spend the rounding residue (a few units of 2^-b) so that Σq = n·2^b exactly.
      // One unit of 2^-b per unit and pass, so no unit's probability moves by more than a few 2^-b.
      let residue = size0 * scale - sum;
      let moved = true;
      while (residue !== 0 && moved) {
        moved = false;
        for (let j = listed - 1; j >= 0 && residue !== 0; j--) {
          if (residue > 0 && q[j]! < scale) { q[j] = q[j]! + 1; residue--; moved = true; }
          else if (residue < 0 && q[j]! > 1) { q[j] = q[j]! - 1; residue++; moved = true; }
        }
      }
    }
    const start = Math.floor(rng.next() * scale);
    let upper = 0;
    let before = Math.ceil(-start / scale);
    for (let j = 0; j < listed; j++) {
      upper += q[j]!;
      const after = Math.ceil((upper - start) / scale);
      if (after > before) selected.push(list[j]!);
      before = after;
    }
  }
  return Int32Array.from(selected).sort();
}

/**
 * Systematic PPS sampling without replacement of `n` units with probability
 * proportional to the weights: π from {@link inclusionProbabilities} (take-alls
 * capped at 1, as `sampling::inclusionprobabilities`), then {@link systematicSample}.
 * With `order: 'random'` this is the randomised systematic design (Goodman & Kish 1950).
 *
 * @returns exactly `n` distinct unit indices, ascending.
 * @throws InputError on a non-positive or NaN weight, or `n` not an integer in 1..N.
 */
export function systematicPpsSample(
  weights: ArrayLike<number>,
  n: number,
  rng: Rng,
  options: SystematicOptions = {},
): Int32Array {
  return systematicSample(inclusionProbabilities(weights, n), rng, options);
}
