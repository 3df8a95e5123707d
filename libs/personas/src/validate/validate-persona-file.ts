import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createGunzip, gunzip } from 'node:zlib';
import { pumsCodebook } from '@persona/census';
import { InputError, readTable, rowLocation, type InputLocation, type Table } from '@persona/core';
import { message } from '../messages.js';
import { censusCodeKnown } from '../record/census-labels.js';
import { consistencyRules, RULE_KINDS } from '../rules/consistency-rule.js';
import { emptyRuleCoverage, validatePersonas, type CheckedRecord, type RuleViolation } from '../rules/validate-personas.js';
import { parsePersonaBlock, splitPersonaBlocks } from '../persona-hf/persona-block.js';
import { personaHfFields, type UnrecognisedValue } from '../persona-hf/persona-hf-fields.js';
import type { PersonaIncomeReading } from '../persona-hf/persona-vocabulary.js';

/** The rule id of a census code that the PUMS data dictionary does not list (kind `code`). */
export const PUMS_CODE_RULE = 'pums-code';

/** The formats `persona validate` reads. */
export const VALIDATE_FORMATS = ['auto', 'jsonl', 'persona-hf'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** The kind of a violation: a rule's kind, or `code` for {@link PUMS_CODE_RULE}. */
export type ViolationKind = RuleViolation['kind'];

/** Every {@link ViolationKind}, in report order. */
export const VIOLATION_KINDS: readonly ViolationKind[] = [...RULE_KINDS, 'code'];

/** What {@link validatePersonaFile} found. */
export interface PersonaFileValidation {
  readonly file: string;
  /** `csv`, `parquet`: a file written by `persona generate` (columns census.X). */
  readonly format: 'jsonl' | 'csv' | 'parquet' | 'persona-hf';
  readonly personas: number;
  /** The number of consistency rules (data/personas/rules.json). */
  readonly rules: number;
  /** Rules applied to at least one persona (the others read a field no persona carries). */
  readonly rulesApplicable: number;
  /** Rule id → personas the rule was applied to. */
  readonly applied: Readonly<Record<string, number>>;
  /** Rule id → personas the rule was skipped for: the persona lacks a field it reads, or the field failed {@link PUMS_CODE_RULE}. */
  readonly skipped: Readonly<Record<string, number>>;
  /** Personas with at least one violation. */
  readonly inconsistent: number;
  /** Kind → personas with at least one violation of that kind. */
  readonly inconsistentByKind: Readonly<Record<ViolationKind, number>>;
  readonly violations: readonly RuleViolation[];
  /** Rule id → number of violations. */
  readonly byRule: Readonly<Record<string, number>>;
  /** Kind → number of violations. */
  readonly byKind: Readonly<Record<ViolationKind, number>>;
  /** PERSONA values that map to no PUMS code (left out of the checks). */
  readonly unrecognised: readonly UnrecognisedValue[];
}

/** A census value as written: the code's text, or null for the blank. */
type CensusEntry = readonly [field: string, code: string | null];
type Check = (record: CheckedRecord, where: InputLocation, codes?: readonly CensusEntry[]) => void;

/**
 * Checks every persona of a file against the consistency rules
 * (data/personas/rules.json), counting per rule the personas it was applied to
 * and skipped for. Formats:
 * - `jsonl`: records of `persona generate` (`census` = PUMS codes, null for blank),
 *   read line by line (a file of 1,000,000 personas is streamed);
 * - `persona-hf`: PERSONA's release form — a text of `key: value` blocks separated
 *   by blank lines (`.txt`, `.txt.gz`), a `.json` array of persona strings (the
 *   re-posted `full.json`) or of objects with a `persona` field, or a
 *   `.jsonl`/`.csv`/`.parquet` whose `persona` field holds one block per record —
 *   parsed by `parsePersonaBlock` and read into PUMS codes by `personaHfFields`,
 *   its `income` as personal (PINCP, `personaIncome` 'pincp', the default) or
 *   household income (HINCP, 'hincp'; see `PERSONA_INCOME_READINGS`);
 * - a `.csv` or `.parquet` of `persona generate` (columns `census.X`), found by `auto` only;
 * - `auto`: `.txt` → persona-hf; `.jsonl` → by its first record (`census` → jsonl,
 *   `persona` → persona-hf); `.csv`, `.parquet` → ours when it has `census.*`
 *   columns, persona-hf when it has a `persona` column; `.json` → persona-hf.
 * A `.gz` file reads as the file it holds; a UTF-8 byte-order mark is ignored.
 *
 * In our files every record must carry `census.AGEP` (every universe rule reads
 * age). A census code the 2024 PUMS data dictionary does not list (`census.SEX =
 * "9"`, `PINCP = -60000` below the bottom code, AGEP 120), or a blank where the
 * variable's dictionary entry has no blank (`census.SEX = null`), is a violation
 * of rule {@link PUMS_CODE_RULE} (kind `code`), naming the field and the code;
 * the rules that read that field are then skipped for the record (counted in
 * `skipped`), so one fault is counted once.
 * @throws {InputError} for an unreadable file, a file of neither form, a file
 *   without personas, a malformed line or block, a record of ours without
 *   census.AGEP, a census code that is not an integer (in a .jsonl: a value that
 *   is not a string, a number or null), an unknown PUMS variable or PERSONA attribute (naming
 *   the file, the line — or the record when the line is unknown — and the field),
 *   or a file to which no rule applies at all.
 */
export async function validatePersonaFile(
  path: string,
  format: ValidateFormat = 'auto',
  personaIncome: PersonaIncomeReading = 'pincp',
): Promise<PersonaFileValidation> {
  const lower = path.toLowerCase().replace(/\.gz$/, '');
  let resolved: PersonaFileValidation['format'];
  let table: Table | undefined;
  if (format !== 'auto') resolved = format;
  else if (lower.endsWith('.jsonl')) resolved = (await firstJsonlRecordShape(path)) === 'census' ? 'jsonl' : 'persona-hf';
  else if (lower.endsWith('.csv') || lower.endsWith('.parquet')) {
    table = await readTable(path);
    if (table.names.some((name) => name.startsWith('census.'))) resolved = lower.endsWith('.csv') ? 'csv' : 'parquet';
    else if (table.has('persona')) resolved = 'persona-hf';
    else throw new InputError(message.noPersonaFields(table.names), { file: path });
  } else if (lower.endsWith('.txt') || lower.endsWith('.json')) resolved = 'persona-hf';
  else throw new InputError(message.formatUndetected(path), { file: path });
  const rules = consistencyRules();
  const coverage = emptyRuleCoverage(rules);
  const violations: RuleViolation[] = [];
  const unrecognised: UnrecognisedValue[] = [];
  let personas = 0;
  // A code the PUMS dictionary does not list (census.SEX = "9"), or a blank it does not
  // allow, is a violation of rule `pums-code`, reported before the record's rule
  // violations; the rules reading that field are skipped for the record.
  const check: Check = (record, where, codes = []) => {
    let failed: Set<string> | undefined;
    for (const [field, code] of codes) {
      if (censusCodeKnown(field, code === null ? null : code.trim())) continue;
      const integer = code === null ? null : code.trim();
      if (integer !== null && !/^-?\d+$/.test(integer)) throw new InputError(message.censusCodeNotInteger(field, code!), { ...where, field: `census.${field}` });
      (failed ??= new Set()).add(field);
      violations.push({
        rule: PUMS_CODE_RULE,
        kind: 'code',
        description: integer === null ? message.censusBlankNotAllowed(field) : message.censusCodeUnknown(field, code!),
        index: personas,
        ...(record.id !== undefined ? { id: record.id } : {}),
        ...(record.line !== undefined ? { line: record.line } : {}),
        values: { [field]: integer === null ? null : Number(integer) },
      });
    }
    const skip = failed;
    const checked = skip === undefined ? record : { ...record, fields: (field: string) => (skip.has(field) ? undefined : record.fields(field)) };
    for (const v of validatePersonas([checked], rules, coverage)) violations.push({ ...v, index: personas });
    personas++;
  };
  if (resolved === 'jsonl') await readOurJsonl(path, check);
  else if (resolved === 'csv' || resolved === 'parquet') readOurTable(table ?? (await readTable(path)), path, check);
  else await readPersonaHf(path, lower, table, check, unrecognised, personaIncome);
  // An empty file of PERSONA's form has thrown `noPersonaBlocks` already; one of ours (a header-only .csv, a
  // zero-row .parquet, a .jsonl of blank lines) would otherwise pass as consistent.
  if (personas === 0) throw new InputError(message.noPersonaRecords(), { file: path });
  const rulesApplicable = rules.filter((rule) => coverage.applied[rule.id]! > 0).length;
  if (rulesApplicable === 0) throw new InputError(message.noRuleApplicable(rules.length), { file: path });
  const byRule: Record<string, number> = {};
  const byKind = Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, 0])) as Record<ViolationKind, number>;
  const inconsistent = new Set<number>();
  const inconsistentKind = Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, new Set<number>()])) as Record<ViolationKind, Set<number>>;
  for (const v of violations) {
    byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
    byKind[v.kind]++;
    inconsistent.add(v.index);
    inconsistentKind[v.kind].add(v.index);
  }
  return {
    file: path,
    format: resolved,
    personas,
    rules: rules.length,
    rulesApplicable,
    applied: coverage.applied,
    skipped: coverage.skipped,
    inconsistent: inconsistent.size,
    inconsistentByKind: Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, inconsistentKind[kind].size])) as Record<ViolationKind, number>,
    violations,
    byRule,
    byKind,
    unrecognised,
  };
}

