import { symmetricEigen } from './symmetric-eigen.js';

export interface NearestCorrelationResult {
  /** The nearest correlation matrix found, n×n row-major. */
  readonly matrix: Float64Array;
  readonly iterations: number;
  /**
   * True when successive iterates agreed within `tol`, every eigen-decomposition
   * converged, and the result's smallest eigenvalue is at least
   * minEigenvalue·(1 − 1e-9) (−n·1e-12 when minEigenvalue is 0); false otherwise
   * (never true with a violated floor).
   */
  readonly converged: boolean;
  /** Smallest eigenvalue of `matrix`. */
  readonly minEigenvalue: number;
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
 * the result can be Cholesky-factored. The unit diagonal is restored last,
 * which can lower λ_min by about the last step's size, so the cone actually
 * used is λ ≥ δ + max(10⁻⁶·δ, 100·tol) (0 when δ = 0) and the result is then
 * checked against δ·(1 − 10⁻⁹). Entries flagged in `fixed` (n×n mask)
 * are kept at A's values: the second projection is then onto the affine set
 * {unit diagonal, fixed entries}, still a closed convex set, so Dykstra's
 * method converges to the nearest matrix in the intersection when it is not
 * empty (Higham 2002 §3, "other constraints"). Stops when successive iterates differ by
 * less than `tol` (relative, ∞-norm) or after `maxIterations`. `converged` is
 * reported false after `maxIterations`, when an eigen-decomposition did not
 * converge, or when the result's λ_min is below δ·(1 − 1e-9) (e.g. when the
 * fixed entries admit no matrix with λ_min ≥ δ).
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
  const floor = minEigenvalue > 0 ? minEigenvalue + Math.max(1e-6 * minEigenvalue, 100 * tol) : 0;
  let y = Float64Array.from(a);
  const ds = new Float64Array(n * n);
  let iterations = 0;
  let settled = false;
  let eigenConverged = true;
  while (iterations < maxIterations) {
    iterations++;
    const r = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) r[i] = y[i]! - ds[i]!;
    const projected = projectPsd(r, n, floor);
    eigenConverged &&= projected.converged;
    const x = projected.matrix;
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
      settled = true;
      break;
    }
  }
  let maxAbsChange = 0;
  for (let i = 0; i < n * n; i++) maxAbsChange = Math.max(maxAbsChange, Math.abs(y[i]! - a[i]!));
  const eigen = symmetricEigen(y, n);
  const lambdaMin = Math.min(...eigen.values);
  // With δ = 0 the floor is the PSD cone itself: allow rounding of λ_min to −n·1e-12.
  const required = minEigenvalue > 0 ? minEigenvalue * (1 - 1e-9) : -1e-12 * n;
  const converged = settled && eigenConverged && eigen.converged && lambdaMin >= required;
  return { matrix: y, iterations, converged, maxAbsChange, minEigenvalue: lambdaMin };
}

/** V·diag(max(λ, δ))·Vᵀ, symmetrised. */
function projectPsd(a: Float64Array, n: number, floor: number): { matrix: Float64Array; converged: boolean } {
  const { values, vectors, converged } = symmetricEigen(a, n);
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
  return { matrix: out, converged };
}
