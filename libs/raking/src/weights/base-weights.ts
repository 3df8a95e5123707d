import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { sampleRowLine, type InputSource } from '../margins/input-source.js';

/**
 * Checks base (design) weights and returns them as a Float64Array (the same
 * array when it already is one). A weight must be finite and ≥ 0; zero
 * weights are allowed (the row then keeps weight 0).
 * @throws {InputError} naming the 0-based row — and the 1-based file line
 *   (`source.lineOf`) when the caller knows it — for a negative, NaN
 *   or infinite weight, or when every weight is 0.
 */
export function checkBaseWeights(weights: ArrayLike<number>, nRows: number, source: InputSource = {}): Float64Array {
  const where = { file: source.sampleFile, field: source.weightField };
  if (weights.length !== nRows) throw new InputError(message.baseWeightsLength(weights.length, nRows), where);
  let positive = false;
  for (let i = 0; i < nRows; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Infinity) {
      throw new InputError(message.baseWeightInvalid(i, w), {
        ...where,
        ...sampleRowLine(source, i),
      });
    }
    if (w > 0) positive = true;
  }
  if (!positive) throw new InputError(message.baseWeightsAllZero(), where);
  return weights instanceof Float64Array ? weights : Float64Array.from(weights);
}

/**
 * Reads a weight column of strings (as from a CSV) into base weights: each
 * value must be a decimal number (JavaScript `Number` syntax, surrounding
 * spaces allowed), finite and ≥ 0. A blank is an error, never a silent 0.
 * @throws {InputError} naming the row (and line, with `source.lineOf`) and the value.
 */
export function parseBaseWeights(column: ArrayLike<string>, source: InputSource = {}): Float64Array {
  const n = column.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = column[i];
    const x = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!(x >= 0) || x === Infinity) {
      throw new InputError(message.baseWeightNotNumber(i, raw), {
        file: source.sampleFile,
        field: source.weightField,
        ...sampleRowLine(source, i),
      });
    }
    out[i] = x;
  }
  return checkBaseWeights(out, n, source);
}
