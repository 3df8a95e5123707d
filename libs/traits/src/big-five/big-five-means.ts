import { message } from '../messages.js';
import type { BigFiveData } from './big-five-data.js';
import { piecewiseLinear } from './piecewise-linear.js';

/**
 * Expected Big Five scores (SD units of the population metric) of a person
 * of `age` years and PUMS `sex` (1 male, 2 female):
 * μ_t = a_t(age) ± d_t / 2, where a_t is the piecewise-linear age trajectory
 * of big-five.json (constant outside its first and last knot) and d_t the
 * female − male difference in SD units (women +d/2, men −d/2, so the sexes
 * average to the age curve). Additive age and sex effects are the model; the
 * sources' age × sex interactions are not represented.
 *
 * @throws RangeError for a negative or non-finite age, or a sex code other than 1 or 2.
 */
export function bigFiveMeans(data: BigFiveData, age: number, sex: number, out: Float64Array = new Float64Array(5)): Float64Array {
  if (!(Number.isFinite(age) && age >= 0)) throw new RangeError(message.invalidAge(age));
  if (sex !== 1 && sex !== 2) throw new RangeError(message.invalidSex(sex));
  const k = data.ageKnots.length;
  const sign = sex === 2 ? 0.5 : -0.5;
  for (let t = 0; t < 5; t++) out[t] = piecewiseLinear(data.ageKnots, data.ageMeans, age, t * k) + sign * data.sexD[t]!;
  return out;
}
