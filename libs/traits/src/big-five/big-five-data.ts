import { InputError } from '@persona/core';
import { message } from '../messages.js';
import {
  correlationMatrixAt,
  displayPath,
  fixedListAt,
  knotsAt,
  namedAt,
  namedNumbersAt,
  numbersAt,
  objectAt,
  readJsonFile,
} from '../survey-tables/read-json.js';
import { BIG_FIVE_LEVELS } from './big-five-levels.js';
import { BIG_FIVE_TRAITS } from './big-five-traits.js';
import { cholesky } from './cholesky.js';

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
  /** Mean per trait at each knot, SD units (see big-five.json `ageTrajectory`): row t holds trait t's knots. */
  readonly ageMeans: Float64Array;
  /** The four cut points of the five levels, SD units. */
  readonly levelCuts: Float64Array;
}

/**
 * Validates the parsed big-five.json. Every problem is an `InputError`
 * naming the file and field: `traits` must be {@link BIG_FIVE_TRAITS} in that
 * order (every array of the file is read in it) and `levels.labels`, when
 * given, {@link BIG_FIVE_LEVELS}; a correlation matrix that is not positive
 * definite is rejected with `message.notPositiveDefinite`.
 */
export function parseBigFiveData(json: unknown, file: string): BigFiveData {
  const root = objectAt(json, file, '(root)');
  fixedListAt(root.traits, BIG_FIVE_TRAITS, file, 'traits');
  const corr = objectAt(root.correlation, file, 'correlation');
  const correlation = correlationMatrixAt(corr.matrix, 5, file, 'correlation.matrix');
  try {
    cholesky(correlation, 5);
  } catch (error) {
    throw new InputError((error as Error).message, { file, field: 'correlation.matrix' });
  }
  const sexD = namedNumbersAt(objectAt(root.sexDifferences, file, 'sexDifferences').d, BIG_FIVE_TRAITS, file, 'sexDifferences.d');
  const age = objectAt(root.ageTrajectory, file, 'ageTrajectory');
  const ageKnots = knotsAt(age.ages, file, 'ageTrajectory.ages');
  const k = ageKnots.length;
  const ageMeans = new Float64Array(5 * k);
  namedAt(age.means, BIG_FIVE_TRAITS, file, 'ageTrajectory.means', (row, field) => numbersAt(row, k, file, field)).forEach((row, t) =>
    ageMeans.set(row, t * k),
  );
  const levels = objectAt(root.levels, file, 'levels');
  if (levels.labels !== undefined) fixedListAt(levels.labels, BIG_FIVE_LEVELS, file, 'levels.labels');
  const levelCuts = numbersAt(levels.cuts, 4, file, 'levels.cuts');
  for (let i = 1; i < 4; i++) {
    if (!(levelCuts[i]! > levelCuts[i - 1]!)) throw new InputError(message.cutsNotIncreasing([...levelCuts]), { file, field: 'levels.cuts' });
  }
  return { file, correlation, sexD, ageKnots, ageMeans, levelCuts };
}

/** Reads and validates big-five.json (default: the embedded data/traits/big-five.json). */
export function loadBigFiveData(path: string | URL = bigFiveDataPath): BigFiveData {
  return parseBigFiveData(readJsonFile(path), displayPath(path));
}
