import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * Checks that every weight is a finite number > 0 (a design or raked weight);
 * throws an {@link InputError} naming the field and the 0-based unit index otherwise.
 */
export function checkWeights(weights: ArrayLike<number>, field = 'weight'): void {
  if (weights.length === 0) throw new InputError(message.emptyPopulation(), { field });
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w > 0) || w === Infinity) throw new InputError(message.samplingWeightInvalid(w), { field, index: i });
  }
}

/**
 * Checks that `n` is a positive integer and, for sampling without replacement,
 * at most the population size.
 */
export function checkSampleSize(n: number, populationSize: number, withoutReplacement: boolean): void {
  if (!Number.isInteger(n) || n <= 0) throw new InputError(message.sampleSizeInvalid(n), { field: 'n' });
  if (withoutReplacement && n > populationSize) {
    throw new InputError(message.sampleSizeExceedsPopulation(n, populationSize), { field: 'n' });
  }
}

/** Checks that a per-unit column has one value per unit. */
export function checkLength(values: ArrayLike<unknown>, expected: number, what: string): void {
  if (values.length !== expected) {
    throw new InputError(message.lengthMismatch(what, expected, values.length), { field: what });
  }
}

/** Checks inclusion probabilities: each in [0, 1]. */
export function checkInclusionProbabilities(pik: ArrayLike<number>): void {
  if (pik.length === 0) throw new InputError(message.emptyPopulation(), { field: 'pik' });
  for (let i = 0; i < pik.length; i++) {
    const p = pik[i]!;
    if (!(p >= 0 && p <= 1)) throw new InputError(message.inclusionProbabilityInvalid(p), { field: 'pik', index: i });
  }
}
