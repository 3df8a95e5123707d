import { choleskyFactor, choleskyInverse, choleskySolve } from './cholesky.js';
import { normalDensity, normalTails } from './normal-distribution.js';

export type BinomialLink = 'logit' | 'probit';

export interface BinomialFit {
  readonly coefficients: Float64Array;
  /** Inverse of the expected (Fisher) information at the estimate, p × p row-major. */
  readonly covariance: Float64Array;
  /** Σ y log μ + (n − y) log(1 − μ), without the binomial coefficients. */
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface BinomialRegressionOptions {
  maxIterations?: number;
  /** Converged when every step |Δβ_k| ≤ tolerance · (1 + |β_k|). */
  tolerance?: number;
}

/**
 * Binomial regression without intercept, fitted by Fisher scoring (IRLS, as R's
 * `glm(cbind(y, n - y) ~ 0 + X, family = binomial(link))`), with step halving when the
 * log-likelihood would fall. For the logit link Fisher scoring is Newton's method; for
 * the probit link the covariance is the inverse *expected* information, as in
 * `summary.glm`. Rows are collapsed observations: `successes[r]` out of `trials[r]`.
 *
 * Returns null when the information matrix at the start is singular (the design is
 * rank deficient). Separation (estimates running off to infinity) ends with
 * `converged: false`.
 */
export function binomialRegression(
  design: Float64Array,
  rows: number,
  p: number,
  successes: Float64Array,
  trials: Float64Array,
  link: BinomialLink,
  options: BinomialRegressionOptions = {},
): BinomialFit | null {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-11;
  const beta = new Float64Array(p);
  const eta = new Float64Array(rows);
  const score = new Float64Array(p);
  const info = new Float64Array(p * p);
  let logLik = evaluate(design, rows, p, beta, eta, successes, trials, link, score, info);
  if (!choleskyFactor(info, p)) return null;
  let converged = false;
  let iterations = 0;
  const trial = new Float64Array(p);
  const trialScore = new Float64Array(p);
  const trialInfo = new Float64Array(p * p);
  while (iterations < maxIterations) {
    iterations++;
    const step = choleskySolve(info, p, Float64Array.from(score));
    let factor = 1;
    let accepted = false;
    let trialLogLik = -Infinity;
    for (let halving = 0; halving < 40; halving++) {
      for (let k = 0; k < p; k++) trial[k] = beta[k] + factor * step[k];
      trialLogLik = evaluate(design, rows, p, trial, eta, successes, trials, link, trialScore, trialInfo);
      if (trialLogLik >= logLik - 1e-12 * Math.abs(logLik)) {
        accepted = true;
        break;
      }
      factor /= 2;
    }
    if (!accepted) break;
    let small = true;
    for (let k = 0; k < p; k++) {
      if (Math.abs(trial[k] - beta[k]) > tolerance * (1 + Math.abs(trial[k]))) small = false;
    }
    beta.set(trial);
    score.set(trialScore);
    info.set(trialInfo);
    logLik = trialLogLik;
    if (!choleskyFactor(info, p)) break;
    if (small && factor === 1) {
      converged = true;
      break;
    }
  }
  // Final information at the accepted estimate (info holds its factor unless factoring failed).
  const finalInfo = new Float64Array(p * p);
  evaluate(design, rows, p, beta, eta, successes, trials, link, score, finalInfo);
  const covariance = choleskyFactor(finalInfo, p) ? choleskyInverse(finalInfo, p) : new Float64Array(p * p).fill(NaN);
  if (covariance.some((v) => Number.isNaN(v))) converged = false;
  return { coefficients: beta, covariance, logLik, iterations, converged };
}

/** Log-likelihood at beta; fills the score vector and the expected information. */
function evaluate(
  x: Float64Array,
  rows: number,
  p: number,
  beta: Float64Array,
  eta: Float64Array,
  y: Float64Array,
  n: Float64Array,
  link: BinomialLink,
  score: Float64Array,
  info: Float64Array,
): number {
  score.fill(0);
  info.fill(0);
  let logLik = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * p;
    let e = 0;
    for (let k = 0; k < p; k++) e += x[off + k] * beta[k];
    eta[r] = e;
    let mu: number;
    let muBar: number;
    let logMu: number;
    let logMuBar: number;
    let u: number;
    let w: number;
    if (link === 'logit') {
      mu = 1 / (1 + Math.exp(-e));
      muBar = 1 / (1 + Math.exp(e));
      logMu = e > 0 ? -Math.log1p(Math.exp(-e)) : e - Math.log1p(Math.exp(e));
      logMuBar = e > 0 ? -e - Math.log1p(Math.exp(-e)) : -Math.log1p(Math.exp(e));
      u = y[r] - n[r] * mu;
      w = n[r] * mu * muBar;
    } else {
      const t = normalTails(e);
      mu = t.lower;
      muBar = t.upper;
      logMu = Math.log(mu);
      logMuBar = Math.log(muBar);
      const f = normalDensity(e);
      const v = mu * muBar;
      u = ((y[r] - n[r] * mu) * f) / v;
      w = (n[r] * f * f) / v;
    }
    logLik += (y[r] > 0 ? y[r] * logMu : 0) + (n[r] - y[r] > 0 ? (n[r] - y[r]) * logMuBar : 0);
    for (let k = 0; k < p; k++) {
      const xk = x[off + k];
      if (xk === 0) continue;
      score[k] += u * xk;
      const wk = w * xk;
      for (let l = 0; l <= k; l++) info[k * p + l] += wk * x[off + l];
    }
  }
  for (let k = 0; k < p; k++) for (let l = 0; l < k; l++) info[l * p + k] = info[k * p + l];
  return logLik;
}
