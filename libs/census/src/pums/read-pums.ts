import { InputError, readTable, streamCsvRecords } from '@persona/core';
import { pumsCodebook } from '../codebook/codebook.js';
import { message } from '../messages.js';
import { pumsColumnKind } from './column-kind.js';
import type { PumsTable } from './pums-table.js';
import { PumsTableBuilder } from './table-builder.js';

/** Names of the 80 person replicate weights of the PUMS (successive difference replication). */
export const REPLICATE_WEIGHTS: readonly string[] = Object.freeze(Array.from({ length: 80 }, (_, r) => `PWGTP${r + 1}`));

/** Options of {@link readPums} and {@link streamPums}. */
export interface ReadPumsOptions {
  /** Columns to read (a projection). Default: every column of the file, replicate weights included. */
  columns?: readonly string[];
  /** Add PWGTP1..PWGTP80 to `columns` (an error if the file lacks them). Default false. */
  replicateWeights?: boolean;
}

/** Options of {@link streamPums}. */
export interface StreamPumsOptions extends ReadPumsOptions {
  /** Rows per batch (default 65,536): memory is bounded by one batch of the projected columns. */
  batchSize?: number;
  /** Called with each batch of rows and the 0-based index of its first row in the file. */
  onBatch: (batch: PumsTable, firstRow: number) => void;
}

/**
 * Streams a Census Bureau PUMS person file (`psam_p*.csv`, `.csv.gz`) in
 * batches, each a {@link PumsTable}: coded columns as integers with a blank
 * mask, identifiers (SERIALNO, RT, STATE, PUMA, NAICSP, SOCP) and columns the
 * data dictionary does not know as text. Memory is bounded by one batch, so
 * a national file of 3.4 million persons reads in constant space.
 * @throws {InputError} naming file, line and field for a malformed file, an
 *   unknown projected column, or a non-integer in a coded column.
 */
export async function streamPums(path: string, options: StreamPumsOptions): Promise<number> {
  const batchSize = options.batchSize ?? 65_536;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new InputError(message.invalidBatchSize(batchSize));
  const codebook = pumsCodebook();
  const projection = projectionOf(options);
  let builder: PumsTableBuilder | undefined;
  let firstRow = 0;
  const flush = () => {
    const batch = builder!.take();
    options.onBatch(batch, firstRow);
    firstRow += batch.rowCount;
  };
  const { nRows } = await streamCsvRecords(path, {
    columns: projection,
    onHeader: (header) => {
      const names = projection ?? header;
      builder = new PumsTableBuilder(names, names.map((name) => pumsColumnKind(name, (n) => codebook.has(n))), path, batchSize);
    },
    onRecord: (record, line) => {
      builder!.pushRecord(record, line);
      if (builder!.rowCount === batchSize) flush();
    },
  });
  if (builder !== undefined && builder.rowCount > 0) flush();
  return nRows;
}

/**
 * Reads a whole PUMS person file into one {@link PumsTable}: a Census Bureau
 * `psam_p*.csv` (or `.csv.gz`, streamed) or a Parquet file with the same
 * columns (read through `readTable`). Typing as in {@link streamPums}.
 * The 80 replicate weights PWGTP1..PWGTP80 are kept when the file has them
 * and no projection is given (or `replicateWeights: true`).
 * @throws {InputError} as {@link streamPums}, and for an unsupported extension.
 */
export async function readPums(path: string, options: ReadPumsOptions = {}): Promise<PumsTable> {
  if (/\.parquet$/i.test(path)) return readPumsParquet(path, options);
  let builder: PumsTableBuilder | undefined;
  const codebook = pumsCodebook();
  const projection = projectionOf(options);
  await streamCsvRecords(path, {
    columns: projection,
    onHeader: (header) => {
      const names = projection ?? header;
      builder = new PumsTableBuilder(names, names.map((name) => pumsColumnKind(name, (n) => codebook.has(n))), path);
    },
    onRecord: (record, line) => builder!.pushRecord(record, line),
  });
  return builder!.take();
}

async function readPumsParquet(path: string, options: ReadPumsOptions): Promise<PumsTable> {
  const codebook = pumsCodebook();
  const table = await readTable(path, { columns: projectionOf(options) });
  const names = table.names;
  const builder = new PumsTableBuilder(names, names.map((name) => pumsColumnKind(name, (n) => codebook.has(n))), path, table.nRows, 'index');
  const columns = names.map((name) => table.column(name));
  const cells = new Array<string>(names.length);
  for (let i = 0; i < table.nRows; i++) {
    for (let j = 0; j < names.length; j++) cells[j] = columns[j][i];
    builder.push(cells, i);
  }
  return builder.take();
}

function projectionOf(options: ReadPumsOptions): readonly string[] | undefined {
  if (options.columns === undefined) return undefined;
  if (!options.replicateWeights) return options.columns;
  return [...options.columns, ...REPLICATE_WEIGHTS.filter((name) => !options.columns!.includes(name))];
}

/** The 80 replicate weight columns of a table, or null when it lacks any of them. */
export function replicateWeightColumns(table: PumsTable): Int32Array[] | null {
  if (!REPLICATE_WEIGHTS.every((name) => table.has(name))) return null;
  return REPLICATE_WEIGHTS.map((name) => table.int(name).values);
}
