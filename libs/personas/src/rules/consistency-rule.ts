import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consistencyRulesPath } from '../paths.js';

/** One condition on a census field (PUMS variable name, integer codes). */
export interface RuleCondition {
  readonly field: string;
  readonly lt?: number;
  readonly lte?: number;
  readonly gt?: number;
  readonly gte?: number;
  /** The code is one of these. */
  readonly in?: readonly number[];
  /** true: the field is the PUMS blank (N/A); false: it holds a code. */
  readonly blank?: boolean;
}

/**
 * A declarative consistency rule: a record violates it when every `when`
 * condition holds and at least one `require` condition fails.
 */
export interface ConsistencyRule {
  readonly id: string;
  readonly description: string;
  /** The fields the rule reads (reported with a violation). */
  readonly fields: readonly string[];
  readonly when: readonly RuleCondition[];
  readonly require: readonly RuleCondition[];
}

/**
 * A record's census fields: a PUMS code, `null` for the PUMS blank (N/A, out
 * of universe), `undefined` when the record does not carry the field at all.
 */
export type CensusFields = (field: string) => number | null | undefined;

/**
 * Whether a condition holds. A blank satisfies only `blank: true`; a
 * comparison or `in` needs a code.
 */
export function conditionHolds(condition: RuleCondition, value: number | null): boolean {
  if (condition.blank !== undefined) return condition.blank === (value === null);
  if (value === null) return false;
  if (condition.in !== undefined && !condition.in.includes(value)) return false;
  if (condition.lt !== undefined && !(value < condition.lt)) return false;
  if (condition.lte !== undefined && !(value <= condition.lte)) return false;
  if (condition.gt !== undefined && !(value > condition.gt)) return false;
  if (condition.gte !== undefined && !(value >= condition.gte)) return false;
  return true;
}

/**
 * Whether `fields` breaks `rule`. A rule is not applicable (false) when the
 * record lacks one of the fields it reads (PERSONA's optional attributes).
 */
export function violates(rule: ConsistencyRule, fields: CensusFields): boolean {
  for (const name of rule.fields) if (fields(name) === undefined) return false;
  for (const condition of rule.when) if (!conditionHolds(condition, fields(condition.field)!)) return false;
  for (const condition of rule.require) if (!conditionHolds(condition, fields(condition.field)!)) return true;
  return false;
}

let cached: readonly ConsistencyRule[] | undefined;

/**
 * The project's consistency rules (data/personas/rules.json): the census's own
 * not-applicable universes from the ACS 2024 PUMS data dictionary (MAR 15+,
 * ESR/COW/WKHP/OCCP/INDP 16+, PINCP/WAGP 15+, SCHL 3+, MIL 17+, FER women
 * 15–50, LANX/DREM 5+, ENG, FOD1P), PUMS income bounds, no six-figure income
 * under 18, education-by-age minima and nativity vs citizenship.
 */
export function consistencyRules(): readonly ConsistencyRule[] {
  if (cached === undefined) {
    const document = JSON.parse(readFileSync(fileURLToPath(consistencyRulesPath), 'utf8')) as { rules: ConsistencyRule[] };
    cached = Object.freeze(document.rules.map((rule) => Object.freeze(rule)));
  }
  return cached;
}
