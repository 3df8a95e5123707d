import { InputError } from './input-error.js';
import { message } from './messages.js';
import { describeIoError, isIoError } from './csv.js';
import { openInputStream } from './gzip/open-input.js';
import { RowLines } from './row-lines.js';
import { ColumnTable, cellText } from './table.js';

/**
 * Collects JSON records into string columns. A nested object is flattened one
 * level: `{"id": 7, "census": {"SEX": 1}}` gives columns `id` and `census.SEX`
 * (and `SEX` answers to `census.SEX` when unambiguous, see {@link ColumnTable}).
 * Deeper values and arrays are kept as their JSON text. A field missing from a
 * record is `''`.
 */
class RecordCollector {
  private readonly columns = new Map<string, string[]>();
  private nRows = 0;
  /** The line of each record (JSONL); none for the records of a JSON array. */
  private readonly lines = new RowLines();
  private hasLines = true;

  constructor(private readonly source: string) {}

  add(record: Record<string, unknown>, location: JsonRecordLocation): void {
    if ('line' in location) this.lines.push(location.line);
    else this.hasLines = false;
    for (const [key, value] of Object.entries(record)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
          this.set(`${key}.${inner}`, cellText(innerValue));
        }
      } else {
        this.set(key, cellText(value));
      }
    }
    this.nRows++;
  }

  private set(name: string, text: string): void {
    let values = this.columns.get(name);
    if (!values) {
      values = new Array<string>(this.nRows).fill('');
      this.columns.set(name, values);
    }
    values[this.nRows] = text;
  }

  table(): ColumnTable {
    for (const values of this.columns.values()) {
      while (values.length < this.nRows) values.push('');
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = '';
    }
    return new ColumnTable(this.source, this.columns, this.nRows, this.hasLines ? this.lines : undefined);
  }
}

/** Where a JSON record sits: its 1-based line (JSON Lines) or its 0-based index (a JSON array). */
export type JsonRecordLocation = { line: number } | { index: number };

/**
 * Streams the JSON objects of a JSON Lines file (one object per line, blank
 * lines skipped) or, with `array`, of a `.json` file holding an array of
 * objects — gzip (`.gz`) decompressed on the fly, a UTF-8 byte-order mark
 * ignored — to `onRecord` with the record's location. A record keeps its own
 * keys, so a key set to null is told apart from an absent one (the column
 * readers below build on it).
 * @throws {InputError} for an unreadable file, invalid JSON (naming its line),
 *   a `.json` that is not an array, or a record that is not an object.
 */
export async function streamJsonRecords(
  path: string,
  array: boolean,
  onRecord: (record: Record<string, unknown>, where: JsonRecordLocation) => void,
): Promise<void> {
  const take = (record: unknown, where: JsonRecordLocation) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      const what = record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record;
      throw new InputError(message.notAnObject(what), { file: path, ...where });
    }
    onRecord(record as Record<string, unknown>, where);
  };
  let stream;
  try {
    stream = openInputStream(path);
    if (array) {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new InputError(message.invalidJsonLine((error as Error).message), { file: path });
      }
      if (!Array.isArray(data)) throw new InputError(message.notAnArrayOfObjects(), { file: path });
      data.forEach((record, index) => take(record, { index }));
      return;
    }
    let rest = '';
    let line = 0;
    const decoder = new TextDecoder('utf-8');
    const parseLine = (text: string) => {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') return;
      let record: unknown;
      try {
        record = JSON.parse(trimmed);
      } catch (error) {
        throw new InputError(message.invalidJsonLine((error as Error).message), { file: path, line });
      }
      take(record, { line });
    };
    for await (const chunk of stream) {
      const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
      rest = lines.pop()!;
      for (const l of lines) parseLine(l);
    }
    parseLine(rest + decoder.decode());
  } catch (error) {
    stream?.destroy();
    throw isIoError(error) ? new InputError(message.cannotRead(describeIoError(error)), { file: path }) : error;
  }
}

/**
 * Reads a JSON Lines file (one JSON object per line; blank lines skipped;
 * `.jsonl.gz` decompressed on the fly) into a column table.
 * @throws {InputError} naming the line of invalid JSON or of a non-object.
 */
export async function readJsonl(path: string): Promise<ColumnTable> {
  const collector = new RecordCollector(path);
  await streamJsonRecords(path, false, (record, where) => collector.add(record, where));
  return collector.table();
}

/**
 * Reads a `.json` file holding an array of objects into a column table
 * (nested objects flattened one level as in {@link readJsonl}).
 * @throws {InputError} when the file is not valid JSON or not an array of objects.
 */
export async function readJsonArray(path: string): Promise<ColumnTable> {
  const collector = new RecordCollector(path);
  await streamJsonRecords(path, true, (record, where) => collector.add(record, where));
  return collector.table();
}
