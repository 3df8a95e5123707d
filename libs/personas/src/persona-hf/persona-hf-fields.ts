import { InputError, type InputLocation } from '@persona/core';
import { message } from '../messages.js';
import { censusBlankAllowed } from '../record/census-labels.js';
import type { ParsedPersona } from './persona-block.js';
import { normaliseLabel, PERSONA_ATTRIBUTES, PERSONA_DETAIL_ATTRIBUTES, type PersonaAttribute, type PersonaIncomeReading } from './persona-vocabulary.js';
import { NOT_AVAILABLE } from '../text/attribute-block.js';
import { personaHfAttributes } from './persona-hf-attributes.js';

/** A value of a PERSONA attribute that maps to no PUMS code (left out of the checks, never guessed). */
export interface UnrecognisedValue {
  readonly key: string;
  readonly value: string;
  /** 0-based record (persona) of the file. */
  readonly index: number;
  /** 1-based line of the attribute in the file, when known (a text of blocks, a .jsonl line); absent for a multi-line CSV field or a JSON array element. */
  readonly line?: number;
  /**
   * `unrecognised`: not a PUMS label or a documented variant; `no N/A code`: a
   * "not applicable" word for a variable whose 2024 dictionary entry has no
   * blank (disability, health insurance, sex, …), which no PUMS code expresses.
   */
  readonly reason: 'unrecognised' | 'no N/A code';
}

/**
 * How each PERSONA key is read for the consistency rules, all through
 * the vocabulary of `persona-vocabulary.ts` (one place for the PERSONA attribute
 * labels): the census keys of `PERSONA_ATTRIBUTES` (age, sex, race,
 * education, marital status, employment status, citizenship, veteran status,
 * disability, health insurance) and the keys of `PERSONA_DETAIL_ATTRIBUTES`
 * (class of worker, income, fertility, cognitive difficulty, ability to speak
 * English, vision and hearing difficulty). `household language` is not read:
 * PERSONA writes the household's language (HHL), which says nothing of a
 * child's own LANX.
 */
const READERS: ReadonlyMap<string, PersonaAttribute> = new Map(
  [...PERSONA_ATTRIBUTES.filter((a) => a.key !== 'household language'), ...PERSONA_DETAIL_ATTRIBUTES].map((a) => [a.key, a] as const),
);

/**
 * A parsed PERSONA persona as census fields (PUMS variable → code, null for
 * an explicit "not applicable"; a key that is absent, "Not available", or
 * whose value is unrecognised leaves its variable absent, so the rules that
 * read it are skipped and counted as such).
 *
 * PERSONA's conventions (FORMAT.md of the project's reference notes), read
 * faithfully rather than forced into the census's:
 * - free words are read as the PUMS code they name: "Non-Veteran" → MIL 4,
 *   "Not in labor force" → ESR 6, "None" (disability) → DIS 2. On a child
 *   these stand where the census writes N/A, so they break only rules of kind
 *   `universe` (a labelling matter), never a `contradiction`; "Employed" at 10
 *   is a contradiction;
 * - `income` is filed under PINCP (`incomeReading` 'pincp': the personal-income
 *   rules apply to it) or HINCP ('hincp': minors may carry it, only a value
 *   outside HINCP's range is a contradiction); see `PERSONA_INCOME_READINGS`
 *   in persona-vocabulary.ts;
 * - a "not applicable" word for a variable whose dictionary entry has no blank
 *   (disability, health insurance, sex, race, age, …) expresses no PUMS code: it
 *   is listed in `unrecognised` (reason `no N/A code`) and the variable left absent.
 * @param where the record's location, used for errors: its file, and its line or `index`.
 * @param record 0-based position of the persona in its file (for `unrecognised`).
 * @param lineOf the file line of a key's line within the block, or undefined when file lines are unknown.
 * @param incomeReading whether PERSONA's `income` is read as personal (PINCP) or household (HINCP) income.
 * @throws {InputError} for a key that is not one of PERSONA's 33 (naming its line, or the record, and the key).
 */
export function personaHfFields(
  persona: ParsedPersona,
  where: InputLocation,
  record: number,
  lineOf: (lineInBlock: number) => number | undefined,
  unrecognised: UnrecognisedValue[],
  incomeReading: PersonaIncomeReading,
): Map<string, number | null> {
  const known = new Set(personaHfAttributes().map((a) => a.key));
  const fields = new Map<string, number | null>();
  for (const [key, field] of persona.fields) {
    const line = lineOf(field.line);
    const at = line !== undefined ? { line } : {};
    if (!known.has(key)) throw new InputError(message.unknownAttribute(key), { ...where, ...at, field: key });
    const reader = READERS.get(key);
    if (reader === undefined || normaliseLabel(field.value) === normaliseLabel(NOT_AVAILABLE)) continue;
    const match = reader.match(field.value);
    const variable = key === 'income' && incomeReading === 'hincp' ? 'HINCP' : reader.variable;
    if (match.kind === 'code') fields.set(variable, match.code);
    else if (match.kind === 'blank' && censusBlankAllowed(variable)) fields.set(variable, null);
    else unrecognised.push({ key, value: field.value, index: record, ...at, reason: match.kind === 'blank' ? 'no N/A code' : 'unrecognised' });
  }
  return fields;
}
