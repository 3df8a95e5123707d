import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { pumsCodebook } from '@persona/census';
import { coreMessage, InputError, readTable, type Table } from '@persona/core';
import { message } from '../messages.js';
import { censusCodeKnown } from '../record/census-labels.js';
import { consistencyRules } from '../rules/consistency-rule.js';
import { validatePersonas, type CheckedRecord, type RuleViolation } from '../rules/validate-personas.js';
import { parsePersonaBlock, splitPersonaBlocks } from '../persona-hf/persona-block.js';
import { personaHfFields, type UnrecognisedValue } from '../persona-hf/persona-hf-fields.js';

/** The rule id of a census code that the PUMS data dictionary does not list. */
export const PUMS_CODE_RULE = 'pums-code';

/** The formats `persona validate` reads. */
export const VALIDATE_FORMATS = ['auto', 'jsonl', 'persona-hf'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** What {@link validatePersonaFile} found. */
export interface PersonaFileValidation {
  readonly file: string;
  /** `csv`, `parquet`: a file written by `persona generate` (columns census.X). */
  readonly format: 'jsonl' | 'csv' | 'parquet' | 'persona-hf';
  readonly personas: number;
  readonly rules: number;
  /** Personas with at least one violation. */
  readonly inconsistent: number;
  readonly violations: readonly RuleViolation[];
  /** Rule id → number of violations. */
  readonly byRule: Readonly<Record<string, number>>;
  /** PERSONA values that map to no PUMS code (left out of the checks). */
  readonly unrecognised: readonly UnrecognisedValue[];
}

/**
 * Checks every persona of a file against the consistency rules
 * (data/personas/rules.json). Formats:
 * - `jsonl`: records of `persona generate` (`census` = PUMS codes, null for blank),
 *   read line by line (a file of 1,000,000 personas is streamed);
 * - `persona-hf`: PERSONA's release form — a text of `key: value` blocks separated
 *   by blank lines, or a `.jsonl`/`.csv`/`.json`/`.parquet` whose `persona` field
 *   holds one block per record — parsed by `parsePersonaBlock`
 *   and read into PUMS codes by `personaHfFields`;
 * - a `.csv` or `.parquet` of `persona generate` (columns `census.X`), found by `auto` only;
 * - `auto`: `.txt` → persona-hf; `.jsonl` → by its first record (`census` → jsonl,
 *   `persona` → persona-hf); `.csv`, `.parquet` → ours when it has `census.*`
 *   columns, else persona-hf; `.json` → persona-hf.
 * A census code of our files that the 2024 PUMS data dictionary does not list (e.g.
 * `census.SEX = "9"`) is reported as a violation of rule {@link PUMS_CODE_RULE}, naming the
 * field and the code.
 * @throws {InputError} for an unreadable file, a malformed line or block, a
 *   census code that is not an integer, an unknown PUMS variable or an
 *   unknown PERSONA attribute (naming the file, line and field).
 */
export async function validatePersonaFile(path: string, format: ValidateFormat = 'auto'): Promise<PersonaFileValidation> {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  let resolved: PersonaFileValidation['format'];
  let table: Table | undefined;
  if (format !== 'auto') resolved = format;
  else if (lower.endsWith('.jsonl')) resolved = (await firstJsonlRecordHasCensus(path)) ? 'jsonl' : 'persona-hf';
  else if (lower.endsWith('.csv') || lower.endsWith('.parquet')) {
    table = await readTable(path);
    resolved = !table.names.some((name) => name.startsWith('census.')) ? 'persona-hf' : lower.endsWith('.csv') ? 'csv' : 'parquet';
  } else if (lower.endsWith('.txt') || lower.endsWith('.json')) resolved = 'persona-hf';
  else throw new InputError(message.formatUndetected(path), { file: path });
  const rules = consistencyRules();
  const violations: RuleViolation[] = [];
  const unrecognised: UnrecognisedValue[] = [];
  let personas = 0;
  // A code the PUMS dictionary does not list (census.SEX = "9") is a violation of rule
  // `pums-code`, reported before the record's rule violations.
  const check = (record: CheckedRecord, unknown: readonly (readonly [string, string])[] = []) => {
    for (const [field, code] of unknown) {
      violations.push({
        rule: PUMS_CODE_RULE,
        description: message.censusCodeUnknown(field, code),
        index: personas,
        ...(record.id !== undefined ? { id: record.id } : {}),
        ...(record.line !== undefined ? { line: record.line } : {}),
        values: { [field]: /^-?\d+$/.test(code.trim()) ? Number(code) : null },
      });
    }
    for (const v of validatePersonas([record], rules)) violations.push({ ...v, index: personas });
    personas++;
  };
  if (resolved === 'jsonl') await readOurJsonl(path, check);
  else if (resolved === 'csv' || resolved === 'parquet') readOurTable(table ?? (await readTable(path)), path, check);
  else await readPersonaHf(path, lower, table, check, unrecognised);
  const byRule: Record<string, number> = {};
  const inconsistent = new Set<number>();
  for (const v of violations) {
    byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
    inconsistent.add(v.index);
  }
  return { file: path, format: resolved, personas, rules: rules.length, inconsistent: inconsistent.size, violations, byRule, unrecognised };
}

function lines(path: string) {
  const input = createReadStream(path);
  const stream = path.toLowerCase().endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (error) => stream.destroy(error));
  return createInterface({ input: stream, crlfDelay: Infinity });
}