/** The lines of a text file (gunzipped when `.gz`), without a leading UTF-8 byte-order mark. */
async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path);
  const stream = path.toLowerCase().endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (error) => stream.destroy(error));
  let first = true;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    yield first ? line.replace(/^\uFEFF/, '') : line;
    first = false;
  }
}

/** The whole text of a file (gunzipped when `.gz`), without a leading UTF-8 byte-order mark. */
async function readText(path: string): Promise<string> {
  try {
    const bytes = await readFile(path);
    const raw = path.toLowerCase().endsWith('.gz') ? await promisify(gunzip)(bytes) : bytes;
    return raw.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError((error as Error).message, { file: path });
  }
}

/** Whether the first record of a .jsonl is ours (`census`) or PERSONA's (`persona`). */
async function firstJsonlRecordShape(path: string): Promise<'census' | 'persona'> {
  let line = 0;
  try {
    for await (const text of lines(path)) {
      line++;
      if (text.trim() === '') continue;
      const record = JSON.parse(text) as unknown;
      const keys = record !== null && typeof record === 'object' && !Array.isArray(record) ? Object.keys(record) : [];
      const object = record as Record<string, unknown>;
      if (keys.includes('census') && typeof object.census === 'object' && object.census !== null) return 'census';
      if (keys.includes('persona')) return 'persona';
      throw new InputError(message.noPersonaFields(keys), { file: path, line });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof SyntaxError) throw new InputError(message.notJsonObject(error.message), { file: path, line });
    throw new InputError((error as Error).message, { file: path });
  }
  throw new InputError(message.noPersonaFields([]), { file: path });
}

