import { message } from '../messages.js';

/** An eigen-decomposition and whether the Jacobi sweeps reached the tolerance. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** Eigenvectors as the columns of an n×n row-major matrix. */
  readonly vectors: Float64Array;
  /** False when `maxSweeps` sweeps left off-diagonal mass above 1e-28 of the total (or the input held NaN). */
  readonly converged: boolean;
  readonly sweeps: number;
}

/**
 * Eigen-decomposition A = V·diag(λ)·Vᵀ of a symmetric n×n matrix (row-major)
 * by the cyclic Jacobi method (Golub & Van Loan, Matrix Computations, 4th ed.,
 * §8.5.3), swept until the off-diagonal mass (Σ_{i≠j} a_ij²) is at most 1e-28
 * of the total (Σ a_ij²), or at most `maxSweeps` sweeps; `converged` says
 * which (the method converges quadratically, so 100 sweeps are never reached
 * for a finite matrix of this library's sizes, n ≤ ~50). Eigenvectors are the
 * columns of `vectors`; eigenvalues are not sorted.
 */
export function symmetricEigen(a: Float64Array, n: number, { maxSweeps = 100 }: { maxSweeps?: number } = {}): SymmetricEigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += m[i]! * m[i]!;
  let converged = false;
  let sweeps = 0;
  for (;;) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += 2 * m[p * n + q]! * m[p * n + q]!;
    if (off <= 1e-28 * total) {
      converged = true;
      break;
    }
    if (sweeps === maxSweeps) break;
    sweeps++;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i]!;
  return { values, vectors: v, converged, sweeps };
}

/**
 * λ_min of a symmetric n×n matrix, by {@link symmetricEigen}.
 *
 * @throws RangeError (message `eigenNotConverged`) when the Jacobi sweeps did not converge.
 */
export function smallestEigenvalue(a: Float64Array, n: number): number {
  const eigen = symmetricEigen(a, n);
  if (!eigen.converged) throw new RangeError(message.eigenNotConverged(n, eigen.sweeps));
  return Math.min(...eigen.values);
}
