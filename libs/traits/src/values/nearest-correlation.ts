import { symmetricEigen } from './symmetric-eigen.js';

export interface NearestCorrelationResult {
  /** The nearest correlation matrix found, n×n row-major. */
  readonly matrix: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest |X − A| over the entries. */
  readonly maxAbsChange: number;
}

/**
 * The nearest correlation matrix to a symmetric matrix A in the Frobenius
 * norm (Higham 2002, "Computing the nearest correlation matrix — a problem
 * from finance", IMA J. Numer. Anal. 22:329–343, Algorithm 3.3: alternating
 * projections onto the positive semidefinite cone and the unit-diagonal set,
 * with Dykstra's correction on the first). With `minEigenvalue` δ > 0 the
 * cone is {X : λ_min(X) ≥ δ} (as R's `Matrix::nearPD` floors eigenvalues) so
 * the result can be Cholesky-factored; the unit diagonal is restored last,
 * which keeps λ_min ≥ δ·(1 − tiny). Entries flagged in `fixed` (n×n mask)
 * are kept at A's values: the second projection is then onto the affine set
 * {unit diagonal, fixed entries}, still a closed convex set, so Dykstra's
 * method converges to the nearest matrix in the intersection when it is not
 * empty (Higham 2002 §3, "other constraints"). Stops when successive iterates differ by
 * less than `tol` (relative, ∞-norm) or after `maxIterations` (reported).
 *
 * @example
 * // Higham (2002) §4 example: A = [[1,1,0],[1,1,1],[0,1,1]] →
 * // off-diagonals 0.7607, 0.1573, 0.7607
 */
export function nearestCorrelationMatrix(
  a: Float64Array,
  n: number,
  {
    minEigenvalue = 0,
    tol = 1e-10,
    maxIterations = 10_000,
    fixed,
  }: { minEigenvalue?: number; tol?: number; maxIterations?: number; fixed?: Uint8Array } = {},
): NearestCorrelationResult {
  let y = Float64Array.from(a);
  const ds = new Float64Array(n * n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const r = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) r[i] = y[i]! - ds[i]!;
    const x = projectPsd(r, n, minEigenvalue);
    for (let i = 0; i < n * n; i++) ds[i] = x[i]! - r[i]!;
    const next = Float64Array.from(x);
    for (let i = 0; i < n; i++) next[i * n + i] = 1;
    if (fixed) for (let i = 0; i < n * n; i++) if (fixed[i]) next[i] = a[i]!;
    let diff = 0;
    let norm = 0;
    for (let i = 0; i < n * n; i++) {
      diff = Math.max(diff, Math.abs(next[i]! - y[i]!));
      norm = Math.max(norm, Math.abs(next[i]!));
    }
    y = next;
    if (diff <= tol * norm) {
      converged = true;
      break;
    }
  }
  let maxAbsChange = 0;
  for (let i = 0; i < n * n; i++) maxAbsChange = Math.max(maxAbsChange, Math.abs(y[i]! - a[i]!));
  return { matrix: y, iterations, converged, maxAbsChange };
}

/** V·diag(max(λ, δ))·Vᵀ, symmetrised. */
function projectPsd(a: Float64Array, n: number, floor: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(values[k]!, floor);
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k]! * lambda;
      for (let j = 0; j < n; j++) out[i * n + j] += vik * vectors[j * n + k]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const s = (out[i * n + j]! + out[j * n + i]!) / 2;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}