/**
 * Reads `persona generate` records; `census` values are integer codes (as strings or numbers) or null.
 * Any other JSON value (an array, an object, a boolean) is an `InputError` naming the line and field,
 * never read through `String()` (which would take `[30]` for 30).
 */
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
        const value = census[key];
        if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
          throw new InputError(message.censusCodeNotInteger(key, JSON.stringify(value)), { file: path, line, field: `census.${key}` });
        }
      }
      if (!Object.hasOwn(census, 'AGEP')) throw new InputError(message.censusAgeMissing(), { file: path, line, field: 'census.AGEP' });
      const where = { file: path, line };
      const fields = (field: string): number | null | undefined => (Object.hasOwn(census, field) ? censusValue(census[field], field, where) : undefined);
      const codes = Object.entries(census).map(([field, value]): CensusEntry => [field, value === null || value === undefined || value === '' ? null : String(value)]);
      check({ fields, line, ...(typeof record.id === 'string' ? { id: record.id } : {}) }, where, codes);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError((error as Error).message, { file: path });
  }
}

/** A census value of our files as the rule engine reads it. */
function censusValue(value: unknown, field: string, where: InputLocation): number | null {
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
  if (!columns.has('AGEP')) throw new InputError(message.censusAgeMissing(), { file: path, field: 'census.AGEP' });
  const ids = table.has('id') ? table.column('id') : undefined;
  for (let i = 0; i < table.nRows; i++) {
    const line = table.lineOf(i);
    const where = { file: path, ...rowLocation(table, i) };
    const fields = (field: string): number | null | undefined => {
      const column = columns.get(field);
      return column === undefined ? undefined : censusValue(column[i], field, where);
    };
    const codes = [...columns].map(([field, column]): CensusEntry => [field, column[i] === '' ? null : column[i]!]);
    check({ fields, ...(line !== undefined ? { line } : {}), ...(ids !== undefined ? { id: ids[i]! } : {}) }, where, codes);
  }
}

