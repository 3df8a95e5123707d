import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { codeOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { objectAt } from '../survey-tables/read-json.js';

/**
 * A named condition of rules.json: either one PUMS variable taking one of some
 * codes, or the drawn religion belonging to one of some religion families.
 */
export type FlagDefinition =
  | { readonly variable: string; readonly codes: readonly number[] }
  | { readonly religionFamilies: readonly string[] };

/** What rules.json defines: the named flags and the religion families a rule may name. */
export interface RuleVocabulary {
  readonly flags: Readonly<Record<string, FlagDefinition>>;
  /** The `family` values of the religion categories (data/traits/religion.json), in rules.json order. */
  readonly religionFamilies: readonly string[];
}

/** "PUMS variable ∈ codes"; a blank (not in universe) never satisfies it. */
export interface Condition {
  readonly variable: string;
  readonly codes: ReadonlySet<number>;
}

/**
 * Who may carry an entry: age bounds (AGEP, inclusive), PUMS conditions that
 * must all hold (`requires`) and PUMS conditions none of which may hold
 * (`excludes`), and conditions on the persona's drawn religion family.
 */
export interface EligibilityRule {
  readonly minAge: number;
  readonly maxAge: number;
  readonly requires: readonly Condition[];
  readonly excludes: readonly Condition[];
  /** The religion families the drawn religion must belong to (the intersection of every religion `requires`), or null for no such condition. */
  readonly religionIn: ReadonlySet<string> | null;
  /** The religion families it must not belong to (the union of every religion `excludes`; empty for none). */
  readonly religionNotIn: ReadonlySet<string>;
}

/** The condition key that names religion families directly (`requires: { religionFamily: ["Jewish"] }`). */
export const RELIGION_FAMILY = 'religionFamily';

const RULE_KEYS = ['minAge', 'maxAge', 'requires', 'excludes'] as const;
const PUMS_NAME = /^[A-Z][A-Z0-9]*$/;
/** The largest PUMS code a rule may name (6 digits, e.g. PINCP); bounds the code tables the sampler builds. */
const MAX_CODE = 999_999;

/**
 * Parses the rule fields of one list entry (`minAge`, `maxAge`, `requires`,
 * `excludes`; other entry fields are ignored here). In `requires`/`excludes`
 * a key is either a flag of rules.json with `true`/`false` (`requires:
 * { employed: false }` is the same as `excludes: { employed: true }`), a
 * PUMS variable in capitals with an array of codes or inclusive code ranges
 * as strings (`excludes: { DPHY: ["1"] }`, `requires: { JWMNP: ["45..200"] }`),
 * or `religionFamily` with an array of religion families of the vocabulary
 * (`requires: { religionFamily: ["Jewish"] }`).
 * @throws {InputError} at `field` of `file` for an unknown key, flag or religion family, or a malformed value.
 */
export function parseEligibilityRule(entry: Record<string, unknown>, vocabulary: RuleVocabulary, file: string, field: string): EligibilityRule {
  const minAge = ageAt(entry.minAge, 0, file, `${field}.minAge`);
  const maxAge = ageAt(entry.maxAge, Number.POSITIVE_INFINITY, file, `${field}.maxAge`);
  if (minAge > maxAge) throw new InputError(message.ageBounds(minAge, maxAge), { file, field });
  const { flags } = vocabulary;
  const requires: Condition[] = [];
  const excludes: Condition[] = [];
  const religionRequired: (readonly string[])[] = [];
  const religionNotIn = new Set<string>();
  const addReligion = (required: boolean, families: readonly string[]) => {
    if (required) religionRequired.push(families);
    else for (const family of families) religionNotIn.add(family);
  };
  for (const side of ['requires', 'excludes'] as const) {
    if (entry[side] === undefined) continue;
    const block = objectAt(entry[side], file, `${field}.${side}`);
    for (const [name, value] of Object.entries(block)) {
      const at = `${field}.${side}.${name}`;
      if (Object.hasOwn(flags, name)) {
        if (typeof value !== 'boolean') throw new InputError(message.flagValue(name, value), { file, field: at });
        const flag = flags[name];
        const required = (side === 'requires') === value;
        if ('religionFamilies' in flag) addReligion(required, flag.religionFamilies);
        else (required ? requires : excludes).push({ variable: flag.variable, codes: new Set(flag.codes) });
      } else if (name === RELIGION_FAMILY) {
        addReligion(side === 'requires', religionFamiliesAt(value, vocabulary.religionFamilies, file, at));
      } else if (PUMS_NAME.test(name)) {
        const codes = codesAt(value, name, file, at);
        (side === 'requires' ? requires : excludes).push({ variable: name, codes: new Set(codes) });
      } else {
        throw new InputError(message.unknownCondition(name), { file, field: at });
      }
    }
  }
  const religionIn =
    religionRequired.length === 0 ? null : new Set(religionRequired[0].filter((f) => religionRequired.every((families) => families.includes(f))));
  return { minAge, maxAge, requires, excludes, religionIn, religionNotIn };
}

/** The entry keys that belong to its rule. */
export function isRuleKey(key: string): boolean {
  return (RULE_KEYS as readonly string[]).includes(key);
}

/**
 * PUMS codes given as strings of digits, each a code (`"9"`) or an inclusive
 * range in the data dictionary's notation (`"45..200"`, expanded), e.g.
 * `["1", "3..5"]` → [1, 3, 4, 5].
 * @throws {InputError} at `field` of `file` for anything else, an empty range or a code above 999999.
 */
export function codesAt(value: unknown, name: string, file: string, field: string): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(message.codeList(name, value), { file, field });
  const codes: number[] = [];
  for (const item of value) {
    const match = typeof item === 'string' ? /^(\d+)(?:\.\.(\d+))?$/.exec(item) : null;
    if (match === null) throw new InputError(message.codeList(name, value), { file, field });
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (high > MAX_CODE) throw new InputError(message.codeTooLarge(name, item as string, MAX_CODE), { file, field });
    if (low > high) throw new InputError(message.emptyCodeRange(name, item as string), { file, field });
    for (let code = low; code <= high; code++) codes.push(code);
  }
  return codes;
}

