import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from './input-error.js';
import { message } from './messages.js';
import { describeIoError } from './csv.js';
import { isGzipPath, openInputStream } from './gzip/open-input.js';
import { ColumnTable, cellText } from './table.js';

/**
 * A gzip-compressed Parquet file, decompressed into memory: Parquet is read
 * from its footer backwards, which a gzip stream cannot seek to.
 */
async function gunzipWhole(path: string): Promise<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of openInputStream(path)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Reads a Parquet file (any codec hyparquet and hyparquet-compressors decode,
 * including zstd; a `.parquet.gz` is decompressed whole into memory first) into a column table of strings: integers print without a
 * decimal part or leading zeros (INT64 21 → `"21"`), nulls are `''`, strings
 * are kept as stored (so a zero-padded `"01"` stays `"01"`).
 * @param columns projection: read only these top-level columns.
 * @throws {InputError} for a missing or unreadable file, or an unknown column.
 */
export async function readParquet(path: string, columns?: readonly string[]): Promise<ColumnTable> {
  let rows: unknown[][];
  let names: string[];
  try {
    const file = isGzipPath(path) ? await gunzipWhole(path) : await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    const all = parquetSchema(metadata).children.map((child) => child.element.name);
    for (const name of columns ?? []) {
      if (!all.includes(name)) throw new InputError(message.unknownColumn(name, all), { file: path });
    }
    names = columns ? [...columns] : all;
    rows = await new Promise<unknown[][]>((resolve, reject) => {
      parquetRead({ file, metadata, columns: names, compressors, rowFormat: 'array', onComplete: resolve }).catch(reject);
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as { code?: unknown }).code;
    const detail = describeIoError(error);
    throw new InputError(code === undefined ? message.invalidParquet(detail) : message.cannotRead(detail), { file: path });
  }
  const table = new Map<string, string[]>();
  names.forEach((name, j) => {
    const values = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = cellText(rows[i][j]);
    table.set(name, values);
  });
  return new ColumnTable(path, table, rows.length);
}
