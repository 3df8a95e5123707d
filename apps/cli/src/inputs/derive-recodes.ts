import { InputError } from '@persona/core';
import { applyRecodes, PumsTable, recodes, type IntColumn } from '@persona/census';
import { message } from '../messages.js';
import type { SampleTable } from './sample-table.js';

/**
 * For every requested variable that is not a column of the sample but is the
 * name of a census recode (`age_group`, `education`, … — the keys of the
 * embedded ACS margins), derives it from the PUMS columns the recode reads
 * (e.g. `age_group` from AGEP) and adds it to the sample as a string column of
 * category codes. Variables that are neither stay missing, so the raking
 * library's "not a column of the sample" error names them.
 * @returns the names of the derived variables.
 * @throws {InputError} when a recode's PUMS column is missing, not an integer,
 *   or blank inside the recode's universe (naming file, row and column).
 */
export function deriveRecodes(sample: SampleTable, variables: readonly string[]): string[] {
  const wanted = variables.filter((name) => !sample.has(name) && Object.hasOwn(recodes, name));
  if (wanted.length === 0) return [];
  for (const name of wanted) {
    const missing = recodes[name].variables.filter((variable) => !sample.has(variable));
    if (missing.length > 0) throw new InputError(message.recodeNeedsColumns(name, missing), { file: sample.source, field: name });
  }
  const pums = sample.pums ?? pumsView(sample, [...new Set(wanted.flatMap((name) => recodes[name].variables))]);
  let codes: Record<string, Uint8Array>;
  try {
    codes = applyRecodes(pums, wanted);
  } catch (error) {
    if (error instanceof InputError) {
      const row = error.location.index;
      const line = row !== undefined && sample.lineOffset !== undefined ? row + sample.lineOffset : undefined;
      throw error.at({ file: sample.source, ...(line !== undefined ? { line } : {}) });
    }
    throw error;
  }
  for (const name of wanted) {
    const values = codes[name];
    const text = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) text[i] = String(values[i]);
    sample.addDerived(name, text);
  }
  return wanted;
}

/** The sample's `columns` as integer PUMS columns (blank cell → blank flag). */
function pumsView(sample: SampleTable, columns: readonly string[]): PumsTable {
  const typed = new Map<string, IntColumn>();
  for (const name of columns) {
    const text = sample.column(name);
    const values = new Int32Array(sample.nRows);
    const blank = new Uint8Array(sample.nRows);
    for (let i = 0; i < sample.nRows; i++) {
      const cell = text[i].trim();
      if (cell === '') {
        blank[i] = 1;
      } else if (/^[+-]?\d{1,9}$/.test(cell)) {
        values[i] = Number(cell);
      } else {
        throw new InputError(message.notAnInteger(text[i]), {
          file: sample.source,
          field: name,
          ...(sample.lineOffset !== undefined ? { line: i + sample.lineOffset } : { index: i }),
        });
      }
    }
    typed.set(name, { kind: 'int', values, blank });
  }
  return new PumsTable(sample.nRows, typed, sample.source);
}
