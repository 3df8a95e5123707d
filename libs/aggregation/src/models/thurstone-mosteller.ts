import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Comparisons } from '../pairwise/comparisons.js';
import { binomialRegression, type BinomialRegressionOptions } from './binomial-regression.js';
import { collapsePairs } from './collapse-pairs.js';
import { validateComparisons } from './validate-comparisons.js';
import { meanZeroEffects } from './mean-zero.js';
import { itemsOutsideLargestComponent } from '../graph/strongly-connected.js';

export interface ThurstoneMostellerResult {
  readonly items: readonly string[];
  /** Scale values μ_i on the latent normal scale, mean zero over items. */
  readonly strength: Float64Array;
  /** Standard errors of `strength` under the mean-zero constraint. */
  readonly se: Float64Array;
  /** Covariance of `strength` (n × n, row-major), mean-zero constraint. */
  readonly covariance: Float64Array;
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MODEL = 'Thurstone–Mosteller';

/**
 * Thurstone–Mosteller Case V paired-comparison model (Thurstone 1927; Mosteller 1951):
 * P(i beats j) = Φ(μ_i − μ_j), the probit analogue of Bradley–Terry, fitted by maximum
 * likelihood as the binomial GLM with probit link on the difference design (the fit of R's
 * `glm(cbind(wins_i, wins_j) ~ 0 + X, family = binomial(link = "probit"))` and of
 * BradleyTerry2's `BTm(..., family = binomial(link = "probit"))`).
 *
 * Conventions: the discriminal-difference variance is 1 (Mosteller's Case V with
 * σ² = 1/2 per item); μ is identified by mean zero over items, and `se` is under the same
 * constraint; standard errors come from the expected information, as in `summary.glm`.
 * Positions (`ordered`) are ignored. Ties are not part of the model.
 *
 * @throws InputError on empty or malformed comparisons, ties, or a comparison graph that is
 *   not strongly connected (no maximum-likelihood estimate).
 */
export function thurstoneMosteller(
  comparisons: Comparisons,
  options: BinomialRegressionOptions = {},
): ThurstoneMostellerResult {
  validateComparisons(comparisons, MODEL, false);
  const n = comparisons.items.length;
  const winners = comparisons.first.map((a, e) => (comparisons.outcome[e] === 0 ? a : comparisons.second[e]));
  const losers = comparisons.first.map((a, e) => (comparisons.outcome[e] === 0 ? comparisons.second[e] : a));
  const outside = itemsOutsideLargestComponent(n, winners, losers);
  if (outside.length > 0) throw new InputError(message.modelNotIdentified(MODEL, outside.map((i) => comparisons.items[i])));
  const pairs = collapsePairs(comparisons);
  const rows = pairs.low.length;
  const p = n - 1;
  const design = new Float64Array(rows * p);
  for (let r = 0; r < rows; r++) {
    if (pairs.low[r] < p) design[r * p + pairs.low[r]] = 1;
    if (pairs.high[r] < p) design[r * p + pairs.high[r]] = -1;
  }
  const fit = binomialRegression(design, rows, p, pairs.lowWins, pairs.total, 'probit', options);
  if (fit === null) throw new InputError(message.modelNotIdentified(MODEL, comparisons.items));
  const effects = meanZeroEffects(fit.coefficients, fit.covariance, p, 0, n);
  return {
    items: comparisons.items,
    strength: effects.values,
    se: effects.se,
    covariance: effects.covariance,
    logLik: fit.logLik,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
