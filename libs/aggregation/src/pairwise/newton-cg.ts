import { logistic, softplus } from './bradley-terry-likelihood.js';
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
  const { n, a, b, winA, winB, pairs, total } = graph;
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

  const objective = (x: Float64Array): number => {
    let v = 0;
    for (let p = 0; p < pairs; p++) {
      const t = x[a[p]] - x[b[p]];
      v -= winA[p] * softplus(-t) + winB[p] * softplus(t);
    }
    if (precision > 0) for (let i = 0; i < n; i++) v -= 0.5 * precision * x[i] * x[i];
    return v;
  };
  // Score, Laplacian weights and diagonal at theta; returns the relative score.
  const linearise = (): number => {
    g.fill(0);
    diag.fill(precision);
    for (let p = 0; p < pairs; p++) {
      const i = a[p];
      const j = b[p];
      const m = winA[p] + winB[p];
      const pr = logistic(theta[i] - theta[j]);
      const s = winA[p] - m * pr;
      g[i] += s;
      g[j] -= s;
      const w = m * pr * (1 - pr);
      weight[p] = w;
      diag[i] += w;
      diag[j] += w;
    }
    let worst = 0;
    for (let i = 0; i < n; i++) {
      g[i] -= precision * theta[i];
      worst = Math.max(worst, Math.abs(g[i]) / total[i]);
    }
    return worst;
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
  const relative = (v: Float64Array): number => {
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(v[i]) / total[i]);
    return worst;
  };

  let value = objective(theta);
  let score = linearise();
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
    let t = 1;
    let accepted = false;
    for (let h = 0; h < 60; h++, t /= 2) {
      for (let i = 0; i < n; i++) trial[i] = theta[i] + t * delta[i];
      const v = objective(trial);
      if (v >= value - 1e-12 * Math.abs(value)) {
        value = v;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    theta.set(trial);
    if (precision === 0) centre(theta, n);
    score = linearise();
  }
  return { x: theta, iterations, converged: score <= control.tol, maxRelativeScore: score };
}
