import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { quantileSorted } from './quantile.js';

/** Where to cap weights. Give at least one of the upper caps, or `lower`. */
export interface TrimCaps {
  /** Absolute upper cap. */
  readonly upper?: number;
  /** Upper cap as a multiple of the mean weight. */
  readonly upperRatio?: number;
  /** Upper cap at this quantile (R type 7) of the weights, in (0, 1]. */
  readonly upperQuantile?: number;
  /** Absolute lower bound (default none). */
  readonly lower?: number;
}

export interface TrimOptions extends TrimCaps {
  /**
   * How the trimmed excess goes back to the untrimmed weights: "additive"
   * (equal shares, as `survey::trimWeights`) or "proportional" (in proportion
   * to each weight, keeping their ratios). Default "additive".
   */
  readonly redistribute?: 'additive' | 'proportional';
  /** Repeat until no weight is outside the caps (`strict = TRUE` in R; default true). */
  readonly strict?: boolean;
  /** Most rounds when strict (default 1000). */
  readonly maxRounds?: number;
}

export interface TrimResult {
  readonly weights: Float64Array;
  /** The absolute caps applied. */
  readonly lower: number;
  readonly upper: number;
  /** Rounds of trimming performed (0 when nothing was outside). */
  readonly rounds: number;
  /** Number of weights outside the caps in the first round. */
  readonly trimmed: number;
  /** True when no weight is outside the caps at the end. */
  readonly stable: boolean;
}

/** Resolves the caps of `options` to absolute numbers for `weights`. */
export function resolveTrimCaps(weights: ArrayLike<number>, options: TrimCaps): { lower: number; upper: number } {
  const n = weights.length;
  if (n === 0) throw new InputError(message.emptyWeights());
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(weights[i])) throw new InputError(message.weightNotFinite(i, weights[i]), { index: i });
    sum += weights[i];
  }
  const caps: number[] = [];
  const positive = (name: string, x: number | undefined) => {
    if (x === undefined) return undefined;
    if (!(x > 0 && Number.isFinite(x))) throw new InputError(message.trimInvalidCap(name, x), { field: name });
    return x;
  };
  const upper = positive('upper', options.upper);
  if (upper !== undefined) caps.push(upper);
  const ratio = positive('upperRatio', options.upperRatio);
  if (ratio !== undefined) caps.push((ratio * sum) / n);
  if (options.upperQuantile !== undefined) {
    const p = options.upperQuantile;
    if (!(p > 0 && p <= 1)) throw new InputError(message.trimInvalidQuantile(p), { field: 'upperQuantile' });
    caps.push(quantileSorted(Float64Array.from(weights).sort(), p));
  }
  const lower = options.lower ?? -Infinity;
  if (Number.isNaN(lower)) throw new InputError(message.trimInvalidCap('lower', lower), { field: 'lower' });
  if (caps.length === 0 && options.lower === undefined) throw new InputError(message.trimNoCap());
  const cap = caps.length > 0 ? Math.min(...caps) : Infinity;
  if (n * cap < sum || n * lower > sum || lower > cap) throw new InputError(message.trimInfeasible(n, sum, lower, cap));
  return { lower, upper: cap };
}

/**
 * Weight trimming (R's `survey::trimWeights`; Potter 1990, "A study of procedures
 * to identify and trim extreme sampling weights"): weights above the upper cap
 * (or below the lower bound) are set to it and the difference is redistributed
 * over the weights that were inside, so the total is unchanged. With
 * `redistribute: "additive"` each inside weight gets an equal share, exactly as
 * `trimWeights` does; "proportional" scales them by a common factor. When
 * `strict` (default), the step repeats until no weight is outside — a weight
 * already at the cap counts as inside in later rounds, as in R's
 * `trimWeights(..., strict = TRUE)`. With "proportional", weights at a cap stay
 * there and only weights strictly inside receive the excess (so at most n rounds).
 * Caps are resolved once, from the input weights.
 * @throws {InputError} for no cap, an invalid cap, or caps that no weighting with this total can meet.
 */
export function trimWeights(weights: ArrayLike<number>, options: TrimOptions): TrimResult {
  const { lower, upper } = resolveTrimCaps(weights, options);
  const strict = options.strict ?? true;
  const maxRounds = strict ? (options.maxRounds ?? 1000) : 1;
  const proportional = options.redistribute === 'proportional';
  const w = Float64Array.from(weights);
  const n = w.length;
  let rounds = 0;
  let trimmed = 0;
  let stable = false;
  const outside = new Uint8Array(n);
  for (;;) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      outside[i] = w[i] < lower || w[i] > upper ? 1 : 0;
      count += outside[i];
    }
    if (rounds === 0) trimmed = count;
    if (count === 0) {
      stable = true;
      break;
    }
    if (rounds === maxRounds || count === n) break;
    let excess = 0;
    for (let i = 0; i < n; i++) {
      if (outside[i]) {
        const y = w[i] > upper ? upper : lower;
        excess += w[i] - y;
        w[i] = y;
      }
    }
    if (proportional) for (let i = 0; i < n; i++) outside[i] = w[i] <= lower || w[i] >= upper ? 1 : 0;
    spread(w, outside, excess, proportional);
    rounds++;
  }
  return { weights: w, lower, upper, rounds, trimmed, stable };
}

function spread(w: Float64Array, outside: Uint8Array, excess: number, proportional: boolean): void {
  const n = w.length;
  if (proportional) {
    let inside = 0;
    for (let i = 0; i < n; i++) if (!outside[i]) inside += w[i];
    const f = 1 + excess / inside;
    for (let i = 0; i < n; i++) if (!outside[i]) w[i] *= f;
  } else {
    let m = 0;
    for (let i = 0; i < n; i++) if (!outside[i]) m++;
    const share = excess / m;
    for (let i = 0; i < n; i++) if (!outside[i]) w[i] += share;
  }
}
