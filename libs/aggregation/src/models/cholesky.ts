/**
 * Cholesky factorisation of a symmetric positive-definite matrix (row-major, n × n),
 * in place: on success the lower triangle holds L with A = L Lᵀ (Golub & Van Loan,
 * Matrix Computations, 4th ed., Algorithm 4.2.1). Returns false when a pivot is not
 * positive relative to the diagonal's scale (the matrix is singular or indefinite).
 */
export function choleskyFactor(a: Float64Array, n: number): boolean {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]));
  const floor = scale * 1e-13;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > floor)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i * n + j] = 0;
  return true;
}

/** Solves (L Lᵀ) x = b for x, given the factor from {@link choleskyFactor}; b is overwritten with x. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k] * b[k];
    b[i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}

/**
 * (L Lᵀ)⁻¹ as a dense row-major matrix, given the factor from {@link choleskyFactor}:
 * X = L⁻¹ by forward substitution (kept transposed, so rows are contiguous), then
 * A⁻¹ = Xᵀ X — about n³/3 multiply-adds.
 */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  // xt[j * n + i] = (L⁻¹)[i][j], nonzero for i ≥ j
  const xt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const row = j * n;
    for (let i = j; i < n; i++) {
      const li = i * n;
      let s = i === j ? 1 : 0;
      for (let k = j; k < i; k++) s -= l[li + k] * xt[row + k];
      xt[row + i] = s / l[li + i];
    }
  }
  const inv = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const ra = a * n;
    for (let b = a; b < n; b++) {
      const rb = b * n;
      let s = 0;
      for (let k = b; k < n; k++) s += xt[ra + k] * xt[rb + k];
      inv[ra + b] = s;
      inv[rb + a] = s;
    }
  }
  return inv;
}
