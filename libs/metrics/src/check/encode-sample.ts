import { InputError } from '@persona/core';
import { categoryHint, sampleRowLine, type InputSource } from '@persona/raking';
import { message } from '../messages.js';
import type { CheckColumns, CheckSample } from './check-types.js';

/** The sample's columns behind one interface, with its row count. */
export function sampleColumns(sample: CheckSample, firstVariable: string): CheckColumns {
  const cols = sample.columns;
  if (typeof (cols as CheckColumns).column === 'function') return cols as CheckColumns;
  const record = cols as Readonly<Record<string, ArrayLike<string>>>;
  const names = Object.keys(record);
  const first = Object.hasOwn(record, firstVariable) ? record[firstVariable] : names.length > 0 ? record[names[0]] : [];
  return {
    names,
    nRows: first.length,
    column: (name) => record[name],
    has: (name) => Object.hasOwn(record, name),
  };
}

/**
 * A column's values as codes into `levels` (category keys compared as strings).
 * @throws {InputError} for a column of the wrong length, or a value with no
 *   level — naming the row (line, with `source.lineOf`), the count of such
 *   rows, and a hint when only the spelling differs (`"01"` vs `"1"`).
 */
export function encodeColumn(
  name: string,
  values: ArrayLike<string>,
  nRows: number,
  levels: readonly string[],
  source: InputSource,
): Int32Array {
  if (values.length !== nRows) throw new InputError(message.columnLength(name, values.length, nRows), { file: source.sampleFile, field: name });
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = new Int32Array(nRows);
  let lastValue: string | undefined;
  let lastCode = -1;
  for (let i = 0; i < nRows; i++) {
    const v = values[i];
    if (v !== lastValue) {
      const c = index.get(String(v));
      if (c === undefined) throw unknownCategory(name, String(v), i, values, levels, source);
      lastValue = v;
      lastCode = c;
    }
    codes[i] = lastCode;
  }
  return codes;
}

function unknownCategory(
  name: string,
  value: string,
  row: number,
  values: ArrayLike<string>,
  levels: readonly string[],
  source: InputSource,
): InputError {
  let rows = 0;
  for (let i = 0; i < values.length; i++) if (String(values[i]) === value) rows++;
  return new InputError(message.categoryWithoutTarget(name, value, row, rows, levels, categoryHint(value, levels)), {
    file: source.sampleFile,
    field: name,
    ...sampleRowLine(source, row),
  });
}
