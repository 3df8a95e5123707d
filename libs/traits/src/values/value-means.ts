import { message } from '../messages.js';
import type { SchwartzData } from './schwartz-data.js';

/**
 * Expected value scores (SD units) of a person of `age` years and PUMS `sex`
 * (1 male, 2 female): μ_v = β_v · (clamp(age, minAge, maxAge) − referenceAge) / 10 ± d_v / 2
 * — linear age effects per decade (Robinson 2013 directions) and additive sex
 * differences (Schwartz & Rubel 2005 directions), parameters in schwartz.json.
 *
 * @throws RangeError for a negative or non-finite age, or a sex code other than 1 or 2.
 */
export function valueMeans(data: SchwartzData, age: number, sex: number, out: Float64Array = new Float64Array(10)): Float64Array {
  if (!(Number.isFinite(age) && age >= 0)) throw new RangeError(message.invalidAge(age));
  if (sex !== 1 && sex !== 2) throw new RangeError(message.invalidSex(sex));
  const decades = (Math.min(Math.max(age, data.minAge), data.maxAge) - data.referenceAge) / 10;
  const sign = sex === 2 ? 0.5 : -0.5;
  for (let v = 0; v < 10; v++) out[v] = data.perDecade[v]! * decades + sign * data.sexD[v]!;
  return out;
}
