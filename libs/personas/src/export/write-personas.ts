import { InputError, writeLinesAtomic } from '@persona/core';
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
 * Streams personas to `path`, atomically (`writeLinesAtomic`: a temporary
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
  return writeLinesAtomic(path, personaLines(personas, format, lower));
}

/** One text line per persona (the header joined to the first for CSV), in the form of {@link writePersonas}. */
function* personaLines(personas: Iterable<PersonaRecord>, format: Exclude<PersonaFormat, 'parquet'>, lower: string): Generator<string> {
  let columns: string[] | undefined;
  let first = true;
  for (const record of personas) {
    if (format === 'jsonl') yield `${JSON.stringify(record)}\n`;
    else if (format === 'csv') {
      const header = columns === undefined ? `${(columns = personaCsvColumns(record)).map(csvField).join(',')}\n` : '';
      yield `${header}${personaCsvRow(record, columns)}\n`;
    } else if (lower.endsWith('.jsonl')) yield `${JSON.stringify({ persona: record.text.attributes })}\n`;
    else if (lower.endsWith('.csv')) yield `${first ? 'persona\n' : ''}${csvField(record.text.attributes)}\n`;
    else yield `${first ? '' : '\n'}${record.text.attributes}\n`;
    first = false;
  }
}
