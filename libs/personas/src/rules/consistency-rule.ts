import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { message } from '../messages.js';
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
 * What breaking a rule means (data/personas/rules.json `description`):
 * - `contradiction`: the record asserts something the census's coding rules out
 *   for that person (an employed 10-year-old, an income of $72,000 at 8, a
 *   married 12-year-old, a recode that disagrees with its items), so no census
 *   respondent can carry it;
 * - `universe`: the record writes a code where the census writes its N/A blank
 *   (or a blank where it writes a code) and asserts nothing false — a labelling
 *   matter, such as a child's "Never served in the military" (MIL 4) or "Not in
 *   labor force" (ESR 6).
 */
export type RuleKind = 'contradiction' | 'universe';

/** The kinds of {@link RuleKind}, in report order. */
export const RULE_KINDS: readonly RuleKind[] = ['contradiction', 'universe'];

/**
 * A declarative consistency rule: a record violates it when every `when`
 * condition holds and at least one `require` condition fails.
 */
export interface ConsistencyRule {
  readonly id: string;
  readonly kind: RuleKind;
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
 * Whether `rule` applies to a record: the record carries every field the rule
 * reads (a blank counts as carried; an absent field, such as one of PERSONA's
 * optional attributes, does not).
 */
export function ruleApplies(rule: ConsistencyRule, fields: CensusFields): boolean {
  for (const name of rule.fields) if (fields(name) === undefined) return false;
  return true;
}

/**
 * Whether `fields` breaks `rule`. A rule is not applicable (false) when the
 * record lacks one of the fields it reads (see {@link ruleApplies}).
 */
export function violates(rule: ConsistencyRule, fields: CensusFields): boolean {
  if (!ruleApplies(rule, fields)) return false;
  for (const condition of rule.when) if (!conditionHolds(condition, fields(condition.field)!)) return false;
  for (const condition of rule.require) if (!conditionHolds(condition, fields(condition.field)!)) return true;
  return false;
}

let cached: readonly ConsistencyRule[] | undefined;

/**
 * The project's consistency rules (data/personas/rules.json), each citing the
 * N/A line of the ACS 2024 PUMS data dictionary it follows: the census's own
 * not-applicable universes, in both directions (a code outside the universe, a
 * blank inside it) for ESR 16+, PINCP 15+, SCHL 3+, MIL 17+, FER women 15–50,
 * LANX, DREM, DPHY 5+, ENG iff LANX 1 and FOD1P iff SCHL ≥ 21, and outside it
 * only for COW, WKHP (16+), WAGP (15+), MIGSP (blank at age 0) and MAR (code 5
 * under 15); variables that share a universe (COW/OCCP/INDP, WKHP/WKWN, JWTRNS
 * for workers at work, JWMNP), recodes against their items (HICOV vs
 * PRIVCOV/PUBCOV, DIS vs DEAR/DEYE/DREM/DPHY), PUMS personal- and
 * household-income bounds, no six-figure income under 18, education-by-age
 * minima and nativity vs citizenship. Each rule has a {@link RuleKind}.
 * @throws {Error} when the embedded file gives a rule an unknown kind (a defect of the data, not of the input).
 */
export function consistencyRules(): readonly ConsistencyRule[] {
  if (cached === undefined) {
    const document = JSON.parse(readFileSync(fileURLToPath(consistencyRulesPath), 'utf8')) as { rules: ConsistencyRule[] };
    for (const rule of document.rules) {
      if (!RULE_KINDS.includes(rule.kind)) throw new Error(message.ruleKindUnknown(rule.id, rule.kind, RULE_KINDS));
    }
    cached = Object.freeze(document.rules.map((rule) => Object.freeze(rule)));
  }
  return cached;
}
