import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * Checks that `p` and `q` are two discrete distributions over the same
 * categories: same length ≥ 1, entries finite and ≥ 0, each summing to 1
 * within 1e-9 (relative to the length).
 * @throws {InputError} naming the argument and what was expected.
 */
export function checkDistributions(p: ArrayLike<number>, q: ArrayLike<number>): void {
  if (p.length !== q.length) throw new InputError(message.distributionLengths(p.length, q.length));
  if (p.length === 0) throw new InputError(message.distributionEmpty());
  checkOne(p, 'p');
  checkOne(q, 'q');
}

function checkOne(x: ArrayLike<number>, name: string): void {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= 0 && v <= 1)) throw new InputError(message.distributionEntry(name, i, v));
    s += v;
  }
  if (Math.abs(s - 1) > 1e-9 * Math.max(1, x.length)) throw new InputError(message.distributionSum(name, s));
}
