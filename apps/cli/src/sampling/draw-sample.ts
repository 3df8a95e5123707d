import { InputError, type Rng } from '@persona/core';
import {
  balancedSample,
  sampleWithReplacement,
  simpleRandomSample,
  stratifiedSample,
  systematicPpsSample,
  type MarginBalance,
  type SampleColumns,
} from '@persona/raking';
import { message } from '../messages.js';
import type { SampleTable } from '../inputs/sample-table.js';

/** The designs of `persona sample --method`. */
export const SAMPLING_METHODS = ['balanced', 'pps', 'srs', 'with-replacement', 'stratified'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

export interface DrawOptions {
  readonly method: SamplingMethod;
  readonly n: number;
  /** Probability weights of the population rows (raked weights, a weight column, or 1s): finite, ≥ 0, some > 0. */
  readonly weights: Float64Array;
  /** What the weights are, for messages: the weight column, or "raked weights". */
  readonly weightsName: string;
  /** Balancing variables (`balanced`). */
  readonly balance?: readonly string[];
  /** Stratum column (`stratified`). */
  readonly strata?: string;
}

export interface Draw {
  /** Selected row indices: ascending for the without-replacement designs, in draw order (repeats possible) for `with-replacement`. */
  readonly rows: Int32Array;
  /** Balanced design: variable → category → expected and drawn counts. */
  readonly balance?: Readonly<Record<string, Readonly<Record<string, MarginBalance>>>>;
  /** Stratified design: rows drawn per stratum. */
  readonly allocation?: Readonly<Record<string, number>>;
  /** Rows with a positive weight: the frame every design draws from. */
  readonly eligibleRows: number;
}

/**
 * Draws `n` rows of a weighted population with one of the designs of
 * `@persona/raking`: `balanced` (cube method balanced on categorical margins,
 * Deville & Tillé 2004, π ∝ weight), `pps` (randomised systematic PPS, Goodman &
 * Kish 1950), `srs` (simple random sampling without replacement; equal
 * probabilities), `with-replacement` (alias method, P ∝ weight at each draw),
 * `stratified` (proportional allocation to weighted stratum totals, PPS within).
 * Rows of weight 0 (a zero target, a zero base weight) have selection
 * probability 0 in every design, `srs` included: the designs draw from the rows
 * of positive weight, and the indices are mapped back to population rows.
 * @throws {InputError} for a missing --strata/--balance, an unknown column, `n` out of range, or fewer
 *   than `n` rows of positive weight for a design without replacement (naming the file, the weights and the count).
 */
export function drawSample(population: SampleTable, options: DrawOptions, rng: Rng): Draw {
  const { n, weights } = options;
  const size = population.nRows;
  if (options.method !== 'with-replacement' && n > size) throw new InputError(message.sampleTooLarge(n, size), { field: '--n' });
  const eligible: number[] = [];
  for (let i = 0; i < size; i++) if (weights[i] > 0) eligible.push(i);
  const m = eligible.length;
  if (options.method !== 'with-replacement' && n > m) {
    throw new InputError(message.tooFewPositiveWeights(n, m, size), { file: population.source, field: options.weightsName });
  }
  const all = m === size;
  const frameWeights = all ? weights : Float64Array.from(eligible, (i) => weights[i]);
  const frame: SampleColumns = {
    names: population.names,
    nRows: m,
    has: (name) => population.has(name),
    column: (name) => {
      const values = population.column(name);
      return all ? values : eligible.map((i) => values[i]);
    },
  };
  const drawn = drawFromFrame(frame, frameWeights, options, rng);
  const rows = all ? drawn.rows : Int32Array.from(drawn.rows, (k) => eligible[k]);
  return { ...drawn, rows, eligibleRows: m };
}

/** The design of `options.method` on the frame of rows with positive weight; rows are frame indices. */
function drawFromFrame(frame: SampleColumns, weights: Float64Array, options: DrawOptions, rng: Rng): Omit<Draw, 'eligibleRows'> {
  const { n } = options;
  switch (options.method) {
    case 'balanced': {
      const variables = options.balance ?? [];
      if (variables.length === 0) throw new InputError(message.balanceRequired(), { field: '--balance' });
      const drawn = balancedSample(frame, variables, weights, n, rng);
      return { rows: drawn.sample, balance: drawn.balance };
    }
    case 'pps':
      return { rows: systematicPpsSample(weights, n, rng, { order: 'random' }) };
    case 'srs':
      return { rows: simpleRandomSample(frame.nRows, n, rng) };
    case 'with-replacement':
      return { rows: sampleWithReplacement(weights, n, rng) };
    case 'stratified': {
      if (options.strata === undefined) throw new InputError(message.strataRequired(), { field: '--strata' });
      const drawn = stratifiedSample(frame, options.strata, weights, n, rng);
      return { rows: drawn.sample, allocation: Object.fromEntries(drawn.allocation) };
    }
  }
}
