import { consistencyRules, violates, type CensusFields, type ConsistencyRule } from './consistency-rule.js';

/** One broken rule on one record. */
export interface RuleViolation {
  /** The rule's id (data/personas/rules.json). */
  readonly rule: string;
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
 * Checks records against the declarative consistency rules and returns every
 * violation (record order, then rule order). A rule whose fields a record
 * lacks is skipped for that record.
 */
export function validatePersonas(records: Iterable<CheckedRecord>, rules: readonly ConsistencyRule[] = consistencyRules()): RuleViolation[] {
  const out: RuleViolation[] = [];
  let index = 0;
  for (const record of records) {
    for (const rule of rules) {
      if (!violates(rule, record.fields)) continue;
      const values: Record<string, number | null> = {};
      for (const field of rule.fields) values[field] = record.fields(field)!;
      out.push({
        rule: rule.id,
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
