import { choleskyFactor, choleskyInverse } from '../models/cholesky.js';

/** The covariance of the estimates and the 1-norm condition number of the matrix that was inverted. */
export interface ConstrainedCovariance {
  readonly covariance: Float64Array;
  /** κ₁ = ‖A‖₁ ‖A⁻¹‖₁ of the (augmented or penalised) information A that was inverted. */
  readonly condition: number;
}

/**
 * Covariance of the estimates from the observed information `info` (size × size,
 * row-major; the first `n` parameters are the strengths θ), always **under the
 * constraint Σθ = 0** (CONTRACTS.md: `se` is under the mean-zero constraint).
 *
 * With `meanZero` (no prior) the information is singular along v = (1, …, 1, 0, …)/√n
 * (the likelihood does not change when every θ shifts). The covariance under the
 * constraint is the Moore–Penrose pseudo-inverse I⁺, computed as (I + v vᵀ)⁻¹ − v vᵀ:
 * v is an eigenvector of I with eigenvalue 0, so adding v vᵀ makes the matrix positive
 * definite without touching the other eigenpairs. This equals BradleyTerry2's
 * reference-item covariance moved to mean zero, C V Cᵀ with C = I − 11ᵀ/n.
 *
 * Without `meanZero` (`info` already includes the prior's precision, so it is positive
 * definite) the posterior covariance V = I⁻¹ is moved to mean zero the same way:
 * P V Pᵀ with P = diag(C, 1, …, 1), which also centres the cross terms of θ with the
 * order effect α and the tie parameter (Gaussian approximation to the posterior of the
 * centred strengths θ − θ̄).
 *
 * Returns null when the (augmented) information is not positive definite.
 */
export function constrainedCovariance(info: Float64Array, size: number, n: number, meanZero: boolean): ConstrainedCovariance | null {
  const m = Float64Array.from(info);
  if (meanZero) addMeanZeroProjector(m, size, n);
  const norm = oneNorm(m, size);
  if (!choleskyFactor(m, size)) return null;
  const cov = choleskyInverse(m, size);
  const condition = norm * oneNorm(cov, size);
  if (meanZero) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cov[i * size + j] -= 1 / n;
  else centreStrengths(cov, size, n);
  return { covariance: cov, condition };
}

/** Adds v vᵀ = 11ᵀ/n to the strengths' block of a row-major size × size matrix. */
export function addMeanZeroProjector(m: Float64Array, size: number, n: number): void {
  const add = 1 / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * size + j] += add;
}

/** In place V ← P V Pᵀ with P = diag(I − 11ᵀ/n, I): centres the θ rows, then the θ columns. */
function centreStrengths(v: Float64Array, size: number, n: number): void {
  for (let j = 0; j < size; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i * size + j];
    mean /= n;
    for (let i = 0; i < n; i++) v[i * size + j] -= mean;
  }
  for (let i = 0; i < size; i++) {
    let mean = 0;
    for (let j = 0; j < n; j++) mean += v[i * size + j];
    mean /= n;
    for (let j = 0; j < n; j++) v[i * size + j] -= mean;
  }
}

/** ‖A‖₁: the largest absolute column sum. */
function oneNorm(a: Float64Array, size: number): number {
  let best = 0;
  for (let j = 0; j < size; j++) {
    let s = 0;
    for (let i = 0; i < size; i++) s += Math.abs(a[i * size + j]);
    if (s > best) best = s;
  }
  return best;
}
