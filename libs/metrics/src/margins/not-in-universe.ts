import { InputError } from '@persona/core';
import { NOT_IN_UNIVERSE, recodes } from '@persona/census';
import { message } from '../messages.js';

/**
 * The default out-of-universe categories of margin variables: the code
 * `NOT_IN_UNIVERSE` ("0") of every `@persona/census` recode whose universe is
 * narrower than the total population (education: 25+, marital_status: 15+,
 * employment_status: 16+, veteran_status: civilian 18+, language_at_home: 5+,
 * personal_income: 15+). The embedded ACS margins carry that category so that
 * every block sums to the total population; representativeness is judged
 * within the universe, so `checkRepresentativeness` drops it from sample and
 * target and renormalises, reporting it apart. Other variables get none.
 * @example defaultNotInUniverse(['sex', 'education']) // { education: ['0'] }
 */
export function defaultNotInUniverse(variables: readonly string[]): Record<string, readonly string[]> {
  const code = String(NOT_IN_UNIVERSE);
  const out: Record<string, readonly string[]> = {};
  for (const name of variables) {
    if (Object.hasOwn(recodes, name) && Object.hasOwn(recodes[name].categories, code)) out[name] = [code];
  }
  return out;
}

/**
 * The optional `notInUniverse` field of a user's MARGINS.json: `{ "education": "0" }` or
 * `{ "education": ["0"], … }` — categories outside each variable's universe, dropped from
 * sample and target by `persona check` (the census default of {@link defaultNotInUniverse}
 * applies to the embedded margins only). Returns undefined when the document has no such
 * field (or is not a JSON object: the margins reader reports that).
 * @param document the parsed MARGINS.json or its text.
 * @throws {InputError} (field `notInUniverse[.VAR]`) when the field is not an object of
 *   category strings or lists of them.
 */
export function notInUniverseField(document: unknown, file?: string): Record<string, readonly string[]> | undefined {
  let doc = document;
  if (typeof document === 'string') {
    try {
      doc = JSON.parse(document);
    } catch {
      return undefined;
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Object.hasOwn(doc, 'notInUniverse')) return undefined;
  const field = (doc as { notInUniverse: unknown }).notInUniverse;
  if (typeof field !== 'object' || field === null || Array.isArray(field)) {
    throw new InputError(message.universeFieldInvalid(), { file, field: 'notInUniverse' });
  }
  const out: Record<string, readonly string[]> = {};
  for (const [name, value] of Object.entries(field)) {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string')) {
      throw new InputError(message.universeFieldInvalid(), { file, field: `notInUniverse.${name}` });
    }
    out[name] = list;
  }
  return out;
}
