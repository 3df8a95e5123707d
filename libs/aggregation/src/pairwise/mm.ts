import { scaledScore } from './bradley-terry-likelihood.js';
import type { PairGraph } from './graph.js';
import { centre, type FitControl, type IterativeFit } from './newton.js';

/**
 * Sums, per item, A_i = Σ_pairs n_ij / (π_i + π_j) and the Fisher information
 * I_ii = Σ_pairs n_ij π_i π_j / (π_i + π_j)² (into `info`), and returns the largest
 * relative score max_i |W_i − π_i A_i − θ_i/σ²| / (I_ii + 1/σ²) (see `relativeScore`;
 * the plain Bradley–Terry score, since ∂ℓ/∂θ_i = W_i − Σ_j n_ij π_i/(π_i + π_j)).
 * One pass over the pairs.
 */
export function accumulateMM(graph: PairGraph, pi: Float64Array, theta: Float64Array, precision: number, A: Float64Array, info: Float64Array): number {
  const { a, b, winA, winB, pairs, wins, n } = graph;
  A.fill(0);
  info.fill(precision);
  for (let p = 0; p < pairs; p++) {
    const i = a[p];
    const j = b[p];
    const sum = pi[i] + pi[j];
    const r = (winA[p] + winB[p]) / sum;
    A[i] += r;
    A[j] += r;
    const w = (r * pi[i] * pi[j]) / sum;
    info[i] += w;
    info[j] += w;
  }
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, scaledScore(wins[i] - pi[i] * A[i] - precision * theta[i], info[i]));
  return worst;
}

/**
 * Hunter's (2004) MM algorithm for the plain Bradley–Terry model ("MM algorithms for
 * generalized Bradley–Terry models", Ann. Statist. 32, 384–406, eq. 3; Zermelo 1929):
 * π_i ← W_i / Σ_j n_ij / (π_i + π_j), all items at once, then θ = log π centred to mean
 * zero. Each step maximises Hunter's separable minorizer of ℓ, so ℓ never decreases.
 *
 * With a Gaussian prior (variance σ²) the same minorizer minus Σθ²/(2σ²) is still
 * separable: each item's step maximises W_i θ − A_i e^θ − θ²/(2σ²), a 1-D concave
 * problem solved by Newton's method to machine precision (a valid MM step for the MAP).
 * Cost per iteration: one pass over the pairs; no allocation inside the loop.
 * `theta` is the start (mean zero) and is updated in place.
 */
export function fitMM(graph: PairGraph, theta: Float64Array, control: FitControl): IterativeFit {
  const n = graph.n;
  const precision = Number.isFinite(control.prior) ? 1 / control.prior : 0;
  const pi = new Float64Array(n);
  const A = new Float64Array(n);
  const info = new Float64Array(n);
  const { wins } = graph;
  let iterations = 0;
  let score = Infinity;
  for (;;) {
    for (let i = 0; i < n; i++) pi[i] = Math.exp(theta[i]);
    score = accumulateMM(graph, pi, theta, precision, A, info);
    if (score <= control.tol || iterations >= control.maxIter) break;
    iterations++;
    if (precision === 0) {
      for (let i = 0; i < n; i++) theta[i] = Math.log(wins[i] / A[i]);
      centre(theta, n);
    } else {
      for (let i = 0; i < n; i++) theta[i] = mapStep(wins[i], A[i], precision, theta[i]);
    }
  }
  return { x: theta, iterations, converged: score <= control.tol, maxRelativeScore: score };
}

/** argmax_θ W θ − A e^θ − precision θ²/2 by safeguarded Newton from `start`. */
function mapStep(W: number, A: number, precision: number, start: number): number {
  let t = start;
  for (let k = 0; k < 100; k++) {
    const e = A * Math.exp(t);
    const f1 = W - e - precision * t;
    const f2 = e + precision;
    let step = f1 / f2;
    if (step > 2) step = 2;
    else if (step < -2) step = -2;
    t += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(t))) break;
  }
  return t;
}
