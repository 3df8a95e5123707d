import type { SampleTable } from '../inputs/sample-table.js';
import { writeRecords } from '../outputs/write-records.js';

/**
 * Writes the rows `persona sample --out` drew: column `row` (the 0-based
 * population row, a number in JSON Lines) then every population column as
 * read, in draw order; CSV or JSON Lines by the extension (`writeRecords`).
 * @throws {InputError} for another extension, or when the file cannot be written (naming `--out`).
 */
export async function writeDrawnRows(path: string, population: SampleTable, rows: Int32Array): Promise<void> {
  const names = population.names;
  const columns = names.map((name) => population.column(name));
  await writeRecords(path, ['row', ...names], {
    *[Symbol.iterator]() {
      for (const r of rows) yield [r, ...columns.map((c) => c[r]!)];
    },
  });
}