/**
 * A non-empty array of religion families, each one of `known` (the vocabulary's `religionFamilies`).
 * @throws {InputError} at `field` of `file` naming the unknown family and the known ones.
 */
export function religionFamiliesAt(value: unknown, known: readonly string[], file: string, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((f) => typeof f !== 'string')) {
    throw new InputError(message.religionFamilyList(value), { file, field });
  }
  for (const family of value as string[]) {
    if (!known.includes(family)) throw new InputError(message.unknownReligionFamily(family, known), { file, field });
  }
  return value as string[];
}

function ageAt(value: unknown, fallback: number, file: string, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InputError(message.expectedInteger(value), { file, field });
  return value;
}

/** Whether `condition` holds for the person (a blank never satisfies it). */
export function holds(condition: Condition, person: CensusPerson): boolean {
  const code = codeOf(person, condition.variable);
  return code !== null && condition.codes.has(code);
}

/**
 * Whether a drawn religion family (null when none was drawn) meets the
 * religion part of a rule. Like a PUMS blank, null satisfies no condition:
 * it fails a religion `requires` and passes a religion `excludes`.
 */
export function religionAllows(rule: EligibilityRule, religionFamily: string | null): boolean {
  if (religionFamily === null) return rule.religionIn === null;
  return (rule.religionIn === null || rule.religionIn.has(religionFamily)) && !rule.religionNotIn.has(religionFamily);
}

/**
 * Whether the person may carry an entry with this rule: minAge ≤ AGEP ≤ maxAge,
 * every `requires` condition holds and no `excludes` condition holds, PUMS
 * and religion alike (`religionFamily`: the family of the persona's drawn
 * religion, e.g. "Catholic"; null when none was drawn). A person without AGEP
 * is eligible for nothing.
 */
export function isEligible(rule: EligibilityRule, person: CensusPerson, religionFamily: string | null = null): boolean {
  const age = codeOf(person, 'AGEP');
  if (age === null || age < rule.minAge || age > rule.maxAge) return false;
  for (const condition of rule.requires) if (!holds(condition, person)) return false;
  for (const condition of rule.excludes) if (holds(condition, person)) return false;
  return religionAllows(rule, religionFamily);
}
