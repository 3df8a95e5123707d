import { checkDistributions } from '../distances/check-distributions.js';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { chiSquareUpperTail } from './chi-square-upper-tail.js';

/** A goodness-of-fit test: statistic, degrees of freedom and upper-tail p-value. */
export interface GoodnessOfFit {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of sample shares p against target
 * shares q with effective sample size n_eff (CONTRACTS.md `persona check`):
 * X² = n_eff Σ (p_i − q_i)² / q_i, df = k − 1 for the k categories with q > 0
 * (structural zeros, q = 0, do not count — Agresti, *Categorical Data
 * Analysis*, 3rd ed., §10.6.1; for margins without zero targets this is the
 * CONTRACTS.md "categories − 1"), p-value the
 * chi-square upper tail (R `chisq.test(x, p = q)` gives the same X² for counts
 * x = n p). n_eff may be fractional: for a weighted sample it is Kish's effective
 * sample size, so X² is scaled by Kish's design effect due to weighting (Kish 1965
 * §11.7) — a Kish effective-sample-size scaling, not a Rao–Scott adjustment (which
 * would use the design's estimated covariance of the shares, R `svygofchisq`).
 * A category with q = 0 and p > 0 makes X² infinite (p-value 0);
 * with q = p = 0 it adds nothing. With one category (df = 0) the test is void:
 * X² = 0, p-value 1.
 * @throws {InputError} for distributions that do not match or n_eff not > 0.
 */
export function chiSquareGoodnessOfFit(p: ArrayLike<number>, q: ArrayLike<number>, nEff: number): GoodnessOfFit {
  checkDistributions(p, q);
  checkNEff(nEff);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - q[i];
    if (q[i] === 0) {
      if (p[i] > 0) s = Infinity;
      continue;
    }
    s += (d * d) / q[i];
  }
  return withPValue(nEff * s, positiveCategories(q) - 1);
}

/** The statistic with its chi-square upper tail on df degrees of freedom (an infinite statistic: 0; else df = 0: 1). */
export function withPValue(statistic: number, df: number): GoodnessOfFit {
  return { statistic, df, pValue: statistic === Infinity ? 0 : df === 0 ? 1 : chiSquareUpperTail(statistic, df) };
}

/** The number of categories with a positive target. */
export function positiveCategories(q: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < q.length; i++) if (q[i] > 0) k++;
  return k;
}

export function checkNEff(nEff: number): void {
  if (!(nEff > 0 && Number.isFinite(nEff))) throw new InputError(message.invalidNEff(nEff));
}
