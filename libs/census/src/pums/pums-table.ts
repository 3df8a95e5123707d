import { InputError } from '@persona/core';
import { message } from '../messages.js';

/** An integer-coded column: `values[i]` is meaningful only where `blank[i]` is 0. */
export interface IntColumn {
  readonly kind: 'int';
  readonly values: Int32Array;
  /** 1 where the cell is a PUMS blank (N/A, not in universe, or not available); else 0. */
  readonly blank: Uint8Array;
}

/** A text column (identifiers such as SERIALNO, zero-padded STATE and PUMA). */
export interface TextColumn {
  readonly kind: 'text';
  readonly values: readonly string[];
}

export type PumsColumn = IntColumn | TextColumn;

/** One row of a {@link PumsTable}, read by column name (what a recode's `apply` receives). */
export interface PumsRecord {
  /** The row's index in its table (0-based). */
  readonly row: number;
  /** An integer column's value, or null for a blank. */
  int(name: string): number | null;
  /** A text column's value as written. */
  text(name: string): string;
}

/**
 * Column-wise PUMS person records: integer columns as `Int32Array` with a
 * separate blank mask (so a blank never reads as 0), text columns as strings.
 * Immutable; operations such as imputation return a new table that shares the
 * unchanged columns.
 */
export class PumsTable {
  readonly names: readonly string[];

  constructor(
    readonly rowCount: number,
    private readonly columns: ReadonlyMap<string, PumsColumn>,
    /** Where the records came from (used in error messages). */
    readonly source: string,
  ) {
    this.names = [...columns.keys()];
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** @throws {InputError} "Unrecognized column: X" listing the table's columns. */
  column(name: string): PumsColumn {
    const column = this.columns.get(name);
    if (column === undefined) throw new InputError(message.unknownColumn(name, this.names), { file: this.source, field: name });
    return column;
  }

  /** @throws {InputError} for an unknown or text column. */
  int(name: string): IntColumn {
    const column = this.column(name);
    if (column.kind !== 'int') throw new InputError(message.notIntColumn(name), { file: this.source, field: name });
    return column;
  }

  /** @throws {InputError} for an unknown or integer column. */
  text(name: string): TextColumn {
    const column = this.column(name);
    if (column.kind !== 'text') throw new InputError(message.notTextColumn(name), { file: this.source, field: name });
    return column;
  }

  /** A record view of row `row`; see {@link PumsTable.cursor} to walk rows without allocating. */
  record(row: number): PumsRecord {
    const cursor = this.cursor();
    cursor.row = row;
    return cursor;
  }

  /** A movable record view: set `row` and read. Column look-ups are cached. */
  cursor(): PumsRecord & { row: number } {
    return new RecordCursor(this);
  }

  /** A copy of this table with `columns` added or replaced (same row count). */
  withColumns(columns: ReadonlyMap<string, PumsColumn>): PumsTable {
    const merged = new Map(this.columns);
    for (const [name, column] of columns) merged.set(name, column);
    return new PumsTable(this.rowCount, merged, this.source);
  }
}

class RecordCursor implements PumsRecord {
  row = 0;
  private readonly ints = new Map<string, IntColumn>();
  private readonly texts = new Map<string, TextColumn>();

  constructor(private readonly table: PumsTable) {}

  int(name: string): number | null {
    let column = this.ints.get(name);
    if (column === undefined) {
      column = this.table.int(name);
      this.ints.set(name, column);
    }
    return column.blank[this.row] === 1 ? null : column.values[this.row];
  }

  text(name: string): string {
    let column = this.texts.get(name);
    if (column === undefined) {
      column = this.table.text(name);
      this.texts.set(name, column);
    }
    return column.values[this.row];
  }
}
