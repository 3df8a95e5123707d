import { AtomicFileWriter } from '@persona/core';
import type { SampleTable } from '../inputs/sample-table.js';
import { writingOutput } from '../outputs/output-file.js';
import { recordsFormat, writeRecords } from '../outputs/write-records.js';

/**
 * Writes the rows `persona sample --out` drew: column `row` (the 0-based
 * population row) then every population column, in draw order. CSV (by
 * `writeRecords`) or JSON Lines by the extension; in JSON Lines `row` is a
 * number (`{"row":0,…}`) and the population's fields are the strings read.
 * Atomic: the file appears complete or not at all.
 * @throws {InputError} for another extension, or when the file cannot be written (naming `--out`).
 */
export async function writeDrawnRows(path: string, population: SampleTable, rows: Int32Array): Promise<void> {
  const names = population.names;
  const columns = names.map((name) => population.column(name));
  if (recordsFormat(path) === 'csv') {
    await writeRecords(path, ['row', ...names], Array.from(rows, (r) => [String(r), ...columns.map((c) => c[r])]));
    return;
  }
  await writingOutput(path, '--out', async () => {
    const writer = await AtomicFileWriter.open(path);
    try {
      let block = '';
      for (const r of rows) {
        const record: Record<string, string | number> = { row: r };
        names.forEach((name, j) => {
          record[name] = columns[j][r];
        });
        block += `${JSON.stringify(record)}\n`;
        if (block.length > 1 << 20) {
          await writer.write(block);
          block = '';
        }
      }
      await writer.write(block);
    } catch (error) {
      await writer.abort();
      throw error;
    }
    await writer.commit();
  });
}
