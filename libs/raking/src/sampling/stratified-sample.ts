import { InputError, type Rng } from '@persona/core';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { message } from '../messages.js';
import { populationColumn, type PopulationColumns } from './population-columns.js';
import { proportionalAllocation } from './proportional-allocation.js';
import { simpleRandomSample } from './simple-random-sample.js';
import { systematicSample } from './systematic-sample.js';
import { checkLength, checkSampleSize, checkWeights } from './validate.js';

export interface StratifiedOptions {
  /**
   * Design within each stratum: `'pps'` (default) systematic PPS on the weights in
   * random order, so a unit's overall inclusion probability is ≈ n w_i / Σw;
   * `'srs'` simple random sampling without replacement.
   */
  readonly within?: 'pps' | 'srs';
}

export interface StratifiedSample {
  /** Selected unit indices, ascending. */
  readonly sample: Int32Array;
  /** n_h per stratum (stratum values as strings, in first-seen order). */
  readonly allocation: ReadonlyMap<string, number>;
}

/**
 * Stratified sampling without replacement (Cochran 1977, *Sampling Techniques*,
 * ch. 5). `n` as a number allocates proportionally to the weighted stratum totals
 * with unbiased controlled rounding ({@link proportionalAllocation}); `n` as a
 * record gives n_h per stratum value (missing strata get 0).
 *
 * @throws InputError on an unknown stratum column or stratum value, a bad weight,
 *   a bad n or n_h, or n_h > N_h.
 */
export function stratifiedSample(
  columns: PopulationColumns,
  stratum: string,
  weights: ArrayLike<number>,
  n: number | Readonly<Record<string, number>>,
  rng: Rng,
  options: StratifiedOptions = {},
): StratifiedSample {
  const column = populationColumn(columns, stratum);
  checkWeights(weights);
  checkLength(column, weights.length, stratum);
  const members = new Map<string, number[]>();
  for (let i = 0; i < column.length; i++) {
    const key = String(column[i]);
    const list = members.get(key);
    if (list === undefined) members.set(key, [i]);
    else list.push(i);
  }
  const keys = [...members.keys()];
  const sizes = keys.map((k) => members.get(k)!.length);
  let counts: number[];
  if (typeof n === 'number') {
    checkSampleSize(n, weights.length, true);
    const totals = keys.map((k) => members.get(k)!.reduce((s, i) => s + weights[i]!, 0));
    counts = Array.from(proportionalAllocation(totals, sizes, n, rng));
  } else {
    for (const key of Object.keys(n)) {
      if (!members.has(key)) throw new InputError(message.stratumNotInPopulation(key), { field: stratum });
    }
    counts = keys.map((k, h) => {
      const nh = Object.hasOwn(n, k) ? n[k]! : 0;
      if (!Number.isInteger(nh) || nh < 0) throw new InputError(message.stratumSizeInvalid(k, nh), { field: stratum });
      if (nh > sizes[h]!) throw new InputError(message.stratumSizeExceeded(k, nh, sizes[h]!), { field: stratum });
      return nh;
    });
  }
  const chosen: number[] = [];
  keys.forEach((key, h) => {
    const nh = counts[h]!;
    if (nh === 0) return;
    const units = members.get(key)!;
    const local = options.within === 'srs'
      ? simpleRandomSample(units.length, nh, rng)
      : systematicSample(inclusionProbabilities(Float64Array.from(units, (i) => weights[i]!), nh), rng, { order: 'random' });
    for (const j of local) chosen.push(units[j]!);
  });
  return {
    sample: Int32Array.from(chosen).sort(),
    allocation: new Map(keys.map((k, h) => [k, counts[h]!])),
  };
}
