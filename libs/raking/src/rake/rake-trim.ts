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
  /** Weights outside the caps after the first raking (0: nothing was trimmed). */
  readonly trimmed: number;
  /** True when the final weights both meet every margin (`converged`) and lie within the caps (relative `tol`). */
  readonly capsMet: boolean;
}

/**
 * The "rake–trim" loop used for survey weights (e.g. the ANES weighting
 * procedure, DeBell & Krosnick 2009; Pew Research Center, "For weighting online
 * opt-in samples, what matters most?", 2018; Battaglia et al. 2009): rake, trim
 * the raked weights to the caps (`trimWeights`, as R's `survey::trimWeights`),
 * rake again starting from the trimmed weights, and repeat until the raked
 * weights lie within the caps (to relative `tol`) or `maxRounds` is reached.
 * Caps given as a ratio to the mean or a quantile are resolved from the first
 * raked weights and then held fixed. Rows whose raked weight is 0 (base weight
 * 0, or a category whose target is 0) are not units: they are neither trimmed
 * nor counted (raking would zero them again), and keep weight 0.
 * The final weights are raked, so margins hold whenever `converged`; `capsMet`
 * says whether the caps hold too.
 * @throws {InputError} as `rake`, and as `trimWeights` for caps no weighting of the raked total can meet.
 */
export function rakeTrim(input: RakeTrimInput): RakeTrimResult {
  const maxRounds = input.maxRounds ?? 50;
  const tol = input.tol ?? 1e-6;
  let result = rake(input);
  const units: number[] = [];
  for (let i = 0; i < result.weights.length; i++) if (result.weights[i] !== 0) units.push(i);
  const unitWeights = (w: Float64Array) => Float64Array.from(units, (i) => w[i]);
  const { lower, upper } = resolveTrimCaps(unitWeights(result.weights), input.trim);
  const outside = (w: Float64Array) => {
    let count = 0;
    for (const i of units) if (w[i] > upper * (1 + tol) || w[i] < lower * (1 - tol)) count++;
    return count;
  };
  const trimmed = outside(result.weights);
  let rounds = 0;
  while (outside(result.weights) > 0 && rounds < maxRounds) {
    rounds++;
    const caps = { ...input.trim, upper: Number.isFinite(upper) ? upper : undefined, lower, upperRatio: undefined, upperQuantile: undefined };
    const trimmedUnits = trimWeights(unitWeights(result.weights), caps).weights;
    const baseWeights = new Float64Array(result.weights.length);
    units.forEach((i, k) => (baseWeights[i] = trimmedUnits[k]));
    result = rake({ ...input, baseWeights });
  }
  return { ...result, rounds, lower, upper, trimmed, capsMet: result.converged && outside(result.weights) === 0 };
}
