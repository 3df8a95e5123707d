import { checkSampleSize, checkWeights } from './validate.js';

/**
 * First-order inclusion probabilities proportional to size, π_i = n w_i / Σw,
 * capped at 1: units whose π reaches 1 are taken with certainty and the others
 * are rescaled to share n − (number of certainties), repeated until no π exceeds 1.
 * Follows R `sampling::inclusionprobabilities(a, n)` (Tillé & Matei), step for step.
 *
 * @throws InputError on a bad weight, or `n` not an integer in 1..N.
 * @example inclusionProbabilities(new Float64Array([1, 1, 8]), 2) // Float64Array [0.5, 0.5, 1]
 */
export function inclusionProbabilities(weights: ArrayLike<number>, n: number): Float64Array {
  checkWeights(weights);
  const size = weights.length;
  checkSampleSize(n, size, true);
  let total = 0;
  for (let i = 0; i < size; i++) total += weights[i]!;
  const pik = new Float64Array(size);
  for (let i = 0; i < size; i++) pik[i] = (n * weights[i]!) / total;
  const certain = new Uint8Array(size);
  let taken = 0;
  for (let i = 0; i < size; i++) if (pik[i]! >= 1) { certain[i] = 1; taken++; }
  let previous = 0;
  while (taken !== previous) {
    let rest = 0;
    for (let i = 0; i < size; i++) if (!certain[i]) rest += pik[i]!;
    for (let i = 0; i < size; i++) pik[i] = certain[i] ? 1 : (n - taken) * (pik[i]! / rest);
    previous = taken;
    for (let i = 0; i < size; i++) if (!certain[i] && pik[i]! >= 1) { certain[i] = 1; taken++; }
  }
  return pik;
}
