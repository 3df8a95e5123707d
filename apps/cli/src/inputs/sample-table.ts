import { InputError, type Table } from '@persona/core';
import { sampleRowLine } from '@persona/raking';
import type { PumsTable } from '@persona/census';
import { message } from '../messages.js';

/**
 * A sample (or population) as string columns — what `parseMargins` and the
 * samplers read — made of a file's {@link Table} or the embedded PUMS seed,
 * plus columns derived from census recodes. Derived columns shadow nothing:
 * they are only added under names the source lacks.
 */
export class SampleTable {
  private readonly derived = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();

  private constructor(
    /** The file the rows came from (or a description of the embedded data). */
    readonly source: string,
    readonly nRows: number,
    private readonly sourceNames: readonly string[],
    private readonly sourceHas: (name: string) => boolean,
    private readonly read: (name: string) => string[],
    /** The file line of a row (`Table.lineOf`), or undefined when rows have no lines. */
    private readonly rowLine: (row: number) => number | undefined,
    /** The typed PUMS table behind the strings, when the rows are the embedded seed. */
    readonly pums: PumsTable | undefined,
  ) {}

  /** A sample read from a file. */
  static fromTable(table: Table): SampleTable {
    return new SampleTable(table.source, table.nRows, table.names, (name) => table.has(name), (name) => table.column(name), (row) => table.lineOf(row), undefined);
  }

  /** The embedded PUMS seed: integer columns print as integers, blanks as ''. */
  static fromPums(pums: PumsTable, source: string): SampleTable {
    const read = (name: string): string[] => {
      const column = pums.column(name);
      if (column.kind === 'text') return column.values.slice();
      const out = new Array<string>(pums.rowCount);
      for (let i = 0; i < pums.rowCount; i++) out[i] = column.blank[i] === 1 ? '' : String(column.values[i]);
      return out;
    };
    return new SampleTable(source, pums.rowCount, pums.names, (name) => pums.has(name), read, () => undefined, pums);
  }

  /**
   * The 1-based file line on which 0-based `row` starts, also after a line
   * break inside a quoted CSV field; undefined for the embedded seed, a JSON
   * array or Parquet (see `Table.lineOf`).
   */
  lineOf(row: number): number | undefined {
    return this.rowLine(row);
  }

  get names(): readonly string[] {
    return [...this.sourceNames, ...this.derived.keys()];
  }

  has(name: string): boolean {
    return this.derived.has(name) || this.sourceHas(name);
  }

  /** @throws {InputError} "Unrecognized column: X" (from the reader). */
  column(name: string): string[] {
    const derived = this.derived.get(name);
    if (derived) return derived;
    let values = this.cache.get(name);
    if (!values) {
      values = this.read(name);
      this.cache.set(name, values);
    }
    return values;
  }

  /** Adds a derived column (e.g. a census recode) under a name the source lacks. */
  addDerived(name: string, values: string[]): void {
    this.derived.set(name, values);
  }

  /**
   * A column of base weights as numbers. Negative values pass through (the
   * raking library rejects them with its own message).
   * @throws {InputError} naming the row (and file line when known) of a blank or non-numeric cell.
   */
  weights(name: string): Float64Array {
    const values = this.column(name);
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const x = parseDecimal(values[i]);
      if (Number.isNaN(x)) {
        throw new InputError(message.weightNotNumber(i, values[i]), {
          file: this.source,
          field: name,
          ...sampleRowLine(this, i),
        });
      }
      out[i] = x;
    }
    return out;
  }
}

/** A decimal number as written in a data file (no hex, no blanks); anything else is NaN. */
function parseDecimal(text: string): number {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
}
