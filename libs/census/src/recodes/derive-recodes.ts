import { InputError, rowLocation } from '@persona/core';
import { message } from '../messages.js';
import { PumsTable, type PumsColumn } from '../pums/pums-table.js';
import { applyRecodes, recodes } from './registry.js';

/**
 * The string columns of a sample (structurally `Table` of `@persona/core`,
 * and the CLI's sample tables), optionally backed by a typed PUMS table.
 */
export interface StringColumns {
  readonly source: string;
  readonly nRows: number;
  /** The file line of a row (`Table.lineOf`), also right after a quoted line break; undefined when rows have no lines. */
  lineOf(row: number): number | undefined;
  /** The typed PUMS table behind the strings (the embedded seed): recoded as is, without re-reading the strings. */
  readonly pums?: PumsTable;
  has(name: string): boolean;
  column(name: string): ArrayLike<string>;
}

/**
 * PUMS columns read as text: census_region reads STATE as text (zero padding
 * is part of the code); disability and health_insurance read SERIALNO (its
 * `HU`/`GQ` part tells households from group quarters).
 */
const TEXT_COLUMNS = new Set(['STATE', 'ST', 'SERIALNO']);

/** Category codes as strings, made once (recode codes are small integers, < 256). */
const CODE_TEXT = Array.from({ length: 256 }, (_, code) => String(code));

/**
 * For every requested variable that is not a column of the sample but is the
 * name of a census recode (`age_group`, `education`, `census_region`, … — the
 * keys of the embedded ACS margins), derives it from the PUMS columns the
 * recode reads (e.g. `education` from AGEP and SCHL, universes included) with
 * `applyRecodes`, as a string column of category codes. PUMS cells are read as
 * integer codes (1–9 digits, optional sign, surrounding spaces allowed; blank =
 * missing), except STATE (and ST), which `census_region` reads as text ("06"
 * and "6" are both California), and SERIALNO, which `disability` and
 * `health_insurance` read as text. Variables that are neither a column nor a
 * recode are left alone, so the caller's "not a column" error names them.
 * @returns derived column name → codes, in the order of `variables`.
 * @throws {InputError} when a recode's PUMS column is missing, a cell is not an
 *   integer code, or a cell is blank inside the recode's universe (naming file,
 *   line — or row index when lines are unknown — and column).
 * @example
 * deriveCensusRecodes(table, ['age_group', 'SEX']) // Map { 'age_group' → ['6', '13', …] } when AGEP is a column and age_group is not
 */
export function deriveCensusRecodes(sample: StringColumns, variables: readonly string[]): Map<string, string[]> {
  const wanted = variables.filter((name) => !sample.has(name) && Object.hasOwn(recodes, name));
  const out = new Map<string, string[]>();
  if (wanted.length === 0) return out;
  for (const name of wanted) {
    const missing = recodes[name].variables.filter((variable) => !sample.has(variable));
    if (missing.length > 0) throw new InputError(message.recodeNeedsColumns(name, missing), { file: sample.source, field: name });
  }
  let table = sample.pums;
  if (table === undefined) {
    const sources = [...new Set(wanted.flatMap((name) => recodes[name].variables))];
    table = new PumsTable(sample.nRows, new Map(sources.map((name) => [name, pumsColumn(sample, name)])), sample.source);
  }
  let codes: Record<string, Uint8Array>;
  try {
    codes = applyRecodes(table, wanted);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const row = error.location.index;
    throw new InputError(error.reason, {
      file: sample.source,
      ...(error.location.field !== undefined ? { field: error.location.field } : {}),
      ...(row !== undefined ? rowLocation(sample, row) : {}),
    });
  }
  for (const name of wanted) {
    const values = codes[name];
    const text = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) text[i] = CODE_TEXT[values[i]];
    out.set(name, text);
  }
  return out;
}

/** One PUMS column from its strings: text for STATE/ST/SERIALNO, else integer codes with a blank mask. */
function pumsColumn(sample: StringColumns, name: string): PumsColumn {
  const text = sample.column(name);
  const n = sample.nRows;
  if (TEXT_COLUMNS.has(name)) {
    const values = new Array<string>(n);
    for (let i = 0; i < n; i++) values[i] = text[i].trim();
    return { kind: 'text', values };
  }
  const values = new Int32Array(n);
  const blank = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const value = parseCode(text[i]);
    if (value === BLANK) blank[i] = 1;
    else if (value === NOT_A_CODE) {
      throw new InputError(message.notAnInteger(text[i]), {
        file: sample.source,
        field: name,
        ...rowLocation(sample, i),
      });
    } else values[i] = value;
  }
  return { kind: 'int', values, blank };
}

const BLANK = -0x80000000;
const NOT_A_CODE = 0x7fffffff;

/**
 * An integer code written as 1–9 digits (optional sign, surrounding spaces
 * allowed), read digit by digit — the regex `^[+-]?\d{1,9}$` without its cost
 * on millions of cells; BLANK for an empty or all-whitespace cell, NOT_A_CODE otherwise.
 */
function parseCode(cell: string): number {
  let start = 0;
  let end = cell.length;
  while (start < end && cell.charCodeAt(start) === 32) start++;
  while (end > start && cell.charCodeAt(end - 1) === 32) end--;
  if (start === end) return cell.trim() === '' ? BLANK : NOT_A_CODE;
  let sign = 1;
  const first = cell.charCodeAt(start);
  if (first === 45 || first === 43) {
    sign = first === 45 ? -1 : 1;
    start++;
  }
  if (end - start < 1 || end - start > 9) return cell.trim() === '' ? BLANK : NOT_A_CODE;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return cell.trim() === '' ? BLANK : NOT_A_CODE;
    value = value * 10 + digit;
  }
  return sign * value;
}
