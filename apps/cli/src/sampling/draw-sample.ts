import { InputError, type Rng } from '@persona/core';
import {
  balancedSample,
  sampleWithReplacement,
  simpleRandomSample,
  stratifiedSample,
  systematicPpsSample,
  type MarginBalance,
  type PopulationColumns,
} from '@persona/raking';
import { message } from '../messages.js';
import type { SampleTable } from '../inputs/sample-table.js';

/** The designs of `persona sample --method`. */
export const SAMPLING_METHODS = ['balanced', 'pps', 'srs', 'with-replacement', 'stratified'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

export interface DrawOptions {
  readonly method: SamplingMethod;
  readonly n: number;
  /** Probability weights of the population rows (raked weights, a weight column, or 1s). */
  readonly weights: Float64Array;
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
}

/**
 * Draws `n` rows of a weighted population with one of the designs of
 * `@persona/raking`: `balanced` (cube method balanced on categorical margins,
 * Deville & Tillé 2004, π ∝ weight), `pps` (randomised systematic PPS, Goodman &
 * Kish 1950), `srs` (simple random sampling without replacement; ignores the
 * weights), `with-replacement` (alias method, P ∝ weight at each draw),
 * `stratified` (proportional allocation to weighted stratum totals, PPS within).
 * @throws {InputError} for a missing --strata/--balance, an unknown column, or `n` out of range.
 */
export function drawSample(population: SampleTable, options: DrawOptions, rng: Rng): Draw {
  const { n, weights } = options;
  const size = population.nRows;
  if (options.method !== 'with-replacement' && n > size) throw new InputError(message.sampleTooLarge(n, size), { field: '--n' });
  const columns = (names: readonly string[]): PopulationColumns => Object.fromEntries(names.map((name) => [name, population.column(name)]));
  switch (options.method) {
    case 'balanced': {
      const variables = options.balance ?? [];
      if (variables.length === 0) throw new InputError(message.balanceRequired(), { field: '--balance' });
      const drawn = balancedSample(columns(variables), variables, weights, n, rng);
      return { rows: drawn.sample, balance: drawn.balance };
    }
    case 'pps':
      return { rows: systematicPpsSample(weights, n, rng, { order: 'random' }) };
    case 'srs':
      return { rows: simpleRandomSample(size, n, rng) };
    case 'with-replacement':
      return { rows: sampleWithReplacement(weights, n, rng) };
    case 'stratified': {
      if (options.strata === undefined) throw new InputError(message.strataRequired(), { field: '--strata' });
      const drawn = stratifiedSample(columns([options.strata]), options.strata, weights, n, rng);
      return { rows: drawn.sample, allocation: Object.fromEntries(drawn.allocation) };
    }
  }
}
