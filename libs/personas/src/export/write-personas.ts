import { AtomicFileWriter, InputError } from '@persona/core';
import { message } from '../messages.js';
import type { PersonaRecord } from '../record/persona-record.js';
import { csvField, personaCsvColumns, personaCsvRow } from './persona-csv-row.js';
import type { PersonaFormat } from './persona-formats.js';
import { writePersonasParquet } from './write-personas-parquet.js';

/** The output extensions each format accepts: the one list, read by {@link formatOfPath} and {@link writePersonas}. */
const EXTENSIONS: Readonly<Record<PersonaFormat, readonly string[]>> = {
  jsonl: ['.jsonl'],
  csv: ['.csv'],
  parquet: ['.parquet'],
  'persona-hf': ['.jsonl', '.csv', '.txt'],
};

/** The formats an output path's ending implies on its own (persona-hf shares its endings, so it needs a `--format`). */
const IMPLIED_FORMATS: readonly PersonaFormat[] = ['jsonl', 'csv', 'parquet'];

/**
 * The format an output path implies when none is given: `.jsonl` → jsonl,
 * `.csv` → csv, `.parquet` → parquet (case-insensitive).
 * @throws {InputError} (field `--out`) for any other ending, listing every accepted one.
 */
export function formatOfPath(path: string): PersonaFormat {
  const lower = path.toLowerCase();
  const format = IMPLIED_FORMATS.find((f) => EXTENSIONS[f].some((extension) => lower.endsWith(extension)));
  if (format === undefined) {
    throw new InputError(message.outExtensionUnknown(path, IMPLIED_FORMATS.flatMap((f) => EXTENSIONS[f]), EXTENSIONS['persona-hf']), { field: '--out' });
  }
  return format;
}

/**
 * Streams personas to `path`, atomically (`AtomicFileWriter`: a temporary
 * file renamed into place on success, removed on failure), holding one
 * persona at a time (Parquet: one row group). Columns and types:
 * libs/personas/src/export/PERSONA_FILES.md.
 * - `jsonl`: one {@link PersonaRecord} per line (JSON, LF);
 * - `csv`: RFC 4180 with a header row, columns of `personaCsvColumns`;
 * - `parquet`: the same columns, typed, in row groups of 10,000 (`writePersonasParquet`);
 * - `persona-hf`: PERSONA's release form, the attribute block as the
 *   `persona` column — `.jsonl` lines `{"persona": "age: 34\nsex: …"}`, a
 *   `.csv` with the single column `persona`, or `.txt` blocks separated by a blank line.
 * @returns the number of personas written.
 * @throws {InputError} when the extension does not fit the format.
 */
export async function writePersonas(path: string, personas: Iterable<PersonaRecord>, format: PersonaFormat): Promise<number> {
  const lower = path.toLowerCase();
  const allowed = EXTENSIONS[format];
  if (!allowed.some((extension) => lower.endsWith(extension))) throw new InputError(message.outExtension(path, allowed), { field: '--out' });
  if (format === 'parquet') return writePersonasParquet(path, personas);
  const writer = await AtomicFileWriter.open(path);
  let count = 0;
  try {
    let columns: string[] | undefined;
    let chunk = '';
    for (const record of personas) {
      if (format === 'jsonl') chunk += `${JSON.stringify(record)}\n`;
      else if (format === 'csv') {
        if (columns === undefined) {
          columns = personaCsvColumns(record);
          chunk += `${columns.map(csvField).join(',')}\n`;
        }
        chunk += `${personaCsvRow(record, columns)}\n`;
      } else if (lower.endsWith('.jsonl')) chunk += `${JSON.stringify({ persona: record.text.attributes })}\n`;
      else if (lower.endsWith('.csv')) chunk += `${count === 0 ? 'persona\n' : ''}${csvField(record.text.attributes)}\n`;
      else chunk += `${count === 0 ? '' : '\n'}${record.text.attributes}\n`;
      count++;
      if (chunk.length >= 1 << 20) {
        await writer.write(chunk);
        chunk = '';
      }
    }
    await writer.write(chunk);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
  return count;
}
