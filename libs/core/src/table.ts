import { InputError } from './input-error.js';
import { message } from './messages.js';

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
   * without blank lines: 1), that offset; otherwise undefined, and errors about
   * a row name the row index instead of a line.
   */
  readonly lineOffset?: number;
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

  constructor(
    readonly source: string,
    columns: Map<string, string[]>,
    nRows: number,
    readonly lineOffset?: number,
  ) {
    this.columns = columns;
    this.names = [...columns.keys()];
    this.nRows = nRows;
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
