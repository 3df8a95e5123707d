import { InputError, type CsvRecord } from '@persona/core';
import { message } from '../messages.js';
import { PumsTable, type PumsColumn } from './pums-table.js';

/**
 * Accumulates rows of text cells (or CSV byte-range records) into a
 * {@link PumsTable}, parsing integer columns into growable `Int32Array`s
 * (blank cell → blank flag).
 */
export class PumsTableBuilder {
  private capacity: number;
  private length = 0;
  private ints: Int32Array[];
  private blanks: Uint8Array[];
  private texts: string[][];
  private readonly isInt: boolean[];
  private readonly initialCapacity: number;

  constructor(
    private readonly names: readonly string[],
    kinds: readonly ('int' | 'text')[],
    private readonly source: string,
    initialCapacity = 1024,
    /** Whether `push`'s position is a 1-based file line (CSV) or a 0-based record index (Parquet). */
    private readonly position: 'line' | 'index' = 'line',
  ) {
    this.initialCapacity = Math.max(1, initialCapacity);
    this.isInt = kinds.map((kind) => kind === 'int');
    // Arrays are allocated by the first push (see `grow`).
    this.capacity = 0;
    this.ints = this.isInt.map(() => new Int32Array(0));
    this.blanks = this.isInt.map(() => new Uint8Array(0));
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

  /**
   * Appends one CSV record (fields in the builder's column order, as streamed
   * by `streamCsvRecords`): integers are parsed from the bytes, so only text
   * columns create strings. Same results and errors as {@link push}.
   */
  pushRecord(record: CsvRecord, line: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length;
    const { bytes, starts, ends } = record;
    const { ints, blanks, texts, isInt } = this;
    for (let j = 0; j < isInt.length; j++) {
      if (!isInt[j]) {
        texts[j].push(record.text(j));
        continue;
      }
      const start = starts[j];
      const end = ends[j];
      if (start === end) {
        blanks[j][i] = 1;
        ints[j][i] = 0;
        continue;
      }
      const value = parseIntegerBytes(bytes, start, end);
      if (Number.isNaN(value)) {
        throw new InputError(message.notAnInteger(record.text(j)), { file: this.source, line, field: this.names[j] });
      }
      ints[j][i] = value;
    }
    this.length++;
  }

  /** The rows pushed so far as a table; the builder is reset for the next batch. */
  take(): PumsTable {
    const n = this.length;
    const full = n === this.capacity;
    const columns = new Map<string, PumsColumn>();
    this.names.forEach((name, j) => {
      columns.set(
        name,
        this.isInt[j]
          ? { kind: 'int', values: full ? this.ints[j] : this.ints[j].slice(0, n), blank: full ? this.blanks[j] : this.blanks[j].slice(0, n) }
          : { kind: 'text', values: this.texts[j] },
      );
    });
    this.length = 0;
    this.texts = this.isInt.map(() => []);
    if (full) {
      // The arrays were handed over without a copy; the next push allocates fresh ones.
      this.capacity = 0;
      this.ints = this.isInt.map(() => new Int32Array(0));
      this.blanks = this.isInt.map(() => new Uint8Array(0));
    } else {
      this.blanks = this.blanks.map((b) => b.fill(0));
    }
    return new PumsTable(n, columns, this.source);
  }

  private grow(): void {
    this.capacity = this.capacity === 0 ? this.initialCapacity : this.capacity * 2;
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

/** {@link parseInteger} of the ASCII bytes [start, end) (non-empty), or NaN. */
function parseIntegerBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let sign = 1;
  const first = bytes[i];
  if (first === 45 /* - */ || first === 43 /* + */) {
    sign = first === 45 ? -1 : 1;
    i++;
  }
  if (i === end) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const d = bytes[i] - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  value *= sign;
  return value > 2147483647 || value < -2147483648 ? NaN : value;
}
