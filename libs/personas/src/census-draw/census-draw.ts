import { InputError, type Rng } from '@persona/core';
import { balancedSample } from '@persona/raking';
import { message } from '../messages.js';
import type { CensusFrame } from './census-frame.js';

/** Options of {@link censusDraw}. */
export interface CensusDrawOptions {
  /** Number of personas (any positive integer; may exceed the frame's rows). */
  readonly n: number;
  /** Draw from persons 18 and over only (default false: all ages, as PERSONA). */
  readonly adultsOnly?: boolean;
}

/** A draw of census rows for n personas. */
export interface CensusDraw {
  /** Frame row of persona i (a row may appear more than once when n is large), in shuffled persona order. */
  readonly rows: Int32Array;
  /** Horvitz–Thompson weight of every persona: the eligible population total / n (see {@link censusDraw}). */
  readonly weight: number;
  /** Weighted total of the eligible frame rows (all persons, or persons 18+). */
  readonly populationTotal: number;
  /** Frame rows drawn `floor(n π)` times for certain, and the size of the balanced draw of the remainders. */
  readonly certain: number;
  readonly balancedDraws: number;
}

/**
 * Draws the census rows of `n` personas from the raked frame with
 * probability proportional to the raked weight, balanced on the frame's
 * balancing variables (the raking variables, disability and health
 * insurance). Row k's expected number of copies is e_k = n w_k / W (W the
 * eligible weighted total): it gets ⌊e_k⌋ copies for certain, and one more
 * with probability e_k − ⌊e_k⌋ by a balanced sample of size n − Σ⌊e_k⌋ on
 * the fractional parts (cube method, `balancedSample`, Deville & Tillé 2004).
 * This is the cube method applied to the fractional parts of a
 * probability-proportional-to-size design with replacement allowed only
 * where e_k > 1, so any n works (1,586 or 1,000,000 from 34,415 rows) and
 * every category's drawn count matches n × its weighted share to within the
 * landing's rounding. Every persona's Horvitz–Thompson weight is
 * w_k / e_k = W / n, the same for all: the file represents the population
 * unweighted, and the weight column scales counts to it.
 * Persona order is a seeded shuffle (`rng.split('order')`) so that the
 * first k personas are not one state.
 * @throws {InputError} for n not a positive integer or an empty eligible frame.
 */
export function censusDraw(frame: CensusFrame, options: CensusDrawOptions, rng: Rng): CensusDraw {
  const { n } = options;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new InputError(message.invalidCount(n), { field: '--n' });
  const size = frame.table.rowCount;
  const age = frame.table.int('AGEP').values;
  const weights = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) {
    const w = options.adultsOnly && age[k]! < 18 ? 0 : frame.weights[k]!;
    weights[k] = w;
    total += w;
  }
  if (!(total > 0)) throw new InputError(message.noEligibleRows());
  const copies = new Int32Array(size);
  const fractional: number[] = [];
  const units: number[] = [];
  let certain = 0;
  for (let k = 0; k < size; k++) {
    const expected = (n * weights[k]!) / total;
    const whole = Math.floor(expected);
    copies[k] = whole;
    certain += whole;
    const rest = expected - whole;
    if (rest > 1e-12) {
      units.push(k);
      fractional.push(rest);
    }
  }
  const remainder = n - certain;
  if (remainder > 0) {
    const columns: Record<string, Uint8Array> = {};
    for (const name of frame.balancingVariables) {
      const source = frame.codes[name]!;
      columns[name] = Uint8Array.from(units, (k) => source[k]!);
    }
    const drawn = balancedSample(columns, frame.balancingVariables, fractional, remainder, rng.split('balanced'));
    for (const i of drawn.sample) copies[units[i]!]! += 1;
  }
  const rows = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < size; k++) for (let c = 0; c < copies[k]!; c++) rows[at++] = k;
  if (at !== n) throw new Error(`census draw: ${at} rows drawn for ${n} personas`);
  const order = rng.split('order');
  for (let i = n - 1; i > 0; i--) {
    const j = order.int(i + 1);
    const tmp = rows[i]!;
    rows[i] = rows[j]!;
    rows[j] = tmp;
  }
  return { rows, weight: total / n, populationTotal: total, certain, balancedDraws: remainder };
}
