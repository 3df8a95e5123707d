import type { Rng } from '@persona/core';
import { message } from '../messages.js';
import { bigFiveMeans } from '../big-five/big-five-means.js';
import { attributeStream, personaRng, personaStream, TRAIT_STREAMS } from '../streams/persona-stream.js';
import type { PersonalityModel } from './personality-model.js';
import { valueMeans } from './value-means.js';

const D = 15;

/** One persona's scores: Big Five z-scores (BIG_FIVE_TRAITS order) and value scores (SCHWARTZ_VALUES order). */
export interface Personality {
  readonly bigFive: Float64Array;
  readonly values: Float64Array;
}

/** Scores of n personas, row-major: persona i's traits at [5i, 5i+5), values at [10i, 10i+10). */
export interface PersonalityBatch {
  readonly n: number;
  readonly bigFive: Float64Array;
  readonly values: Float64Array;
}

/**
 * A persona's Big Five scores only: μ_b(age, sex) + L₁₁·e, e = five standard
 * normals from the persona's `big5` stream (personaStream). Byte-identical to
 * the `bigFive` of {@link drawPersonality} for the same arguments.
 */
export function drawBigFive(
  model: PersonalityModel,
  seed: number | string,
  personaId: string | number,
  age: number,
  sex: number,
  out: Float64Array = new Float64Array(5),
): Float64Array {
  const e = new Float64Array(5);
  fill(personaStream(seed, personaId, TRAIT_STREAMS.bigFive), e);
  bigFiveMeans(model.bigFive, age, sex, out);
  const l = model.cholesky;
  for (let i = 0; i < 5; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[i * D + k]! * e[k]!;
    out[i] = out[i]! + s;
  }
  return out;
}

/**
 * A persona's Big Five and value scores, one joint multivariate-normal draw
 * conditional on age and sex (see {@link personalityModel}): z = μ(age, sex) + L·e,
 * e = five normals from the persona's `big5` stream then ten from its
 * `values` stream. Values are centred priorities in SD units (not ipsatized).
 *
 * The scores are written into `into` when given (its arrays reused, e.g.
 * by a caller that copies them out at once), else into new arrays.
 *
 * @throws RangeError for an invalid age or sex code (PUMS SEX: 1 male, 2 female), or `into` arrays of other lengths than 5 and 10.
 */
export function drawPersonality(
  model: PersonalityModel,
  seed: number | string,
  personaId: string | number,
  age: number,
  sex: number,
  into: Personality = { bigFive: new Float64Array(5), values: new Float64Array(10) },
): Personality {
  if (into.bigFive.length !== 5) throw new RangeError(message.lengthMismatch('bigFive', into.bigFive.length, 5));
  if (into.values.length !== 10) throw new RangeError(message.lengthMismatch('values', into.values.length, 10));
  drawInto(model, seed, personaId, age, sex, SCRATCH, into.bigFive, 0, into.values, 0);
  return into;
}

/**
 * {@link drawPersonality} for many personas into two flat Float64Arrays
 * (same numbers as drawing them one by one: each persona has its own streams).
 *
 * @throws RangeError when `ages`/`sexes` do not have one entry per id, or an entry is invalid.
 */
export function drawPersonalities(
  model: PersonalityModel,
  seed: number | string,
  personaIds: ArrayLike<string | number>,
  ages: ArrayLike<number>,
  sexes: ArrayLike<number>,
): PersonalityBatch {
  const n = personaIds.length;
  if (ages.length !== n) throw new RangeError(message.lengthMismatch('ages', ages.length, n));
  if (sexes.length !== n) throw new RangeError(message.lengthMismatch('sexes', sexes.length, n));
  const bigFive = new Float64Array(5 * n);
  const values = new Float64Array(10 * n);
  const scratch = new Scratch();
  for (let p = 0; p < n; p++) drawInto(model, seed, personaIds[p]!, ages[p]!, sexes[p]!, scratch, bigFive, 5 * p, values, 10 * p);
  return { n, bigFive, values };
}

function drawInto(
  model: PersonalityModel,
  seed: number | string,
  personaId: string | number,
  age: number,
  sex: number,
  scratch: Scratch,
  bigFive: Float64Array,
  bOffset: number,
  values: Float64Array,
  vOffset: number,
): void {
  const { e, traitMeans, valueMeans: vMeans } = scratch;
  bigFiveMeans(model.bigFive, age, sex, traitMeans);
  valueMeans(model.schwartz, age, sex, vMeans);
  const persona = personaRng(seed, personaId);
  fill(attributeStream(persona, TRAIT_STREAMS.bigFive), e, 0, 5);
  fill(attributeStream(persona, TRAIT_STREAMS.values), e, 5, D);
  const l = model.cholesky;
  for (let i = 0; i < D; i++) {
    let s = 0;
    const row = i * D;
    for (let k = 0; k <= i; k++) s += l[row + k]! * e[k]!;
    if (i < 5) bigFive[bOffset + i] = traitMeans[i]! + s;
    else values[vOffset + i - 5] = vMeans[i - 5]! + s;
  }
}

/** Work arrays reused across the personas of a batch. */
class Scratch {
  readonly e = new Float64Array(D);
  readonly traitMeans = new Float64Array(5);
  readonly valueMeans = new Float64Array(10);
}

/** The work arrays of single draws (drawing is synchronous, so one set serves every call). */
const SCRATCH = new Scratch();

function fill(rng: Rng, e: Float64Array, from = 0, to = e.length): void {
  for (let i = from; i < to; i++) e[i] = rng.normal();
}
