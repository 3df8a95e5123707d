import { pumsCodebook } from '@persona/census';
import { InputError, type InputLocation } from '@persona/core';
import { normaliseLabel, PERSONA_ATTRIBUTES, type LabelMatch, type ParsedPersona } from '@persona/metrics';
import { message } from '../messages.js';
import { NOT_AVAILABLE } from '../text/attribute-block.js';
import { personaHfAttributes } from './persona-hf-attributes.js';

/** A value of a PERSONA attribute that maps to no PUMS code (left out of the checks, never guessed). */
export interface UnrecognisedValue {
  readonly key: string;
  readonly value: string;
  /** 1-based line in the file (or in the persona string when the file line is unknown). */
  readonly line: number;
}

/** The "not applicable" words of `@persona/metrics`' vocabulary, plus the PUMS "N/A (…)" labels. */
function notApplicable(normalised: string): boolean {
  return normalised === 'not applicable' || normalised === 'na' || normalised === 'n a' || normalised.startsWith('n a ');
}

/** Attributes read through the 2024 dictionary's labels of a PUMS variable (those `@persona/metrics` does not map). */
function dictionaryReader(variable: string): (value: string) => LabelMatch {
  let table: Map<string, number> | undefined;
  return (value) => {
    if (table === undefined) {
      table = new Map();
      for (const entry of pumsCodebook().variable(variable).values) {
        if (entry.range === undefined && /^\d+$/.test(entry.code)) table.set(normaliseLabel(entry.label), Number(entry.code));
      }
    }
    const normalised = normaliseLabel(value);
    const code = table.get(normalised);
    if (code !== undefined) return { kind: 'code', code };
    return notApplicable(normalised) ? { kind: 'blank' } : { kind: 'unrecognised' };
  };
}

/** PERSONA's `income`: dollars written `62000`, `62000.0`, `-60000.0` or `$62,000`; "Not applicable" is blank; ranges are unrecognised. */
function readIncome(value: string): LabelMatch {
  const text = value.trim().replace(/^\$/, '').replaceAll(',', '');
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'code', code: Math.round(Number(text)) };
  return notApplicable(normaliseLabel(value)) ? { kind: 'blank' } : { kind: 'unrecognised' };
}

/**
 * How each PERSONA key is read for the consistency rules: the census keys
 * `@persona/metrics` maps (age, sex, race, education, marital status,
 * employment status, citizenship, veteran status, disability, health
 * insurance) through its vocabulary; class of worker (COW), income (PINCP),
 * fertility (FER), cognitive difficulty (DREM), ability to speak English
 * (ENG), vision (DEYE) and hearing difficulty (DEAR) through the 2024
 * dictionary's labels. `household language` is not read: PERSONA writes the
 * household's language (HHL), which says nothing of a child's own LANX.
 */
const READERS: ReadonlyMap<string, { variable: string; match: (value: string) => LabelMatch }> = new Map([
  ...PERSONA_ATTRIBUTES.filter((a) => a.key !== 'household language').map((a) => [a.key, { variable: a.variable, match: (v: string) => a.match(v) }] as const),
  ['class of worker', { variable: 'COW', match: dictionaryReader('COW') }],
  ['income', { variable: 'PINCP', match: readIncome }],
  ['fertility', { variable: 'FER', match: dictionaryReader('FER') }],
  ['cognitive difficulty', { variable: 'DREM', match: dictionaryReader('DREM') }],
  ['ability to speak english', { variable: 'ENG', match: dictionaryReader('ENG') }],
  ['vision difficulty', { variable: 'DEYE', match: dictionaryReader('DEYE') }],
  ['hearing difficulty', { variable: 'DEAR', match: dictionaryReader('DEAR') }],
]);

/**
 * A parsed PERSONA persona as census fields (PUMS variable → code, null for
 * an explicit "not applicable"; a key that is absent, "Not available", or
 * whose value is unrecognised leaves its variable absent).
 * @param lineOf the file line of a key's line within the block.
 * @throws {InputError} for a key that is not one of PERSONA's 33 (naming its line and the key).
 */
export function personaHfFields(
  persona: ParsedPersona,
  where: InputLocation,
  lineOf: (lineInBlock: number) => number,
  unrecognised: UnrecognisedValue[],
): Map<string, number | null> {
  const known = new Set(personaHfAttributes().map((a) => a.key));
  const fields = new Map<string, number | null>();
  for (const [key, field] of persona.fields) {
    if (!known.has(key)) throw new InputError(message.unknownAttribute(key), { ...where, line: lineOf(field.line), field: key });
    const reader = READERS.get(key);
    if (reader === undefined || normaliseLabel(field.value) === normaliseLabel(NOT_AVAILABLE)) continue;
    const match = reader.match(field.value);
    if (match.kind === 'code') fields.set(reader.variable, match.code);
    else if (match.kind === 'blank') fields.set(reader.variable, null);
    else unrecognised.push({ key, value: field.value, line: lineOf(field.line) });
  }
  return fields;
}
