import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { PumsTable } from '../pums/pums-table.js';
import { ageGroup } from './age-group.js';
import { censusRegion } from './census-region.js';
import { disability } from './disability.js';
import { education } from './education.js';
import { employmentStatus } from './employment-status.js';
import { healthInsurance } from './health-insurance.js';
import { hispanicOrigin } from './hispanic-origin.js';
import { languageAtHome } from './language-at-home.js';
import { maritalStatus } from './marital-status.js';
import { nativityCitizenship } from './nativity-citizenship.js';
import { personalIncome } from './personal-income.js';
import { raceAlone } from './race-alone.js';
import { raceEthnicity } from './race-ethnicity.js';
import { raceHispanic } from './race-hispanic.js';
import type { Recode } from './recode.js';
import { sex } from './sex.js';
import { veteranStatus } from './veteran-status.js';

/** Every recode, by name. */
export const recodes: Readonly<Record<string, Recode>> = Object.freeze(
  Object.fromEntries(
    [
      ageGroup,
      sex,
      raceAlone,
      hispanicOrigin,
      raceEthnicity,
      raceHispanic,
      education,
      maritalStatus,
      employmentStatus,
      nativityCitizenship,
      veteranStatus,
      languageAtHome,
      disability,
      healthInsurance,
      personalIncome,
      censusRegion,
    ].map((recode) => [recode.name, recode]),
  ),
);

/**
 * Applies recodes to every row of a table: name → category codes in row
 * order (`Uint8Array`, codes as in each recode's `categories`).
 * @param names recodes to apply (default: all).
 * @throws {InputError} for an unknown recode name, a column the table lacks,
 *   or a blank inside a recode's universe (naming the row and column).
 */
export function applyRecodes(table: PumsTable, names: readonly string[] = Object.keys(recodes)): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of names) {
    if (!Object.hasOwn(recodes, name)) throw new InputError(message.unknownRecode(name, Object.keys(recodes)));
    const recode = recodes[name];
    for (const variable of recode.variables) table.column(variable);
    const codes = new Uint8Array(table.rowCount);
    const cursor = table.cursor();
    try {
      for (let row = 0; row < table.rowCount; row++) {
        cursor.row = row;
        codes[row] = recode.apply(cursor);
      }
    } catch (error) {
      throw error instanceof InputError ? error.at({ file: table.source }) : error;
    }
    out[name] = codes;
  }
  return out;
}
