import { checkDistributions } from '../distances/check-distributions.js';
import { klKernel } from '../distances/kullback-leibler-divergence.js';
import { checkNEff, positiveCategories, withPValue, type GoodnessOfFit } from './chi-square-goodness-of-fit.js';

/**
 * The G-test (likelihood-ratio goodness of fit; Sokal & Rohlf, *Biometry*,
 * 3rd ed., §17.2; Agresti, *Categorical Data Analysis*, 3rd ed., §1.5.5):
 * G = 2 n_eff Σ p_i ln(p_i / q_i) = 2 n_eff KL(p ‖ q), df = (categories with q > 0) − 1, p-value the
 * chi-square upper tail. Terms with p = 0 add 0; p > 0 = q gives G = Infinity.
 * No Williams correction.
 * @throws {InputError} for distributions that do not match or n_eff not > 0.
 */
export function gTest(p: ArrayLike<number>, q: ArrayLike<number>, nEff: number): GoodnessOfFit {
  checkDistributions(p, q);
  checkNEff(nEff);
  return withPValue(2 * nEff * klKernel(p, q), positiveCategories(q) - 1);
}
