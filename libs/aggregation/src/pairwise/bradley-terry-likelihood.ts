import type { PairGraph } from './graph.js';

/**
 * The log-likelihood of one pair's counts as a function of the strength difference
 * d = θ_a − θ_b (+ α for an order effect) and a tie parameter s on its working scale,
 * written into `out` as [ℓ, ∂ℓ/∂d, ∂ℓ/∂s, ∂²ℓ/∂d², ∂²ℓ/∂d∂s, ∂²ℓ/∂s²].
 */
export type PairLogLikelihood = (d: number, s: number, winA: number, winB: number, tie: number, out: Float64Array) => void;

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The logistic function 1 / (1 + e⁻ˣ). */
export function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Bradley & Terry (1952): P(a beats b) = e^{θ_a} / (e^{θ_a} + e^{θ_b}) = logistic(d).
 * There is no tie parameter (its derivatives are zero).
 */
export const bradleyTerryPair: PairLogLikelihood = (d, _s, winA, winB, _tie, out) => {
  const n = winA + winB;
  const p = logistic(d);
  out[0] = -winA * softplus(-d) - winB * softplus(d);
  // winA − n p and n p (1 − p) with q = 1 − p computed directly: exact even when p ≈ 1 and n ≈ 10¹².
  const q = logistic(-d);
  out[1] = winA * q - winB * p;
  out[2] = 0;
  out[3] = -n * p * q;
  out[4] = 0;
  out[5] = 0;
};

/** Which parameters follow the n strengths in the parameter vector. */
export interface ParameterLayout {
  readonly n: number;
  /** Index of the order effect α, or −1. */
  readonly alpha: number;
  /** Index of the tie parameter s, or −1. */
  readonly tie: number;
  readonly size: number;
}

/** The layout for n strengths, then α if `orderEffect`, then s if `tie`. */
export function parameterLayout(n: number, orderEffect: boolean, tie: boolean): ParameterLayout {
  let size = n;
  const alpha = orderEffect ? size++ : -1;
  const tieIndex = tie ? size++ : -1;
  return { n, alpha, tie: tieIndex, size };
}

/**
 * Evaluates the penalised log-likelihood ℓ(x) − Σθ²/(2·prior) at x (strengths, then α
 * and s per `layout`); fills the gradient and, when `info` is given, the observed
 * information −∇²(dense, row-major, size × size). Returns the objective.
 * `prior` is the variance of the Gaussian prior on each θ (Infinity: none).
 */
export function evaluateLogLikelihood(
  graph: PairGraph,
  model: PairLogLikelihood,
  layout: ParameterLayout,
  x: Float64Array,
  prior: number,
  gradient: Float64Array | null,
  info: Float64Array | null,
  scratch: Float64Array,
): number {
  const { a, b, winA, winB, tie, pairs } = graph;
  const K = layout.size;
  const ia = layout.alpha;
  const is = layout.tie;
  const alpha = ia >= 0 ? x[ia] : 0;
  const s = is >= 0 ? x[is] : 0;
  if (gradient) gradient.fill(0);
  if (info) info.fill(0);
  let value = 0;
  for (let p = 0; p < pairs; p++) {
    const i = a[p];
    const j = b[p];
    model(x[i] - x[j] + alpha, s, winA[p], winB[p], tie[p], scratch);
    value += scratch[0];
    if (!gradient) continue;
    const gd = scratch[1];
    gradient[i] += gd;
    gradient[j] -= gd;
    if (ia >= 0) gradient[ia] += gd;
    if (is >= 0) gradient[is] += scratch[2];
    if (!info) continue;
    const hdd = -scratch[3];
    info[i * K + i] += hdd;
    info[j * K + j] += hdd;
    info[i * K + j] -= hdd;
    info[j * K + i] -= hdd;
    if (ia >= 0) {
      info[ia * K + ia] += hdd;
      info[i * K + ia] += hdd;
      info[ia * K + i] += hdd;
      info[j * K + ia] -= hdd;
      info[ia * K + j] -= hdd;
    }
    if (is >= 0) {
      const hds = -scratch[4];
      info[is * K + is] -= scratch[5];
      info[i * K + is] += hds;
      info[is * K + i] += hds;
      info[j * K + is] -= hds;
      info[is * K + j] -= hds;
      if (ia >= 0) {
        info[ia * K + is] += hds;
        info[is * K + ia] += hds;
      }
    }
  }
  if (Number.isFinite(prior)) {
    const precision = 1 / prior;
    for (let i = 0; i < layout.n; i++) {
      value -= 0.5 * precision * x[i] * x[i];
      if (gradient) gradient[i] -= precision * x[i];
      if (info) info[i * K + i] += precision;
    }
  }
  return value;
}

/**
 * The convergence measure shared by every method: the largest score (gradient of the
 * penalised log-likelihood) relative to its Fisher information, max_k |g_k| / I_kk over
 * strengths, α and s — the Newton step of coordinate k alone, in units of the parameter
 * (log-strength). Zero exactly at the optimum; scale-free in the counts. (A score relative
 * to the number of comparisons would stop early at extreme odds: with 10¹² wins against 1,
 * |g| ≈ 83 is 8·10⁻¹¹ of the comparisons while the strength is still ≈ 4 short of log 10¹².)
 * `info` is the information (row-major, size × size) at the same point.
 */
export function relativeScore(layout: ParameterLayout, gradient: Float64Array, info: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < layout.size; k++) worst = Math.max(worst, scaledScore(gradient[k], info[k * layout.size + k]));
  return worst;
}

/** |g| / I, with 0/0 = 0 and g/0 = ∞ (a coordinate without information is not converged unless its score is 0). */
export function scaledScore(g: number, information: number): number {
  if (g === 0) return 0;
  return information > 0 ? Math.abs(g) / information : Infinity;
}
