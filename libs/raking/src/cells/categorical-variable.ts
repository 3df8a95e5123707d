import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * A categorical variable of the sample, one value per row: either the raw
 * string values (as read from a CSV: `"01"` and `"1"` are different
 * categories), or integer codes into `levels`.
 */
export interface CategoricalVariable {
  readonly name: string;
  /** Row values as strings, or codes (0-based indices into `levels`). */
  readonly values: ArrayLike<string> | Int32Array;
  /** Required with coded `values`: the category of each code. Ignored for string values. */
  readonly levels?: readonly string[];
}

/** A variable as integer codes: `codes[row]` indexes `levels`. */
export interface EncodedVariable {
  readonly name: string;
  readonly levels: readonly string[];
  readonly codes: Int32Array;
}

/**
 * Encodes a variable's values as integer codes. String values get levels in
 * order of first appearance; coded values are checked against their levels.
 * @throws {InputError} when a coded value is outside `[0, levels.length)` or the column has the wrong length.
 */
export function encodeVariable(variable: CategoricalVariable, nRows: number): EncodedVariable {
  const { name, values } = variable;
  if (values.length !== nRows) throw new InputError(message.columnLength(name, values.length, nRows), { field: name });
  if (values instanceof Int32Array) {
    const levels = variable.levels ?? [];
    const n = levels.length;
    for (let i = 0; i < nRows; i++) {
      const c = values[i];
      if (c < 0 || c >= n) throw new InputError(message.codeOutOfRange(name, i, c, n), { field: name, index: i });
    }
    return { name, levels, codes: values };
  }
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const v = String(values[i]);
    let c = index.get(v);
    if (c === undefined) {
      c = levels.length;
      index.set(v, c);
      levels.push(v);
    }
    codes[i] = c;
  }
  return { name, levels, codes };
}
