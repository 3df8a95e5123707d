import { streamCsv } from './csv.js';
import { formatExtension } from './gzip/open-input.js';
import { InputError } from './input-error.js';
import { readJsonArray, readJsonl } from './jsonl.js';
import { message } from './messages.js';
import { readParquet } from './parquet.js';
import { RowLines } from './row-lines.js';
import { ColumnTable, type Table } from './table.js';

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Projection: read only these columns (CSV and Parquet skip the others while reading). */
  columns?: readonly string[];
  /** Columns that must be present; a missing one is an InputError listing the file's columns. */
  required?: readonly string[];
}

/**
 * Reads a table file into string columns, choosing the reader by extension
 * (CONTRACTS.md): `.csv` (RFC 4180, see `streamCsv`), `.jsonl` (one object
 * per line), `.json` (an array of objects), `.parquet`; each may be gzipped
 * (`.csv.gz`, `.jsonl.gz`, `.json.gz`, `.parquet.gz`). JSON records have nested objects flattened one level
 * (`census.SEX`, also reachable as `SEX` when unambiguous).
 * @throws {InputError} for an unknown extension, unreadable or malformed file,
 *   or a requested/required column the file does not have.
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  const extension = formatExtension(path);
  let table: Table;
  switch (extension) {
    case '.csv':
      table = await readCsvTable(path, options.columns);
      break;
    case '.jsonl':
    case '.ndjson':
      table = await readJsonl(path);
      break;
    case '.json':
      table = await readJsonArray(path);
      break;
    case '.parquet':
      table = await readParquet(path, options.columns);
      break;
    default:
      throw new InputError(message.unsupportedFormat(extension || path), { file: path });
  }
  for (const name of options.columns ?? []) table.column(name);
  const missing = (options.required ?? []).filter((name) => !table.has(name));
  if (missing.length > 0) throw new InputError(message.missingColumns(missing, table.names), { file: path });
  return table;
}

async function readCsvTable(path: string, projection: readonly string[] | undefined): Promise<Table> {
  let values: string[][] = [];
  let names: readonly string[] = [];
  const lines = new RowLines();
  const { nRows } = await streamCsv(path, {
    columns: projection,
    onHeader: (header) => {
      names = projection ?? header;
      values = names.map(() => []);
    },
    onRow: (fields, line) => {
      for (let j = 0; j < fields.length; j++) values[j].push(fields[j]);
      lines.push(line);
    },
  });
  return new ColumnTable(path, new Map(names.map((name, j) => [name, values[j]])), nRows, lines);
}
