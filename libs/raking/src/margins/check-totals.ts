import { InputError, type InputLocation } from '@persona/core';
import { message } from '../messages.js';

/**
 * Every margin must describe the same population: the sums of the variables'
 * targets (and `total`, when given) must agree within relative `tol`, or
 * raking has no solution (Deming & Stephan 1940 assume consistent margins).
 * @throws {InputError} naming each block and its sum when they disagree.
 */
export function checkTotalsAgree(blocks: readonly { name: string; sum: number }[], tol: number, where: InputLocation): void {
  if (blocks.length < 2) return;
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of blocks) {
    lo = Math.min(lo, b.sum);
    hi = Math.max(hi, b.sum);
  }
  // Written so that a NaN ratio (an infinite or non-numeric sum) fails the check too.
  if (!((hi - lo) / lo <= tol)) throw new InputError(message.countTotalsDisagree(blocks, tol), where);
}
