import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Comparisons } from '../pairwise/comparisons.js';
import { binomialRegression, type BinomialRegressionOptions } from './binomial-regression.js';
import { collapsePairs } from './collapse-pairs.js';
import { validateCovariates, type CovariateMatrix } from './covariate-matrix.js';
import { validateComparisons } from './validate-comparisons.js';

export interface StructuredBradleyTerryResult {
  readonly items: readonly string[];
  readonly covariateNames: readonly string[];
  /** β: the effect of each item covariate on the log-strength. */
  readonly coefficients: Float64Array;
  readonly se: Float64Array;
  /** Covariance of β (q × q, row-major). */
  readonly covariance: Float64Array;
  /** λ_i = x_iᵀβ, centred to mean zero over items. */
  readonly logStrength: Float64Array;
  /** Standard errors of the centred λ_i. */
  readonly logStrengthSe: Float64Array;
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MODEL = 'structured Bradley–Terry';

/**
 * Structured Bradley–Terry model (Springall 1973): item log-strengths are a linear function of
 * item covariates, λ_i = x_iᵀβ, so logit P(i beats j) = (x_i − x_j)ᵀβ. Fitted by Newton's
 * method as a logistic regression without intercept on the difference design, the fit of
 * R's `glm(cbind(wins_i, wins_j) ~ 0 + I(x_i - x_j), family = binomial)` and of
 * BradleyTerry2's `BTm(..., formula = ~ x1[..] + x2[..], id = "..")` without random effects.
 * Standard errors from the inverse information. Positions are ignored; ties are not modelled.
 *
 * @throws InputError on malformed comparisons or covariates, ties, or a rank-deficient design.
 */
export function structuredBradleyTerry(
  comparisons: Comparisons,
  itemCovariates: CovariateMatrix,
  options: BinomialRegressionOptions = {},
): StructuredBradleyTerryResult {
  validateComparisons(comparisons, MODEL, false);
  const n = comparisons.items.length;
  validateCovariates(itemCovariates, n, 'item covariates');
  const q = itemCovariates.names.length;
  const x = itemCovariates.values;
  const pairs = collapsePairs(comparisons);
  const rows = pairs.low.length;
  const design = new Float64Array(rows * q);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < q; k++) design[r * q + k] = x[pairs.low[r] * q + k] - x[pairs.high[r] * q + k];
  }
  const fit = binomialRegression(design, rows, q, pairs.lowWins, pairs.total, 'logit', options);
  if (fit === null) throw new InputError(message.designRankDeficient(MODEL));
  const mean = new Float64Array(q);
  for (let i = 0; i < n; i++) for (let k = 0; k < q; k++) mean[k] += x[i * q + k] / n;
  const logStrength = new Float64Array(n);
  const logStrengthSe = new Float64Array(n);
  const c = new Float64Array(q);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < q; k++) c[k] = x[i * q + k] - mean[k];
    let value = 0;
    let variance = 0;
    for (let k = 0; k < q; k++) {
      value += c[k] * fit.coefficients[k];
      for (let l = 0; l < q; l++) variance += c[k] * fit.covariance[k * q + l] * c[l];
    }
    logStrength[i] = value;
    logStrengthSe[i] = Math.sqrt(Math.max(0, variance));
  }
  return {
    items: comparisons.items,
    covariateNames: itemCovariates.names,
    coefficients: fit.coefficients,
    se: fit.coefficients.map((_, k) => Math.sqrt(fit.covariance[k * q + k])),
    covariance: fit.covariance,
    logStrength,
    logStrengthSe,
    logLik: fit.logLik,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
