import { choleskyFactor, choleskyInverse } from '../models/cholesky.js';

/**
 * Covariance of the estimates from the observed information `info` (size × size,
 * row-major; the first `n` parameters are the strengths θ).
 *
 * With `meanZero`, θ is identified by Σθ = 0 and the information is singular along
 * v = (1, …, 1, 0, …)/√n (the likelihood does not change when every θ shifts). The
 * covariance under the constraint is the Moore–Penrose pseudo-inverse I⁺, computed as
 * (I + v vᵀ)⁻¹ − v vᵀ: v is an eigenvector of I with eigenvalue 0, so adding v vᵀ
 * makes the matrix positive definite without touching the other eigenpairs. This
 * equals BradleyTerry2's reference-item covariance moved to mean zero, C V Cᵀ with
 * C = I − 11ᵀ/n. Without `meanZero` (a proper prior) the covariance is I⁻¹.
 *
 * Returns null when the (augmented) information is not positive definite.
 */
export function constrainedCovariance(info: Float64Array, size: number, n: number, meanZero: boolean): Float64Array | null {
  const m = Float64Array.from(info);
  if (meanZero) addMeanZeroProjector(m, size, n);
  if (!choleskyFactor(m, size)) return null;
  const cov = choleskyInverse(m, size);
  if (meanZero) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cov[i * size + j] -= 1 / n;
  return cov;
}

/** Adds v vᵀ = 11ᵀ/n to the strengths' block of a row-major size × size matrix. */
export function addMeanZeroProjector(m: Float64Array, size: number, n: number): void {
  const add = 1 / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * size + j] += add;
}
