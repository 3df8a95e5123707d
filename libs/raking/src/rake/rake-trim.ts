import { rake, type RakeInput, type RakeResult } from './rake.js';
import { resolveTrimCaps, trimWeights, type TrimOptions } from '../weights/trim-weights.js';

export interface RakeTrimInput extends RakeInput {
  /** Caps on the raked weights (resolved once, from the first raking) and how to redistribute. */
  readonly trim: TrimOptions;
  /** Most rake → trim rounds (default 50). */
  readonly maxRounds?: number;
}

export interface RakeTrimResult extends RakeResult {
  /** Rake → trim rounds performed. */
  readonly rounds: number;
  /** The absolute caps applied. */
  readonly lower: number;
  readonly upper: number;
  /** True when the final weights both meet every margin (`converged`) and lie within the caps (relative `tol`). */
  readonly capsMet: boolean;
}

/**
 * The "rake–trim" loop used for survey weights (e.g. the ANES weighting
 * procedure, DeBell & Krosnick 2009; Pew Research Center, "For weighting online
 * opt-in samples, what matters most?", 2018; Battaglia et al. 2009): rake, trim
 * the raked weights to the caps (`trimWeights`), rake again starting from the
 * trimmed weights, and repeat until the raked weights lie within the caps (to
 * relative `tol`) or `maxRounds` is reached. Caps given as a ratio to the mean
 * or a quantile are resolved from the first raked weights and then held fixed.
 * The final weights are raked, so margins hold whenever `converged`; `capsMet`
 * says whether the caps hold too.
 */
export function rakeTrim(input: RakeTrimInput): RakeTrimResult {
  const maxRounds = input.maxRounds ?? 50;
  const tol = input.tol ?? 1e-6;
  let result = rake(input);
  const { lower, upper } = resolveTrimCaps(result.weights, input.trim);
  const within = (w: Float64Array) => {
    for (let i = 0; i < w.length; i++) if (w[i] > upper * (1 + tol) || w[i] < lower * (1 - tol)) return false;
    return true;
  };
  let rounds = 0;
  while (!within(result.weights) && rounds < maxRounds) {
    rounds++;
    const trimmed = trimWeights(result.weights, { ...input.trim, upper, lower, upperRatio: undefined, upperQuantile: undefined });
    result = rake({ ...input, baseWeights: trimmed.weights });
  }
  return { ...result, rounds, lower, upper, capsMet: result.converged && within(result.weights) };
}
