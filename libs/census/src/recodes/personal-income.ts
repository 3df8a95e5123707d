import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, valueIn } from './recode.js';

/**
 * ADJINC of the 2024 ACS 1-year PUMS: the factor (1,015,250 with six implied
 * decimals in the data dictionary) that puts PINCP, WAGP and the other income
 * amounts in 2024 dollars.
 */
export const ADJINC_2024 = 1.01525;

/** Upper bounds (exclusive, 2024 dollars) of brackets 2–8; bracket 9 is open. */
const UPPER = [10_000, 15_000, 25_000, 35_000, 50_000, 65_000, 75_000];

/**
 * Individual income in the past 12 months of the population 15 years and
 * over, in the brackets of B06010 (and B06010's parent tables): PINCP ×
 * ADJINC_2024, then 1 = No income (PINCP 0), 2 = $1 to $9,999 or loss, 3 =
 * $10,000–14,999, … 9 = $75,000 or more. Under 15 (PINCP blank) → 0.
 */
export const personalIncome: Recode = {
  name: 'personal_income',
  table: 'B06010',
  equivalentTables: 'B06010',
  universe: 'Population 15 years and over',
  variables: ['AGEP', 'PINCP'],
  categories: {
    '0': 'Not in universe (under 15 years)',
    '1': 'No income',
    '2': '$1 to $9,999 or loss',
    '3': '$10,000 to $14,999',
    '4': '$15,000 to $24,999',
    '5': '$25,000 to $34,999',
    '6': '$35,000 to $49,999',
    '7': '$50,000 to $64,999',
    '8': '$65,000 to $74,999',
    '9': '$75,000 or more',
  },
  note: 'No published B06010 margin is embedded, so the default margins leave this recode out.',
  apply(record) {
    if (ageOf(record, 'personal_income') < 15) return NOT_IN_UNIVERSE;
    const pincp = valueIn(record, 'PINCP', 'personal_income');
    if (pincp === 0) return 1;
    const dollars = pincp * ADJINC_2024;
    let bracket = 0;
    while (bracket < UPPER.length && dollars >= UPPER[bracket]) bracket++;
    return bracket + 2;
  },
};