async function firstJsonlRecordHasCensus(path: string): Promise<boolean> {
  try {
    for await (const line of lines(path)) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      return record !== null && typeof record === 'object' && typeof record.census === 'object' && record.census !== null;
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new InputError(message.notJsonObject(error.message), { file: path, line: 1 });
    throw new InputError((error as Error).message, { file: path });
  }
  throw new InputError(message.noCensusField(), { file: path });
}

/** Reads `persona generate` records; `census` values are integer codes (as strings or numbers) or null. */
async function readOurJsonl(path: string, check: Check): Promise<void> {
  const codebook = pumsCodebook();
  let line = 0;
  try {
    for await (const text of lines(path)) {
      line++;
      if (text.trim() === '') continue;
      let record: { id?: unknown; census?: unknown };
      try {
        record = JSON.parse(text) as typeof record;
      } catch (error) {
        throw new InputError(message.notJsonObject((error as Error).message), { file: path, line });
      }
      if (record === null || typeof record !== 'object' || typeof record.census !== 'object' || record.census === null) {
        throw new InputError(message.noCensusField(), { file: path, line });
      }
      const census = record.census as Record<string, unknown>;
      for (const key of Object.keys(census)) {
        if (!codebook.has(key)) throw new InputError(message.unknownCensusVariable(key), { file: path, line, field: `census.${key}` });
      }
      const where = { file: path, line };
      const fields = (field: string): number | null | undefined => (Object.hasOwn(census, field) ? censusValue(census[field], field, where) : undefined);
      const unknown = unknownCodes(Object.entries(census).map(([field, value]) => [field, value === null || value === undefined ? null : String(value)]));
      check({ fields, line, ...(typeof record.id === 'string' ? { id: record.id } : {}) }, unknown);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError((error as Error).message, { file: path });
  }
}

type Check = (record: CheckedRecord, unknown?: readonly (readonly [string, string])[]) => void;

/** The (field, code) pairs whose code the PUMS dictionary does not list (see `censusCodeKnown`). */
function unknownCodes(entries: readonly (readonly [string, string | null])[]): [string, string][] {
  const out: [string, string][] = [];
  for (const [field, code] of entries) if (code !== null && !censusCodeKnown(field, code.trim())) out.push([field, code]);
  return out;
}

/** A census value of our files as the rule engine reads it. */
function censusValue(value: unknown, field: string, where: { file: string; line?: number }): number | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  if (!/^-?\d+$/.test(text.trim())) throw new InputError(message.censusCodeNotInteger(field, text), { ...where, field: `census.${field}` });
  return Number(text);
}

/** Checks a CSV or Parquet table of `persona generate` (columns `census.X`; an empty cell or null is blank). */
function readOurTable(table: Table, path: string, check: Check): void {
  const codebook = pumsCodebook();
  const columns = new Map<string, string[]>();
  for (const name of table.names) {
    if (!name.startsWith('census.')) continue;
    const field = name.slice('census.'.length);
    if (!codebook.has(field)) throw new InputError(message.unknownCensusVariable(field), { file: path, field: name });
    columns.set(field, table.column(name));
  }
  const ids = table.has('id') ? table.column('id') : undefined;
  for (let i = 0; i < table.nRows; i++) {
    const line = table.lineOffset !== undefined ? i + table.lineOffset : undefined;
    const where = { file: path, ...(line !== undefined ? { line } : {}) };
    const fields = (field: string): number | null | undefined => {
      const column = columns.get(field);
      return column === undefined ? undefined : censusValue(column[i], field, where);
    };
    const unknown = unknownCodes([...columns].map(([field, column]) => [field, column[i] === '' ? null : column[i]]));
    check({ fields, ...(line !== undefined ? { line } : {}), ...(ids !== undefined ? { id: ids[i]! } : {}) }, unknown);
  }
}

async function readPersonaHf(
  path: string,
  lower: string,
  read: Table | undefined,
  check: (record: CheckedRecord) => void,
  unrecognised: UnrecognisedValue[],
): Promise<void> {
  const visit = (text: string, where: { file: string; line?: number; index?: number; field?: string }, inFile: boolean, lineOf: (l: number) => number, line: number | undefined) => {
    const parsed = parsePersonaBlock(text, where, inFile);
    const fields = personaHfFields(parsed, { file: path }, lineOf, unrecognised);
    check({ fields: (field) => (fields.has(field) ? fields.get(field)! : undefined), ...(line !== undefined ? { line } : {}) });
  };
  if (lower.endsWith('.txt') || !['.jsonl', '.csv', '.json', '.parquet'].some((extension) => lower.endsWith(extension))) {
    let text: string;
    try {
      text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    } catch (error) {
      throw new InputError((error as Error).message, { file: path });
    }
    const blocks = splitPersonaBlocks(text);
    if (blocks.length === 0) throw new InputError(message.noPersonaBlocks(), { file: path });
    for (const block of blocks) visit(block.text, { file: path, line: block.line }, true, (l) => block.line + l - 1, block.line);
    return;
  }
  const table = read ?? (await readTable(path));
  if (!table.has('persona')) throw new InputError(coreMessage.missingColumns(['persona'], table.names), { file: path });
  const strings = table.column('persona');
  if (strings.length === 0) throw new InputError(message.noPersonaBlocks(), { file: path });
  strings.forEach((text, i) => {
    const line = table.lineOffset !== undefined ? i + table.lineOffset : undefined;
    visit(text, line !== undefined ? { file: path, line, field: 'persona' } : { file: path, index: i, field: 'persona' }, false, () => line ?? i + 1, line);
  });
}
