import { InputError, type Rng } from '@persona/core';
import { message } from '../messages.js';
import { checkLength } from './validate.js';

/**
 * The order in which a list-sequential design (systematic sampling, the cube
 * method's flight) visits the units: as given, randomly permuted (seeded), or
 * sorted ascending by a key (implicit stratification; ties keep the given order).
 */
export type UnitOrder = 'given' | 'random' | { readonly sortBy: ArrayLike<number> };

/** The permutation of 0..size−1 that `order` describes. */
export function unitOrder(order: UnitOrder, size: number, rng: Rng): Int32Array {
  const perm = new Int32Array(size);
  for (let i = 0; i < size; i++) perm[i] = i;
  if (order === 'given') return perm;
  if (order === 'random') {
    for (let i = size - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = perm[i]!; perm[i] = perm[j]!; perm[j] = t;
    }
    return perm;
  }
  const key = order.sortBy;
  checkLength(key, size, 'sortBy');
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(key[i]!)) throw new InputError(message.sortKeyInvalid(key[i]!), { field: 'sortBy', index: i });
  }
  return perm.sort((a, b) => key[a]! - key[b]! || a - b);
}
