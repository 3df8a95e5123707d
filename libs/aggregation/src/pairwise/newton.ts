import { choleskyFactor, choleskySolve } from '../models/cholesky.js';
import { evaluateLogLikelihood, relativeScore, type PairLogLikelihood, type ParameterLayout } from './bradley-terry-likelihood.js';
import type { PairGraph } from './graph.js';
import { addMeanZeroProjector } from './standard-errors.js';

/** What an iterative fit returns: the parameter vector and how the iterations went. */
export interface IterativeFit {
  /** Strengths, then α and s per the layout. */
  readonly x: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** {@link relativeScore} at the returned x. */
  readonly maxRelativeScore: number;
}

/** Options shared by the iterative fitters. */
export interface FitControl {
  /** Variance of the Gaussian prior on each θ; Infinity for maximum likelihood. */
  readonly prior: number;
  readonly maxIter: number;
  /** Convergence: {@link relativeScore} ≤ tol. */
  readonly tol: number;
}

/**
 * Newton–Raphson for any pair model (plain, Davidson, Rao–Kupper; optional order
 * effect α), with a dense Hessian (cost O(K³) per step, K = items + extra parameters:
 * fine up to ~2,000 items) and a backtracking line search on the penalised
 * log-likelihood (every model here is concave in its working parameters).
 *
 * Without a prior the constraint Σθ = 0 is handled by solving (I + 11ᵀ/n) δ = g on the
 * strengths' block: the score sums to zero over items, so δ also does and I δ = g
 * (see {@link constrainedCovariance}). With a Gaussian prior the information is
 * positive definite and the MAP has Σθ = 0 by itself (the score sums to zero).
 * `x` is the start and is updated in place. Returns null if the information is
 * singular (a parameter not identified by the data).
 */
export function fitNewton(
  graph: PairGraph,
  model: PairLogLikelihood,
  layout: ParameterLayout,
  x: Float64Array,
  control: FitControl,
  feasible: (x: Float64Array) => boolean = () => true,
): IterativeFit | null {
  const K = layout.size;
  const n = layout.n;
  const meanZero = !Number.isFinite(control.prior);
  const g = new Float64Array(K);
  const info = new Float64Array(K * K);
  const step = new Float64Array(K);
  const trial = new Float64Array(K);
  const scratch = new Float64Array(6);
  let value = evaluateLogLikelihood(graph, model, layout, x, control.prior, g, info, scratch);
  let score = relativeScore(layout, g, info);
  let iterations = 0;
  while (score > control.tol && iterations < control.maxIter) {
    if (meanZero) addMeanZeroProjector(info, K, n);
    if (!choleskyFactor(info, K)) return null;
    step.set(g);
    choleskySolve(info, K, step);
    let t = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 60; halvings++, t /= 2) {
      for (let k = 0; k < K; k++) trial[k] = x[k] + t * step[k];
      if (!feasible(trial)) continue;
      const v = evaluateLogLikelihood(graph, model, layout, trial, control.prior, null, null, scratch);
      if (v >= value - 1e-12 * Math.abs(value)) {
        accepted = true;
        break;
      }
    }
    iterations++;
    if (!accepted) break;
    x.set(trial);
    if (meanZero) centre(x, n);
    value = evaluateLogLikelihood(graph, model, layout, x, control.prior, g, info, scratch);
    score = relativeScore(layout, g, info);
  }
  return { x, iterations, converged: score <= control.tol, maxRelativeScore: score };
}

/** Subtracts the mean of the first n entries from them. */
export function centre(x: Float64Array, n: number): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  for (let i = 0; i < n; i++) x[i] -= mean;
}
