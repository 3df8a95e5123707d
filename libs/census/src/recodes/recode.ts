import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { PumsRecord } from '../pums/pums-table.js';

/** The code every recode gives a person outside its universe. */
export const NOT_IN_UNIVERSE = 0;

/**
 * A recode of PUMS person variables into the categories of a published ACS
 * table. Codes are small integers; `categories` maps each code (as a string,
 * the form margins files use) to its label, and includes `"0"` — not in
 * universe — when the universe is narrower than the total population.
 */
export interface Recode {
  readonly name: string;
  /** The ACS table whose categories the recode reproduces, e.g. `DP02`. */
  readonly table: string;
  /** Detailed or subject tables with the same categories, e.g. `B15003 / S1501`. */
  readonly equivalentTables: string;
  /** The table's universe, e.g. "Population 25 years and over". */
  readonly universe: string;
  /** PUMS columns the recode reads. */
  readonly variables: readonly string[];
  readonly categories: Readonly<Record<string, string>>;
  /** What cannot be reproduced from PUMS, or a convention worth knowing. */
  readonly note?: string;
  /** The category code of one person. @throws {InputError} for a blank inside the universe or an unknown code. */
  apply(record: PumsRecord): number;
}

/** A variable's value where the universe requires one; a blank is an InputError naming the row. */
export function valueIn(record: PumsRecord, variable: string, recode: string): number {
  const value = record.int(variable);
  if (value === null) throw new InputError(message.blankInUniverse(variable, recode), { index: record.row, field: variable });
  return value;
}

/** The error for a code the recode does not map. */
export function codeOutside(record: PumsRecord, variable: string, value: number, recode: string): InputError {
  return new InputError(message.codeOutsideRecode(variable, value, recode), { index: record.row, field: variable });
}

/** Lowest and highest AGEP of the 2024 PUMS data dictionary: 0 (under 1 year) … 99 (top-coded, 99 and over). */
const AGE_RANGE = [0, 99] as const;

/**
 * Person's age in years (AGEP; never blank in PUMS).
 * @throws {InputError} naming AGEP and the row for a blank or a value outside 0..99.
 */
export function ageOf(record: PumsRecord, recode: string): number {
  const age = valueIn(record, 'AGEP', recode);
  if (age < AGE_RANGE[0] || age > AGE_RANGE[1]) {
    throw new InputError(message.ageOutsideRange(age, recode), { index: record.row, field: 'AGEP' });
  }
  return age;
}
