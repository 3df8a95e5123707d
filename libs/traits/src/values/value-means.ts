import { message } from '../messages.js';
import { piecewiseLinear } from '../big-five/piecewise-linear.js';
import type { SchwartzData } from './schwartz-data.js';

/**
 * Expected value scores (SD units) of a person of `age` years and PUMS `sex`
 * (1 male, 2 female): μ_v = a_v(age) ± d_v / 2, where a_v is the piecewise-linear
 * age trajectory through the (centred) age-group means of schwartz.json (PPBS 2016,
 * U.S. adults; constant outside the first and last knot) and d_v the female − male
 * difference (women +d/2, men −d/2). Additive age and sex effects are the model.
 *
 * @throws RangeError for a negative or non-finite age, or a sex code other than 1 or 2.
 */
export function valueMeans(data: SchwartzData, age: number, sex: number, out: Float64Array = new Float64Array(10)): Float64Array {
  if (!(Number.isFinite(age) && age >= 0)) throw new RangeError(message.invalidAge(age));
  if (sex !== 1 && sex !== 2) throw new RangeError(message.invalidSex(sex));
  const k = data.ageKnots.length;
  const sign = sex === 2 ? 0.5 : -0.5;
  for (let v = 0; v < 10; v++) out[v] = piecewiseLinear(data.ageKnots, data.ageMeans, age, v * k) + sign * data.sexD[v]!;
  return out;
}
