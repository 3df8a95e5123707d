import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { BIG_FIVE_TRAITS } from '../big-five/big-five-traits.js';
import { readJsonFile, readNamedNumbers, readNumber, readObject } from '../big-five/json-fields.js';
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
  readonly referenceAge: number;
  readonly minAge: number;
  readonly maxAge: number;
  /** Mean change per decade of age, SD units. */
  readonly perDecade: Float64Array;
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
  const age = readObject(root.ageEffects, file, 'ageEffects');
  const sex = readObject(root.sexDifferences, file, 'sexDifferences');
  return {
    file,
    angles,
    kappa,
    published,
    jointCorrection: correction.method,
    minEigenvalue,
    referenceAge: readNumber(age.referenceAge, file, 'ageEffects.referenceAge'),
    minAge: readNumber(age.minAge, file, 'ageEffects.minAge'),
    maxAge: readNumber(age.maxAge, file, 'ageEffects.maxAge'),
    perDecade: readNamedNumbers(age.perDecade, SCHWARTZ_VALUES, file, 'ageEffects.perDecade'),
    sexD: readNamedNumbers(sex.d, SCHWARTZ_VALUES, file, 'sexDifferences.d'),
  };
}

/** Reads and validates schwartz.json (default: the embedded data/traits/schwartz.json). */
export function loadSchwartzData(path: string | URL = schwartzDataPath): SchwartzData {
  const { json, file } = readJsonFile(path);
  return parseSchwartzData(json, file);
}
