import { consistencyRules, ruleApplies, violates, type CensusFields, type ConsistencyRule, type RuleKind } from './consistency-rule.js';

/** One broken rule on one record. */
export interface RuleViolation {
  /** The rule's id (data/personas/rules.json). */
  readonly rule: string;
  /** The rule's kind; `code` for a census code the PUMS dictionary does not allow (`persona validate`'s `pums-code`). */
  readonly kind: RuleKind | 'code';
  readonly description: string;
  /** 0-based position of the record in its file or array. */
  readonly index: number;
  /** The record's id when it has one. */
  readonly id?: string;
  /** 1-based line of the record in its file, when known. */
  readonly line?: number;
  /** The fields the rule reads and the record's values of them (null = blank / not applicable). */
  readonly values: Readonly<Record<string, number | null>>;
}

/** A record as the rule engine sees it. */
export interface CheckedRecord {
  readonly fields: CensusFields;
  readonly id?: string;
  readonly line?: number;
}

/**
 * How many records each rule was applied to and how many it was skipped for
 * (the record lacked a field the rule reads), rule id → count.
 */
export interface RuleCoverage {
  readonly applied: Record<string, number>;
  readonly skipped: Record<string, number>;
}

/** A coverage tally of `rules` with every count 0, to pass to {@link validatePersonas}. */
export function emptyRuleCoverage(rules: readonly ConsistencyRule[] = consistencyRules()): RuleCoverage {
  const applied: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  for (const rule of rules) {
    applied[rule.id] = 0;
    skipped[rule.id] = 0;
  }
  return { applied, skipped };
}

/**
 * Checks records against the declarative consistency rules and returns every
 * violation (record order, then rule order). A rule whose fields a record
 * lacks is skipped for that record; `coverage`, when given, counts per rule
 * the records it was applied to and skipped for, so a caller can say how many
 * rules actually ran.
 */
export function validatePersonas(records: Iterable<CheckedRecord>, rules: readonly ConsistencyRule[] = consistencyRules(), coverage?: RuleCoverage): RuleViolation[] {
  const out: RuleViolation[] = [];
  let index = 0;
  for (const record of records) {
    for (const rule of rules) {
      if (coverage !== undefined) {
        if (!ruleApplies(rule, record.fields)) {
          coverage.skipped[rule.id] = (coverage.skipped[rule.id] ?? 0) + 1;
          continue;
        }
        coverage.applied[rule.id] = (coverage.applied[rule.id] ?? 0) + 1;
      }
      if (!violates(rule, record.fields)) continue;
      const values: Record<string, number | null> = {};
      for (const field of rule.fields) values[field] = record.fields(field)!;
      out.push({
        rule: rule.id,
        kind: rule.kind,
        description: rule.description,
        index,
        ...(record.id !== undefined ? { id: record.id } : {}),
        ...(record.line !== undefined ? { line: record.line } : {}),
        values,
      });
    }
    index++;
  }
  return out;
}
