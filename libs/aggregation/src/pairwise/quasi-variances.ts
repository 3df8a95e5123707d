import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { choleskyFactor, choleskySolve } from '../models/cholesky.js';

/**
 * Quasi-variances (Firth & de Menezes 2004, "Quasi-variances", Biometrika 91, 65–80):
 * numbers q_i such that q_j + q_k approximates var(θ_j − θ_k) for every pair, so each
 * estimate can be plotted with its own interval ±2√q_i. Fitted as R's `qvcalc` does:
 * least squares on the log scale, minimising Σ_{j<k} (log v_jk − log(q_j + q_k))² with
 * v_jk = V_jj + V_kk − 2 V_jk, by Gauss–Newton from the linear least-squares start
 * (qvcalc runs the same fit as a glm with the "expLinear" family). Invariant to how θ
 * is identified (only contrast variances enter).
 *
 * `covariance` is n × n row-major (the strengths' block). Returns the quasi-variances
 * and the relative errors √((q_j + q_k)/v_jk) − 1 per pair j < k (qvcalc's `relerrs`).
 * @throws {InputError} for fewer than 3 items.
 */
export function quasiVariances(covariance: Float64Array, n: number, stride = n): { quasiVariance: Float64Array; relativeErrors: Float64Array } {
  if (n < 3) throw new InputError(message.btQuasiVarianceTooFew(n));
  const m = (n * (n - 1)) / 2;
  const pj = new Int32Array(m);
  const pk = new Int32Array(m);
  const y = new Float64Array(m);
  let r = 0;
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++, r++) {
      pj[r] = j;
      pk[r] = k;
      y[r] = covariance[j * stride + j] + covariance[k * stride + k] - 2 * covariance[j * stride + k];
    }
  }
  const normal = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  // Start: linear least squares v_jk ≈ q_j + q_k.
  solveWeighted(pj, pk, y, null, n, normal, rhs);
  const q = Float64Array.from(rhs);
  const w = new Float64Array(m);
  const z = new Float64Array(m);
  const trial = new Float64Array(n);
  const loss = (qq: Float64Array) => {
    let s = 0;
    for (let t = 0; t < m; t++) {
      const e = qq[pj[t]] + qq[pk[t]];
      if (!(e > 0)) return Infinity;
      s += (Math.log(y[t]) - Math.log(e)) ** 2;
    }
    return s;
  };
  let current = loss(q);
  for (let iter = 0; iter < 200; iter++) {
    // Gauss–Newton on r_t = log y_t − log(e_t), e_t = q_j + q_k: J = X / e, so the step
    // solves Σ (x xᵀ / e²) δ = Σ x r / e.
    for (let t = 0; t < m; t++) {
      const e = q[pj[t]] + q[pk[t]];
      w[t] = 1 / (e * e);
      z[t] = e * (Math.log(y[t]) - Math.log(e));
    }
    solveWeighted(pj, pk, z, w, n, normal, rhs);
    let step = 1;
    let next = Infinity;
    for (let h = 0; h < 50; h++, step /= 2) {
      for (let i = 0; i < n; i++) trial[i] = q[i] + step * rhs[i];
      next = loss(trial);
      if (next <= current) break;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(trial[i] - q[i]) / Math.abs(trial[i]));
    q.set(trial);
    current = Math.min(current, next);
    if (change < 1e-13) break;
  }
  const relativeErrors = new Float64Array(m);
  for (let t = 0; t < m; t++) relativeErrors[t] = Math.sqrt((q[pj[t]] + q[pk[t]]) / y[t]) - 1;
  return { quasiVariance: q, relativeErrors };
}

/** Weighted least squares for the design x_t = e_{j_t} + e_{k_t}: result in `rhs`. */
function solveWeighted(pj: Int32Array, pk: Int32Array, z: Float64Array, w: Float64Array | null, n: number, normal: Float64Array, rhs: Float64Array): void {
  normal.fill(0);
  rhs.fill(0);
  for (let t = 0; t < pj.length; t++) {
    const j = pj[t];
    const k = pk[t];
    const wt = w ? w[t] : 1;
    normal[j * n + j] += wt;
    normal[k * n + k] += wt;
    normal[j * n + k] += wt;
    normal[k * n + j] += wt;
    rhs[j] += wt * z[t];
    rhs[k] += wt * z[t];
  }
  choleskyFactor(normal, n);
  choleskySolve(normal, n, rhs);
}
