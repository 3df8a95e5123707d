import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError, readTable, rowLocation, type Table } from '@persona/core';
import { message } from '../messages.js';
import { parsePersonaBlock, personasToCensus, splitPersonaBlocks, type ParsedPersona, type UnmappedValue } from '@persona/personas';

/** A sample file read for `persona check`. */
export interface CheckSampleFile {
  /** String columns: the file's own, or the census columns of parsed persona strings. */
  readonly table: Table;
  /** `table`: census columns as written; `persona-strings`: PERSONA's released persona strings, parsed. */
  readonly kind: 'table' | 'persona-strings';
  /** Values of persona strings that could not be mapped (empty for a table). */
  readonly unmapped: readonly UnmappedValue[];
}

/**
 * Reads the sample of `persona check`, choosing by content as well as extension:
 *
 * - PERSONA's released persona strings (see `parsePersonaBlock`, mapped by `personasToCensus`):
 *   a `.txt` file of blocks separated by blank lines; a `.json` array of strings;
 *   or any table (`.jsonl`, `.json` array of objects, `.csv`, `.parquet`) with a
 *   `persona` column and neither `census.*` columns nor an `AGEP` column.
 * - Anything else through `readTable` (CSV, JSONL, JSON, Parquet, gzip allowed):
 *   census fields as columns; a persona `.jsonl` of `persona generate`
 *   (`{ id, weight, census: { SEX, AGEP, … } }`) has its census fields as columns.
 * @throws {InputError} for an unreadable or malformed file or persona block (naming its line).
 */
export async function readCheckSample(path: string): Promise<CheckSampleFile> {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.txt')) {
    const text = await readText(path);
    const blocks = splitPersonaBlocks(text);
    const personas = blocks.map((block) => parsePersonaBlock(block.text, { file: path, line: block.line }, true));
    return fromPersonas(personas, path);
  }
  if (name.endsWith('.json')) {
    const document = parseJson(await readText(path), path);
    if (Array.isArray(document) && document.length > 0 && document.every((item) => typeof item === 'string')) {
      return fromPersonas(
        document.map((item, index) => parsePersonaBlock(item as string, { file: path, index })),
        path,
      );
    }
  }
  const table = await readTable(path);
  if (table.has('persona') && !table.has('AGEP') && !table.names.some((column) => column.startsWith('census.'))) {
    const strings = table.column('persona');
    const personas = strings.map((item, i) =>
      parsePersonaBlock(item, { file: path, ...rowLocation(table, i), field: 'persona' }),
    );
    return fromPersonas(personas, path);
  }
  return { table, kind: 'table', unmapped: [] };
}

function fromPersonas(personas: ParsedPersona[], path: string): CheckSampleFile {
  if (personas.length === 0) throw new InputError(message.emptySample(), { file: path });
  const { table, unmapped } = personasToCensus(personas, path);
  return { table, kind: 'persona-strings', unmapped };
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(message.sampleUnreadable(code === 'ENOENT' ? 'no such file' : (error as Error).message), { file: path });
  }
  return (path.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^\uFEFF/, '');
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(message.sampleNotJson((error as Error).message), { file: path });
  }
}
