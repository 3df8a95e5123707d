import { scaledScore } from './bradley-terry-likelihood.js';
import type { PairGraph } from './graph.js';
import { centre, type FitControl, type IterativeFit } from './newton.js';

/**
 * Newton's method for the plain Bradley–Terry model with the Newton step solved
 * inexactly by preconditioned conjugate gradients (truncated Newton: Nocedal & Wright
 * 2006, Numerical Optimization, 2nd ed., Algorithm 7.1 with the forcing sequence
 * η_k = min(0.1, score_k), which gives quadratic convergence; Jacobi preconditioner).
 *
 * The Hessian of −ℓ is a weighted graph Laplacian L (weight n_ij p_ij (1 − p_ij) per
 * pair), applied matrix-free in one pass over the aggregated pairs, so a step costs
 * O(pairs · CG iterations) instead of the dense O(n³). L is singular along 1; the score
 * is orthogonal to 1, so CG solves the consistent system L δ = g and δ is then centred
 * (the mean-zero constraint). With a Gaussian prior of variance σ², the system is
 * (L + I/σ²) δ = g. Backtracking line search on the penalised log-likelihood.
 * `theta` is the start and is updated in place; no allocation inside the loop.
 */
export function fitNewtonCG(graph: PairGraph, theta: Float64Array, control: FitControl): IterativeFit {
  const { n, a, b, winA, winB, pairs } = graph;
  const precision = Number.isFinite(control.prior) ? 1 / control.prior : 0;
  const g = new Float64Array(n);
  const weight = new Float64Array(pairs);
  const diag = new Float64Array(n);
  const delta = new Float64Array(n);
  const r = new Float64Array(n);
  const z = new Float64Array(n);
  const d = new Float64Array(n);
  const q = new Float64Array(n);
  const trial = new Float64Array(n);

  // At x: the penalised log-likelihood (returned), and the score, Laplacian weights and
  // diagonal (into g, weight, diag) — one pass over the pairs, one exp per pair.
  const linearise = (x: Float64Array): number => {
    g.fill(0);
    diag.fill(precision);
    let value = 0;
    for (let p = 0; p < pairs; p++) {
      const i = a[p];
      const j = b[p];
      const wa = winA[p];
      const wb = winB[p];
      const m = wa + wb;
      const t = x[i] - x[j];
      const e = Math.exp(-Math.abs(t));
      const l = Math.log1p(e);
      // softplus(−t) = max(−t, 0) + log1p(e^{−|t|}); P(i beats j) = logistic(t)
      value -= t >= 0 ? wa * l + wb * (t + l) : wa * (l - t) + wb * l;
      const pr = t >= 0 ? 1 / (1 + e) : e / (1 + e);
      const qr = t >= 0 ? e / (1 + e) : 1 / (1 + e);
      // wa − m·pr without cancellation (exact at extreme odds: pr ≈ 1, wa ≈ 10¹²)
      const s = wa * qr - wb * pr;
      g[i] += s;
      g[j] -= s;
      const w = m * pr * qr;
      weight[p] = w;
      diag[i] += w;
      diag[j] += w;
    }
    if (precision > 0) {
      for (let i = 0; i < n; i++) {
        value -= 0.5 * precision * x[i] * x[i];
        g[i] -= precision * x[i];
      }
    }
    return value;
  };
  const applyHessian = (x: Float64Array, y: Float64Array): void => {
    for (let i = 0; i < n; i++) y[i] = precision * x[i];
    for (let p = 0; p < pairs; p++) {
      const i = a[p];
      const j = b[p];
      const t = weight[p] * (x[i] - x[j]);
      y[i] += t;
      y[j] -= t;
    }
  };
  // relativeScore (bradley-terry-likelihood.ts): |v_i| over the information's diagonal.
  const relative = (v: Float64Array): number => {
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, scaledScore(v[i], diag[i]));
    return worst;
  };

  let value = linearise(theta);
  let score = relative(g);
  let iterations = 0;
  while (score > control.tol && iterations < control.maxIter) {
    iterations++;
    // PCG for H δ = g from δ = 0, stopping when the linear model's relative score
    // ≤ max(tol/4, η score) with η = min(0.1, score).
    const target = Math.max(control.tol / 4, Math.min(0.1, score) * score);
    delta.fill(0);
    r.set(g);
    let rz = 0;
    for (let i = 0; i < n; i++) {
      z[i] = r[i] / diag[i];
      rz += r[i] * z[i];
    }
    d.set(z);
    for (let k = 0; k < 10 * n + 100 && relative(r) > target; k++) {
      applyHessian(d, q);
      let dq = 0;
      for (let i = 0; i < n; i++) dq += d[i] * q[i];
      const step = rz / dq;
      let rzNext = 0;
      for (let i = 0; i < n; i++) {
        delta[i] += step * d[i];
        r[i] -= step * q[i];
        z[i] = r[i] / diag[i];
        rzNext += r[i] * z[i];
      }
      const beta = rzNext / rz;
      rz = rzNext;
      for (let i = 0; i < n; i++) d[i] = z[i] + beta * d[i];
    }
    if (precision === 0) centre(delta, n);
    // Backtracking; the accepted trial's linearisation is the next iteration's.
    let t = 1;
    let accepted = false;
    for (let h = 0; h < 60; h++, t /= 2) {
      for (let i = 0; i < n; i++) trial[i] = theta[i] + t * delta[i];
      const v = linearise(trial);
      if (v >= value - 1e-12 * Math.abs(value)) {
        value = v;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      linearise(theta);
      break;
    }
    theta.set(trial);
    score = relative(g);
  }
  return { x: theta, iterations, converged: score <= control.tol, maxRelativeScore: score };
}
