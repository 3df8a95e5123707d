import { InputError } from './input-error.js';
import { message } from './messages.js';
import type { RowLines } from './row-lines.js';

/**
 * A column-oriented table of strings, as read from a file. Every value is a
 * string: `''` for a blank or null, numbers as printed by JavaScript (an
 * integer 21 is `"21"`, never `"21.0"`), so category codes compare exactly as
 * written (`"01"` and `"1"` differ).
 */
export interface Table {
  /** The file the table was read from (used in error messages). */
  readonly source: string;
  /** Column names in file order. */
  readonly names: readonly string[];
  readonly nRows: number;
  /**
   * When every row `i` sits on the 1-based file line `i + lineOffset` (CSV with
   * one header line, no blank lines and no line breaks inside quotes: 2; JSONL
   * without blank lines: 1), that offset; otherwise undefined — use
   * {@link Table.lineOf}, which also knows the lines after a shift.
   */
  readonly lineOffset?: number;
  /**
   * The 1-based file line on which row `row` (0-based) starts, including after
   * a line break inside a quoted CSV field or a blank line; undefined when the
   * format has no lines (JSON array, Parquet) or there is no such row.
   * `rowLocation(table, row)` turns it into an InputError location.
   */
  lineOf(row: number): number | undefined;
  /**
   * The values of a column. A flattened nested field (`census.SEX`) also
   * answers to its short name (`SEX`) when no other column claims it.
   * @throws {InputError} "Unrecognized column: X" listing the available ones.
   */
  column(name: string): string[];
  /** True when {@link Table.column} would answer `name`. */
  has(name: string): boolean;
}

/**
 * The table behind every reader: columns by name, plus short aliases for
 * flattened nested fields (`census.SEX` → `SEX`), dropped when ambiguous.
 */
export class ColumnTable implements Table {
  readonly names: readonly string[];
  readonly nRows: number;
  private readonly columns: Map<string, string[]>;
  private readonly aliases = new Map<string, string[]>();

  readonly lineOffset?: number;
  private readonly lines?: RowLines;

  /**
   * @param lines the file line of each row: a {@link RowLines} map, or the
   *   offset when row `i` is on line `i + lines`; omitted when rows have no lines.
   */
  constructor(
    readonly source: string,
    columns: Map<string, string[]>,
    nRows: number,
    lines?: number | RowLines,
  ) {
    this.columns = columns;
    this.names = [...columns.keys()];
    this.nRows = nRows;
    if (typeof lines === 'number') this.lineOffset = lines;
    else if (lines !== undefined) {
      this.lines = lines;
      this.lineOffset = lines.uniformOffset;
    }
    for (const name of this.names) {
      const dot = name.indexOf('.');
      if (dot <= 0) continue;
      const short = name.slice(dot + 1);
      if (columns.has(short)) continue;
      const list = this.aliases.get(short);
      if (list) list.push(name);
      else this.aliases.set(short, [name]);
    }
  }

  lineOf(row: number): number | undefined {
    if (this.lines !== undefined) return this.lines.lineOf(row);
    if (this.lineOffset === undefined || !Number.isInteger(row) || row < 0 || row >= this.nRows) return undefined;
    return row + this.lineOffset;
  }

  has(name: string): boolean {
    return this.columns.has(name) || this.aliases.get(name)?.length === 1;
  }

  column(name: string): string[] {
    const direct = this.columns.get(name);
    if (direct) return direct;
    const candidates = this.aliases.get(name);
    if (candidates?.length === 1) return this.columns.get(candidates[0])!;
    if (candidates) throw new InputError(message.ambiguousColumn(name, candidates), { file: this.source });
    throw new InputError(message.unknownColumn(name, this.names), { file: this.source });
  }
}

/** Turns one JSON or Parquet value into the table's string form. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
