/**
 * The 1-based file line on which each row of a table starts. A line break
 * inside a quoted CSV field, or a blank line, shifts every later row down, so
 * the map is stored as the rows where `line − row` changes (binary-searched):
 * a file without such breaks costs one entry however many rows it has.
 */
export class RowLines {
  /** First row of each run of rows with the same `line − row`. */
  private readonly firstRows: number[] = [];
  /** `line − row` of each run. */
  private readonly offsets: number[] = [];
  private rows = 0;

  /** Records that the next row (rows are added in order) starts on `line`. */
  push(line: number): void {
    const offset = line - this.rows;
    if (this.offsets.length === 0 || this.offsets[this.offsets.length - 1] !== offset) {
      this.firstRows.push(this.rows);
      this.offsets.push(offset);
    }
    this.rows++;
  }

  /** The line of 0-based `row`, or undefined when there is no such row. */
  lineOf(row: number): number | undefined {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) return undefined;
    let low = 0;
    let high = this.firstRows.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.firstRows[middle] <= row) low = middle;
      else high = middle - 1;
    }
    return row + this.offsets[low];
  }

  /** The offset when every row `i` sits on line `i + offset` (no shift anywhere); otherwise undefined. */
  get uniformOffset(): number | undefined {
    return this.offsets.length === 1 ? this.offsets[0] : undefined;
  }
}

/**
 * Where row `row` of `table` is, for an {@link InputError} location: its file
 * line when the table knows it (CSV, JSONL), else its 0-based index (a JSON
 * array, Parquet, data made in memory).
 */
export function rowLocation(table: { lineOf(row: number): number | undefined }, row: number): { line: number } | { index: number } {
  const line = table.lineOf(row);
  return line !== undefined ? { line } : { index: row };
}
