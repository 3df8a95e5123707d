import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { codeOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { objectAt } from '../survey-tables/read-json.js';

/** A named condition of rules.json: one PUMS variable taking one of some codes. */
export interface FlagDefinition {
  readonly variable: string;
  readonly codes: readonly number[];
}

/** "PUMS variable ∈ codes"; a blank (not in universe) never satisfies it. */
export interface Condition {
  readonly variable: string;
  readonly codes: ReadonlySet<number>;
}

/**
 * Who may carry an entry: age bounds (AGEP, inclusive), conditions that must
 * all hold (`requires`) and conditions none of which may hold (`excludes`).
 */
export interface EligibilityRule {
  readonly minAge: number;
  readonly maxAge: number;
  readonly requires: readonly Condition[];
  readonly excludes: readonly Condition[];
}

const RULE_KEYS = ['minAge', 'maxAge', 'requires', 'excludes'] as const;
const PUMS_NAME = /^[A-Z][A-Z0-9]*$/;

/**
 * Parses the rule fields of one list entry (`minAge`, `maxAge`, `requires`,
 * `excludes`; other entry fields are ignored here). In `requires`/`excludes`
 * a key is either a flag of rules.json with `true`/`false` (`requires:
 * { employed: false }` is the same as `excludes: { employed: true }`), or a
 * PUMS variable in capitals with an array of codes as strings
 * (`excludes: { DPHY: ["1"] }`).
 * @throws {InputError} at `field` of `file` for an unknown key, flag or malformed value.
 */
export function parseEligibilityRule(
  entry: Record<string, unknown>,
  flags: Readonly<Record<string, FlagDefinition>>,
  file: string,
  field: string,
): EligibilityRule {
  const minAge = ageAt(entry.minAge, 0, file, `${field}.minAge`);
  const maxAge = ageAt(entry.maxAge, Number.POSITIVE_INFINITY, file, `${field}.maxAge`);
  if (minAge > maxAge) throw new InputError(message.ageBounds(minAge, maxAge), { file, field });
  const requires: Condition[] = [];
  const excludes: Condition[] = [];
  for (const side of ['requires', 'excludes'] as const) {
    if (entry[side] === undefined) continue;
    const block = objectAt(entry[side], file, `${field}.${side}`);
    for (const [name, value] of Object.entries(block)) {
      const at = `${field}.${side}.${name}`;
      if (Object.hasOwn(flags, name)) {
        if (typeof value !== 'boolean') throw new InputError(message.flagValue(name, value), { file, field: at });
        const condition = { variable: flags[name].variable, codes: new Set(flags[name].codes) };
        ((side === 'requires') === value ? requires : excludes).push(condition);
      } else if (PUMS_NAME.test(name)) {
        const codes = codesAt(value, name, file, at);
        (side === 'requires' ? requires : excludes).push({ variable: name, codes: new Set(codes) });
      } else {
        throw new InputError(message.unknownCondition(name), { file, field: at });
      }
    }
  }
  return { minAge, maxAge, requires, excludes };
}

/** The entry keys that belong to its rule. */
export function isRuleKey(key: string): boolean {
  return (RULE_KEYS as readonly string[]).includes(key);
}

/** PUMS codes given as strings of digits, e.g. `["1", "2"]`. */
export function codesAt(value: unknown, name: string, file: string, field: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((c) => typeof c !== 'string' || !/^\d+$/.test(c))) {
    throw new InputError(message.codeList(name, value), { file, field });
  }
  return value.map(Number);
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
 * Whether the person may carry an entry with this rule: minAge ≤ AGEP ≤ maxAge,
 * every `requires` condition holds and no `excludes` condition holds. A person
 * without AGEP is eligible for nothing.
 */
export function isEligible(rule: EligibilityRule, person: CensusPerson): boolean {
  const age = codeOf(person, 'AGEP');
  if (age === null || age < rule.minAge || age > rule.maxAge) return false;
  for (const condition of rule.requires) if (!holds(condition, person)) return false;
  for (const condition of rule.excludes) if (holds(condition, person)) return false;
  return true;
}
