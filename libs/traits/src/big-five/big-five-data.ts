import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { BIG_FIVE_TRAITS } from './big-five-traits.js';
import { cholesky } from './cholesky.js';
import {
  readCorrelationMatrix,
  readIncreasing,
  readJsonFile,
  readNamedNumbers,
  readNumbers,
  readObject,
} from './json-fields.js';

/** data/traits/big-five.json (see the `$doc` fields of that file and data/README.md). */
export const bigFiveDataPath = new URL('../../../../data/traits/big-five.json', import.meta.url);

/** The validated contents of big-five.json; arrays in {@link BIG_FIVE_TRAITS} order. */
export interface BigFiveData {
  readonly file: string;
  /** 5×5 inter-trait correlation matrix, row-major. */
  readonly correlation: Float64Array;
  /** Female − male mean difference per trait, in SD units (Cohen's d). */
  readonly sexD: Float64Array;
  /** Age knots (years) of the age trajectory. */
  readonly ageKnots: Float64Array;
  /** Mean per trait at each knot, SD units of the population: row t holds trait t's knots. */
  readonly ageMeans: Float64Array;
  /** The four cut points of the five levels, SD units. */
  readonly levelCuts: Float64Array;
}

/**
 * Validates the parsed big-five.json. Every problem is an `InputError`
 * naming the file and field; a correlation matrix that is not positive
 * definite is rejected with `message.notPositiveDefinite`.
 */
export function parseBigFiveData(json: unknown, file: string): BigFiveData {
  const root = readObject(json, file, '(root)');
  const corr = readObject(root.correlation, file, 'correlation');
  const correlation = readCorrelationMatrix(corr.matrix, 5, file, 'correlation.matrix');
  try {
    cholesky(correlation, 5);
  } catch (error) {
    throw new InputError((error as Error).message, { file, field: 'correlation.matrix' });
  }
  const sexD = readNamedNumbers(readObject(root.sexDifferences, file, 'sexDifferences').d, BIG_FIVE_TRAITS, file, 'sexDifferences.d');
  const age = readObject(root.ageTrajectory, file, 'ageTrajectory');
  const ageKnots = readIncreasing(age.ages, file, 'ageTrajectory.ages');
  const means = readObject(age.means, file, 'ageTrajectory.means');
  const ageMeans = new Float64Array(5 * ageKnots.length);
  BIG_FIVE_TRAITS.forEach((trait, t) => {
    if (!(trait in means)) throw new InputError(message.missingName(trait), { file, field: 'ageTrajectory.means' });
    ageMeans.set(readNumbers(means[trait], ageKnots.length, file, `ageTrajectory.means.${trait}`), t * ageKnots.length);
  });
  for (const key of Object.keys(means)) {
    if (!(BIG_FIVE_TRAITS as readonly string[]).includes(key)) {
      throw new InputError(message.unknownName(key, BIG_FIVE_TRAITS), { file, field: `ageTrajectory.means.${key}` });
    }
  }
  const levelCuts = readNumbers(readObject(root.levels, file, 'levels').cuts, 4, file, 'levels.cuts');
  for (let i = 1; i < 4; i++) {
    if (!(levelCuts[i]! > levelCuts[i - 1]!)) throw new InputError(message.cutsNotIncreasing([...levelCuts]), { file, field: 'levels.cuts' });
  }
  return { file, correlation, sexD, ageKnots, ageMeans, levelCuts };
}

/** Reads and validates big-five.json (default: the embedded data/traits/big-five.json). */
export function loadBigFiveData(path: string | URL = bigFiveDataPath): BigFiveData {
  const { json, file } = readJsonFile(path);
  return parseBigFiveData(json, file);
}
