import { InputError, type InputLocation } from '@persona/core';
import { message } from '../messages.js';
import type { ParsedPersona } from './persona-block.js';
import { normaliseLabel, PERSONA_ATTRIBUTES, PERSONA_DETAIL_ATTRIBUTES, type PersonaAttribute } from './persona-vocabulary.js';
import { NOT_AVAILABLE } from '../text/attribute-block.js';
import { personaHfAttributes } from './persona-hf-attributes.js';

/** A value of a PERSONA attribute that maps to no PUMS code (left out of the checks, never guessed). */
export interface UnrecognisedValue {
  readonly key: string;
  readonly value: string;
  /** 1-based line in the file (or in the persona string when the file line is unknown). */
  readonly line: number;
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