/** PERSONA's persona strings of a `.json` file: an array of strings, or of objects with a string `persona`. */
async function jsonPersonaStrings(path: string): Promise<string[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(message.invalidJson((error as Error).message), { file: path });
  }
  if (!Array.isArray(data)) throw new InputError(message.jsonNotPersonaArray(), { file: path });
  return data.map((element: unknown, index) => {
    if (typeof element === 'string') return element;
    const persona = element !== null && typeof element === 'object' ? (element as Record<string, unknown>).persona : undefined;
    if (typeof persona === 'string') return persona;
    throw new InputError(message.jsonNotPersonaArray(), { file: path, index });
  });
}

async function readPersonaHf(
  path: string,
  lower: string,
  read: Table | undefined,
  check: Check,
  unrecognised: UnrecognisedValue[],
  personaIncome: PersonaIncomeReading,
): Promise<void> {
  let record = 0;
  const visit = (text: string, where: InputLocation, inFile: boolean, lineOf: (l: number) => number | undefined, line: number | undefined) => {
    const parsed = parsePersonaBlock(text, where, inFile);
    const fields = personaHfFields(parsed, { file: path, ...(line === undefined ? { index: record } : {}) }, record, lineOf, unrecognised, personaIncome);
    record++;
    check({ fields: (field) => (fields.has(field) ? fields.get(field)! : undefined), ...(line !== undefined ? { line } : {}) }, where);
  };
  if (lower.endsWith('.txt') || !['.jsonl', '.csv', '.json', '.parquet'].some((extension) => lower.endsWith(extension))) {
    const blocks = splitPersonaBlocks(await readText(path));
    if (blocks.length === 0) throw new InputError(message.noPersonaBlocks(), { file: path });
    for (const block of blocks) visit(block.text, { file: path, line: block.line }, true, (l) => block.line + l - 1, block.line);
    return;
  }
  let strings: string[];
  let recordLine: (record: number) => number | undefined = () => undefined;
  if (lower.endsWith('.json')) strings = await jsonPersonaStrings(path);
  else {
    const table = read ?? (await readTable(path));
    if (!table.has('persona')) throw new InputError(message.noPersonaFields(table.names), { file: path });
    strings = table.column('persona');
    recordLine = (record) => table.lineOf(record);
  }
  if (strings.length === 0) throw new InputError(message.noPersonaBlocks(), { file: path });
  strings.forEach((text, i) => {
    // A record's file line is the line it starts on (`Table.lineOf`: a .jsonl, or a CSV, also after
    // persona strings whose quoted line breaks span several lines); errors and violations name it, and
    // every key of the record with it (where in a multi-line quoted field a key sits is not tracked).
    // A .json array or a Parquet file has no lines: they name record i.
    const line = recordLine(i);
    const where = line !== undefined ? { file: path, line, field: 'persona' } : { file: path, index: i, field: 'persona' };
    visit(text, where, false, () => line, line);
  });
}
