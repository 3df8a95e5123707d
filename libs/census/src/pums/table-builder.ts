import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { PumsTable, type PumsColumn } from './pums-table.js';

/**
 * Accumulates rows of text cells into a {@link PumsTable}, parsing integer
 * columns into growable `Int32Array`s (blank cell → blank flag).
 */
export class PumsTableBuilder {
  private capacity: number;
  private length = 0;
  private ints: Int32Array[];
  private blanks: Uint8Array[];
  private readonly texts: string[][];
  private readonly isInt: boolean[];

  constructor(
    private readonly names: readonly string[],
    kinds: readonly ('int' | 'text')[],
    private readonly source: string,
    initialCapacity = 1024,
    /** Whether `push`'s position is a 1-based file line (CSV) or a 0-based record index (Parquet). */
    private readonly position: 'line' | 'index' = 'line',
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.isInt = kinds.map((kind) => kind === 'int');
    this.ints = this.isInt.map((isInt) => (isInt ? new Int32Array(this.capacity) : new Int32Array(0)));
    this.blanks = this.isInt.map((isInt) => (isInt ? new Uint8Array(this.capacity) : new Uint8Array(0)));
    this.texts = this.isInt.map(() => []);
  }

  get rowCount(): number {
    return this.length;
  }

  /**
   * Appends one row; `cells[j]` is the text of column j, `at` its file line or record index.
   * @throws {InputError} naming the file, line and field for a cell of an
   *   integer column that is not an integer.
   */
  push(cells: readonly string[], at: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length;
    for (let j = 0; j < this.names.length; j++) {
      const cell = cells[j];
      if (!this.isInt[j]) {
        this.texts[j].push(cell);
        continue;
      }
      if (cell.length === 0) {
        this.blanks[j][i] = 1;
        this.ints[j][i] = 0;
        continue;
      }
      const value = parseInteger(cell);
      if (value === null) {
        const where = this.position === 'line' ? { line: at } : { index: at };
        throw new InputError(message.notAnInteger(cell), { file: this.source, ...where, field: this.names[j] });
      }
      this.ints[j][i] = value;
    }
    this.length++;
  }

  /** The rows pushed so far as a table; the builder is reset for the next batch. */
  take(): PumsTable {
    const n = this.length;
    const columns = new Map<string, PumsColumn>();
    this.names.forEach((name, j) => {
      columns.set(
        name,
        this.isInt[j]
          ? { kind: 'int', values: this.ints[j].slice(0, n), blank: this.blanks[j].slice(0, n) }
          : { kind: 'text', values: this.texts[j].splice(0, n) },
      );
    });
    this.length = 0;
    this.blanks = this.blanks.map((b) => b.fill(0));
    return new PumsTable(n, columns, this.source);
  }

  private grow(): void {
    this.capacity *= 2;
    this.ints = this.ints.map((a, j) => (this.isInt[j] ? copyInto(new Int32Array(this.capacity), a) : a));
    this.blanks = this.blanks.map((a, j) => (this.isInt[j] ? copyInto(new Uint8Array(this.capacity), a) : a));
  }
}

function copyInto<T extends Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/** A decimal integer in the 32-bit range (optional sign, no spaces), or null. */
function parseInteger(text: string): number | null {
  let i = 0;
  let sign = 1;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    sign = first === 45 ? -1 : 1;
    i = 1;
  }
  if (i === text.length) return null;
  let value = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  value *= sign;
  return value > 2147483647 || value < -2147483648 ? null : value;
}
