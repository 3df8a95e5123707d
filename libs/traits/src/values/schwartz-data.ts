import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { BIG_FIVE_TRAITS } from '../big-five/big-five-traits.js';
import { readIncreasing, readJsonFile, readNamedNumbers, readNumber, readNumbers, readObject } from '../big-five/json-fields.js';
import { SCHWARTZ_VALUES } from './schwartz-values.js';

/** data/traits/schwartz.json (see its `$doc` fields and data/README.md). */
export const schwartzDataPath = new URL('../../../../data/traits/schwartz.json', import.meta.url);

/** The validated contents of schwartz.json; value arrays in {@link SCHWARTZ_VALUES} order. */
export interface SchwartzData {
  readonly file: string;
  /** Angle of each value on the circle, radians. */
  readonly angles: Float64Array;
  /** Weight of the cosine term of the circulant intercorrelation model. */
  readonly kappa: number;
  /** Published trait–value correlations, 5×10 row-major (trait-major); NaN where not published. */
  readonly published: Float64Array;
  readonly jointCorrection: 'none' | 'higham2002';
  readonly minEigenvalue: number;
  /** Ages of the knots of the age trajectory (years, increasing). */
  readonly ageKnots: Float64Array;
  /** Mean of each value at each knot, SD units, value-major: value v at knot k is `ageMeans[v * ageKnots.length + k]`. */
  readonly ageMeans: Float64Array;
  /** Female − male difference, SD units. */
  readonly sexD: Float64Array;
}

/** Validates the parsed schwartz.json; every problem is an `InputError` naming file and field. */
export function parseSchwartzData(json: unknown, file: string): SchwartzData {
  const root = readObject(json, file, '(root)');
  const list = root.values;
  if (!Array.isArray(list) || list.length !== 10) throw new InputError(message.expectedArray(10, list), { file, field: 'values' });
  const angles = new Float64Array(10);
  list.forEach((entry, i) => {
    const object = readObject(entry, file, `values[${i}]`);
    if (object.name !== SCHWARTZ_VALUES[i]) {
      throw new InputError(message.unknownName(String(object.name), [SCHWARTZ_VALUES[i]!]), { file, field: `values[${i}].name` });
    }
    angles[i] = (readNumber(object.angleDegrees, file, `values[${i}].angleDegrees`) * Math.PI) / 180;
  });
  const kappa = readNumber(readObject(root.intercorrelation, file, 'intercorrelation').kappa, file, 'intercorrelation.kappa');
  if (!(kappa >= 0 && kappa < 1)) throw new InputError(message.expectedNumber(kappa), { file, field: 'intercorrelation.kappa' });
  const published = new Float64Array(50).fill(NaN);
  const pub = readObject(readObject(root.bigFiveCorrelations, file, 'bigFiveCorrelations').published, file, 'bigFiveCorrelations.published');
  for (const key of Object.keys(pub)) {
    if (!(BIG_FIVE_TRAITS as readonly string[]).includes(key)) {
      throw new InputError(message.unknownName(key, BIG_FIVE_TRAITS), { file, field: `bigFiveCorrelations.published.${key}` });
    }
  }
  BIG_FIVE_TRAITS.forEach((trait, t) => {
    const field = `bigFiveCorrelations.published.${trait}`;
    const row = readObject(pub[trait] ?? {}, file, field);
    for (const [name, value] of Object.entries(row)) {
      const v = (SCHWARTZ_VALUES as readonly string[]).indexOf(name);
      if (v < 0) throw new InputError(message.unknownName(name, SCHWARTZ_VALUES), { file, field: `${field}.${name}` });
      const r = readNumber(value, file, `${field}.${name}`);
      if (Math.abs(r) > 1) throw new InputError(message.correlationOutOfRange(t, v, r), { file, field: `${field}.${name}` });
      published[t * 10 + v] = r;
    }
  });
  const correction = readObject(root.jointCorrection, file, 'jointCorrection');
  if (correction.method !== 'none' && correction.method !== 'higham2002') {
    throw new InputError(message.unknownCorrection(correction.method), { file, field: 'jointCorrection.method' });
  }
  const minEigenvalue = readNumber(correction.minEigenvalue, file, 'jointCorrection.minEigenvalue');
  const { ageKnots, ageMeans } = readAgeTrajectory(readObject(root.ageTrajectory, file, 'ageTrajectory'), file);
  const sexD = readSexDifferences(readObject(root.sexDifferences, file, 'sexDifferences'), file);
  return {
    file,
    angles,
    kappa,
    published,
    jointCorrection: correction.method,
    minEigenvalue,
    ageKnots,
    ageMeans,
    sexD,
  };
}

function readCentre(value: unknown, file: string, field: string): boolean {
  if (typeof value !== 'boolean') throw new InputError(message.expectedBoolean(value), { file, field });
  return value;
}

/** Mean over the ten values of group g, when the rows are value-major with `k` groups. */
function groupMean(rows: Float64Array, k: number, g: number): number {
  let sum = 0;
  for (let v = 0; v < 10; v++) sum += rows[v * k + g]!;
  return sum / 10;
}

/**
 * `ageTrajectory`: published group means (z-scores) per value and one knot age per group.
 * With `centre`, each group's mean over the ten values is subtracted from its ten means
 * (group-level scale-use centring, see the field's `$doc`).
 */
function readAgeTrajectory(age: Record<string, unknown>, file: string): { ageKnots: Float64Array; ageMeans: Float64Array } {
  const ageKnots = readIncreasing(age.ages, file, 'ageTrajectory.ages');
  const k = ageKnots.length;
  const centre = readCentre(age.centre, file, 'ageTrajectory.centre');
  const means = readObject(age.groupMeans, file, 'ageTrajectory.groupMeans');
  for (const key of Object.keys(means)) {
    if (!(SCHWARTZ_VALUES as readonly string[]).includes(key)) {
      throw new InputError(message.unknownName(key, SCHWARTZ_VALUES), { file, field: `ageTrajectory.groupMeans.${key}` });
    }
  }
  const ageMeans = new Float64Array(10 * k);
  SCHWARTZ_VALUES.forEach((name, v) => {
    if (!(name in means)) throw new InputError(message.missingName(name), { file, field: 'ageTrajectory.groupMeans' });
    ageMeans.set(readNumbers(means[name], k, file, `ageTrajectory.groupMeans.${name}`), v * k);
  });
  if (centre) {
    for (let g = 0; g < k; g++) {
      const m = groupMean(ageMeans, k, g);
      for (let v = 0; v < 10; v++) ageMeans[v * k + g]! -= m;
    }
  }
  return { ageKnots, ageMeans };
}

/** `sexDifferences`: d_v = female − male group mean per value, each sex centred over the values when `centre`. */
function readSexDifferences(sex: Record<string, unknown>, file: string): Float64Array {
  const centre = readCentre(sex.centre, file, 'sexDifferences.centre');
  const means = readObject(sex.groupMeans, file, 'sexDifferences.groupMeans');
  const female = readNamedNumbers(means.female, SCHWARTZ_VALUES, file, 'sexDifferences.groupMeans.female');
  const male = readNamedNumbers(means.male, SCHWARTZ_VALUES, file, 'sexDifferences.groupMeans.male');
  const shift = centre ? groupMean(female, 1, 0) - groupMean(male, 1, 0) : 0;
  return female.map((f, v) => f - male[v]! - shift);
}

/** Reads and validates schwartz.json (default: the embedded data/traits/schwartz.json). */
export function loadSchwartzData(path: string | URL = schwartzDataPath): SchwartzData {
  const { json, file } = readJsonFile(path);
  return parseSchwartzData(json, file);
}
