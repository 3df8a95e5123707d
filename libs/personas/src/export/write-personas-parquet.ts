import { AtomicFileWriter } from '@persona/core';
import { ByteWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { message } from '../messages.js';
import type { PersonaRecord } from '../record/persona-record.js';
import { personaCsvColumns, personaField } from './persona-csv-row.js';

/** Personas per Parquet row group: peak memory is one group (about 60 MB with the text columns), whatever n is. */
export const PARQUET_ROW_GROUP_SIZE = 10_000;

/** The record groups written as DOUBLE columns; every other column is a UTF-8 string. */
const NUMERIC_GROUPS = new Set(['weight', 'traits', 'values']);

/** The physical type of a flat column (`weight`, `census.SEX`, `traits.openness`). */
function isNumeric(column: string): boolean {
  const dot = column.indexOf('.');
  return NUMERIC_GROUPS.has(dot < 0 ? column : column.slice(0, dot));
}

/**
 * The Parquet schema of the persona columns: `weight`, `traits.*`, `values.*`
 * DOUBLE (REQUIRED); `census.*` UTF-8 strings, OPTIONAL (null = the PUMS
 * blank); every other column a REQUIRED UTF-8 string.
 */
function personaSchema(columns: readonly string[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map(
      (name): SchemaElement =>
        isNumeric(name)
          ? { name, type: 'DOUBLE', repetition_type: 'REQUIRED' }
          : { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: name.startsWith('census.') ? 'OPTIONAL' : 'REQUIRED' },
    ),
  ];
}

/**
 * The bytes hyparquet-writer encodes, appended to an {@link AtomicFileWriter}
 * after each row group (`flush`, awaited by `ParquetWriter.write` before the
 * next group) and at the end (`finish`), so the buffer holds one row group.
 */
class AtomicSink extends ByteWriter {
  constructor(private readonly out: AtomicFileWriter) {
    super(1 << 20);
  }

  flush(): Promise<void> {
    // A copy: the buffer is reused for the next group while the write is pending.
    const bytes = this.getBytes().slice();
    this.index = 0;
    return this.out.write(bytes);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

/** The free-text groups: no min/max statistics (long strings; nobody filters on their range). */
const TEXT_GROUPS = new Set(['text', 'idiosyncrasies']);

/** One row group's column data, in `columns` order. */
function columnData(batch: readonly PersonaRecord[], columns: readonly string[]): ColumnSource[] {
  return columns.map((name) => {
    const dot = name.indexOf('.');
    const group = dot < 0 ? name : name.slice(0, dot);
    const key = name.slice(dot + 1);
    const read = dot < 0 ? (record: PersonaRecord) => personaField(record, name) : (record: PersonaRecord) => (record as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
    if (NUMERIC_GROUPS.has(group)) {
      const data = new Float64Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const value = read(batch[i]!);
        if (typeof value !== 'number') throw new Error(message.parquetFieldType(batch[i]!.id, name, 'a number', value));
        data[i] = value;
      }
      return { name, data };
    }
    const optional = group === 'census';
    const data = new Array<string | null>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const value = read(batch[i]!);
      if (typeof value === 'string' || (optional && value === null)) data[i] = value;
      else throw new Error(message.parquetFieldType(batch[i]!.id, name, optional ? 'a string or null' : 'a string', value));
    }
    return TEXT_GROUPS.has(group) ? { name, data, statistics: false } : { name, data };
  });
}

/**
 * Streams personas to a Parquet file at `path` (Apache Parquet format 2,
 * written by hyparquet-writer, SNAPPY pages, column statistics), atomically:
 * a temporary file renamed into place on success, removed on failure. The
 * columns are those of the CSV export (`personaCsvColumns` of the first
 * persona, flattened one level with a dot: `id`, `weight`, `census.SEX`, …,
 * `text.profile`), typed as `personaSchema` says; a `readTable` of the file
 * answers `SEX` for `census.SEX` as it does for the .jsonl. Personas are
 * written in row groups of `rowGroupSize`, so memory holds one group, never
 * the file. Zero personas give a valid file with the columns `id` and `weight`.
 * @returns the number of personas written.
 */
export async function writePersonasParquet(
  path: string,
  personas: Iterable<PersonaRecord>,
  rowGroupSize: number = PARQUET_ROW_GROUP_SIZE,
): Promise<number> {
  const out = await AtomicFileWriter.open(path);
  let count = 0;
  try {
    const sink = new AtomicSink(out);
    let columns: string[] | undefined;
    let writer: ParquetWriter | undefined;
    let batch: PersonaRecord[] = [];
    const writeBatch = async () => {
      await writer!.write({ columnData: columnData(batch, columns!), rowGroupSize: batch.length });
      batch = [];
    };
    for (const record of personas) {
      if (columns === undefined) {
        columns = personaCsvColumns(record);
        writer = new ParquetWriter({ writer: sink, schema: personaSchema(columns), createdBy: 'persona generate (hyparquet-writer 0.17.0)' });
      }
      batch.push(record);
      count++;
      if (batch.length >= rowGroupSize) await writeBatch();
    }
    if (batch.length > 0) await writeBatch();
    writer ??= new ParquetWriter({ writer: sink, schema: personaSchema(['id', 'weight']), createdBy: 'persona generate (hyparquet-writer 0.17.0)' });
    await writer.finish();
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.commit();
  return count;
}
