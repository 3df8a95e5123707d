import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, codeOutside, valueIn } from './recode.js';

/**
 * Employment status of the population 16 years and over, as in DP03 /
 * B23025, from ESR: 1–2 (civilian employed, at work / with a job but not at
 * work) → Civilian employed; 3 → Civilian unemployed; 4–5 → Armed Forces;
 * 6 → Not in labor force. Under 16 (ESR blank) → 0.
 */
export const employmentStatus: Recode = {
  name: 'employment_status',
  table: 'DP03',
  equivalentTables: 'B23025 / S2301',
  universe: 'Population 16 years and over',
  variables: ['AGEP', 'ESR'],
  categories: {
    '0': 'Not in universe (under 16 years)',
    '1': 'Civilian employed',
    '2': 'Civilian unemployed',
    '3': 'Armed Forces',
    '4': 'Not in labor force',
  },
  apply(record) {
    if (ageOf(record, 'employment_status') < 16) return NOT_IN_UNIVERSE;
    const esr = valueIn(record, 'ESR', 'employment_status');
    if (esr === 1 || esr === 2) return 1;
    if (esr === 3) return 2;
    if (esr === 4 || esr === 5) return 3;
    if (esr === 6) return 4;
    throw codeOutside(record, 'ESR', esr, 'employment_status');
  },
};
