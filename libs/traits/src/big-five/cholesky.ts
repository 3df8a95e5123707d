import { message } from '../messages.js';

/**
 * The lower-triangular Cholesky factor L of a symmetric positive definite
 * n×n matrix A (row-major), A = L·Lᵀ, by the Cholesky–Banachiewicz
 * recurrence (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 4.2.2).
 * Only the lower triangle of A is read.
 *
 * @throws RangeError (message `notPositiveDefinite`) when a pivot is not
 *   positive, i.e. A is not positive definite.
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 5), 2); // [2, 0, 1, 2]
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError(message.notPositiveDefinite(i + 1, s));
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j]!;
      }
    }
  }
  return l;
}
