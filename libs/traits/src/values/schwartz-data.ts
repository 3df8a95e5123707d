import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { BIG_FIVE_TRAITS } from '../big-five/big-five-traits.js';
import {
  arrayAt,
  booleanAt,
  displayPath,
  knotsAt,
  namedAt,
  namedNumbersAt,
  numberAt,
  numbersAt,
  objectAt,
  positiveIntegerAt,
  positiveNumberAt,
  readJsonFile,
  stringAt,
} from '../survey-tables/read-json.js';
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
  /**
   * Eigenvalue floor δ of the correction, in (0, 1) here; personalityModel
   * further requires δ < λ_min of the Big Five correlation matrix.
   */
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
  const root = objectAt(json, file, '(root)');
  const list = root.values;
  if (!Array.isArray(list) || list.length !== 10) throw new InputError(message.expectedArray(10, list), { file, field: 'values' });
  const angles = new Float64Array(10);
  list.forEach((entry, i) => {
    const object = objectAt(entry, file, `values[${i}]`);
    if (object.name !== SCHWARTZ_VALUES[i]) {
      throw new InputError(message.unknownName(String(object.name), [SCHWARTZ_VALUES[i]!]), { file, field: `values[${i}].name` });
    }
    angles[i] = (numberAt(object.angleDegrees, file, `values[${i}].angleDegrees`) * Math.PI) / 180;
  });
  const kappa = numberAt(objectAt(root.intercorrelation, file, 'intercorrelation').kappa, file, 'intercorrelation.kappa');
  if (!(kappa >= 0 && kappa < 1)) throw new InputError(message.kappaRange(kappa), { file, field: 'intercorrelation.kappa' });
  const published = new Float64Array(50).fill(NaN);
  const pub = objectAt(objectAt(root.bigFiveCorrelations, file, 'bigFiveCorrelations').published, file, 'bigFiveCorrelations.published');
  for (const key of Object.keys(pub)) {
    if (!(BIG_FIVE_TRAITS as readonly string[]).includes(key)) {
      throw new InputError(message.unknownName(key, BIG_FIVE_TRAITS), { file, field: `bigFiveCorrelations.published.${key}` });
    }
  }
  BIG_FIVE_TRAITS.forEach((trait, t) => {
    const field = `bigFiveCorrelations.published.${trait}`;
    const row = objectAt(pub[trait] ?? {}, file, field);
    for (const [name, value] of Object.entries(row)) {
      const v = (SCHWARTZ_VALUES as readonly string[]).indexOf(name);
      if (v < 0) throw new InputError(message.unknownName(name, SCHWARTZ_VALUES), { file, field: `${field}.${name}` });
      const r = numberAt(value, file, `${field}.${name}`);
      if (Math.abs(r) > 1) throw new InputError(message.correlationOutOfRange(t, v, r), { file, field: `${field}.${name}` });
      published[t * 10 + v] = r;
    }
  });
  const correction = objectAt(root.jointCorrection, file, 'jointCorrection');
  if (correction.method !== 'none' && correction.method !== 'higham2002') {
    throw new InputError(message.unknownCorrection(correction.method), { file, field: 'jointCorrection.method' });
  }
  const minEigenvalue = numberAt(correction.minEigenvalue, file, 'jointCorrection.minEigenvalue');
  if (!(minEigenvalue > 0 && minEigenvalue < 1)) {
    throw new InputError(message.minEigenvalueRange(minEigenvalue), { file, field: 'jointCorrection.minEigenvalue' });
  }
  const { ageKnots, ageMeans } = readAgeTrajectory(objectAt(root.ageTrajectory, file, 'ageTrajectory'), file);
  const sexD = readSexDifferences(objectAt(root.sexDifferences, file, 'sexDifferences'), file);
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
  const groups = arrayAt(age.groups, file, 'ageTrajectory.groups');
  groups.forEach((group, g) => stringAt(group, file, `ageTrajectory.groups[${g}]`));
  const k = groups.length;
  const ageKnots = knotsAt(age.ages, file, 'ageTrajectory.ages');
  if (ageKnots.length !== k) throw new InputError(message.expectedArray(k, age.ages), { file, field: 'ageTrajectory.ages' });
  arrayAt(age.n, file, 'ageTrajectory.n', k).forEach((n, g) => positiveIntegerAt(n, file, `ageTrajectory.n[${g}]`));
  namedAt(age.groupSDs, SCHWARTZ_VALUES, file, 'ageTrajectory.groupSDs', (row, field) =>
    arrayAt(row, file, field, k).forEach((sd, g) => positiveNumberAt(sd, file, `${field}[${g}]`)),
  );
  const centre = booleanAt(age.centre, file, 'ageTrajectory.centre');
  const ageMeans = new Float64Array(10 * k);
  namedAt(age.groupMeans, SCHWARTZ_VALUES, file, 'ageTrajectory.groupMeans', (row, field) => numbersAt(row, k, file, field)).forEach(
    (row, v) => ageMeans.set(row, v * k),
  );
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
  const centre = booleanAt(sex.centre, file, 'sexDifferences.centre');
  namedAt(sex.n, SEXES, file, 'sexDifferences.n', (n, field) => positiveIntegerAt(n, file, field));
  namedAt(sex.groupSDs, SEXES, file, 'sexDifferences.groupSDs', (sds, field) =>
    namedAt(sds, SCHWARTZ_VALUES, file, field, (sd, at) => positiveNumberAt(sd, file, at)),
  );
  const means = objectAt(sex.groupMeans, file, 'sexDifferences.groupMeans');
  const female = namedNumbersAt(means.female, SCHWARTZ_VALUES, file, 'sexDifferences.groupMeans.female');
  const male = namedNumbersAt(means.male, SCHWARTZ_VALUES, file, 'sexDifferences.groupMeans.male');
  const shift = centre ? groupMean(female, 1, 0) - groupMean(male, 1, 0) : 0;
  return female.map((f, v) => f - male[v]! - shift);
}

const SEXES = ['female', 'male'] as const;

/** Reads and validates schwartz.json (default: the embedded data/traits/schwartz.json). */
export function loadSchwartzData(path: string | URL = schwartzDataPath): SchwartzData {
  return parseSchwartzData(readJsonFile(path), displayPath(path));
}
