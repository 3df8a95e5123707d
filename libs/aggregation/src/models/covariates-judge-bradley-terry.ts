import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { binomialRegression, type BinomialRegressionOptions } from './binomial-regression.js';
import { collapsePairs } from './collapse-pairs.js';
import { validateCovariates, type CovariateMatrix } from './covariate-matrix.js';
import { validateJudgedComparisons, type JudgedComparisons } from './judged-comparisons.js';
import { meanZeroEffects } from './mean-zero.js';

export interface JudgeCovariateBradleyTerryResult {
  readonly items: readonly string[];
  readonly covariateNames: readonly string[];
  /** θ_i: log-strength of item i for a judge with all covariates 0; mean zero over items. */
  readonly logStrength: Float64Array;
  readonly logStrengthSe: Float64Array;
  /** γ_{·k} per covariate k: how covariate k shifts each item's log-strength; mean zero over items. */
  readonly interaction: readonly Float64Array[];
  readonly interactionSe: readonly Float64Array[];
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Log-strengths θ + Γz for a judge with covariates `z` (mean zero over items). */
  strengthsFor(z: readonly number[]): Float64Array;
}

const MODEL = 'judge-covariate Bradley–Terry';

/**
 * Bradley–Terry with judge (persona) covariates: a judge g with attributes z_g sees item i
 * with log-strength θ_i + Σ_k γ_{ik} z_{gk}, so logit P(i beats j | g) = (θ_i − θ_j) +
 * Σ_k (γ_{ik} − γ_{jk}) z_{gk}. This is BradleyTerry2's contest-level covariate formulation
 * (Turner & Firth 2012, §4: player abilities interacting with judge covariates) written as a
 * logistic regression without intercept on the difference design, fitted by Newton's method;
 * R oracle `glm(y ~ 0 + X + X:z, family = binomial)`. θ and each γ_{·k} are identified by
 * mean zero over items, standard errors under the same constraint. Persona attributes thus
 * explain how strengths differ between groups of judges: `strengthsFor(z)`.
 *
 * @throws InputError on malformed comparisons or covariates (one row per judge), ties, a
 *   judge without comparisons, or a rank-deficient design (e.g. a constant covariate).
 */
export function judgeCovariateBradleyTerry(
  data: JudgedComparisons,
  judgeCovariates: CovariateMatrix,
  options: BinomialRegressionOptions = {},
): JudgeCovariateBradleyTerryResult {
  validateJudgedComparisons(data, MODEL, false);
  const n = data.items.length;
  const judges = data.judges.length;
  validateCovariates(judgeCovariates, judges, 'judge covariates');
  const q = judgeCovariates.names.length;
  const z = judgeCovariates.values;
  const pairs = collapsePairs(data, data.judge);
  const rows = pairs.low.length;
  const block = n - 1;
  const p = block * (q + 1);
  const design = new Float64Array(rows * p);
  for (let r = 0; r < rows; r++) {
    const g = pairs.group[r];
    const off = r * p;
    for (const [item, sign] of [[pairs.low[r], 1], [pairs.high[r], -1]] as const) {
      if (item === n - 1) continue;
      design[off + item] = sign;
      for (let k = 0; k < q; k++) design[off + (k + 1) * block + item] = sign * z[g * q + k];
    }
  }
  const fit = binomialRegression(design, rows, p, pairs.lowWins, pairs.total, 'logit', options);
  if (fit === null) throw new InputError(message.designRankDeficient(MODEL));
  const theta = meanZeroEffects(fit.coefficients, fit.covariance, p, 0, n);
  const gammas = Array.from({ length: q }, (_, k) => meanZeroEffects(fit.coefficients, fit.covariance, p, (k + 1) * block, n));
  const interaction = gammas.map((g) => g.values);
  return {
    items: data.items,
    covariateNames: judgeCovariates.names,
    logStrength: theta.values,
    logStrengthSe: theta.se,
    interaction,
    interactionSe: gammas.map((g) => g.se),
    logLik: fit.logLik,
    iterations: fit.iterations,
    converged: fit.converged,
    strengthsFor(values: readonly number[]): Float64Array {
      if (values.length !== q) throw new InputError(message.covariateValuesLength(q, values.length));
      const s = Float64Array.from(theta.values);
      for (let k = 0; k < q; k++) for (let i = 0; i < n; i++) s[i] += interaction[k][i] * values[k];
      return s;
    },
  };
}
