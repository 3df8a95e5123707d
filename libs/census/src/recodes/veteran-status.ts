import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, codeOutside, valueIn } from './recode.js';

/**
 * Veteran status of the civilian population 18 years and over, as in DP02 /
 * B21001, from MIL: 2 (on active duty in the past, but not now) → Veteran;
 * 3 (only training in the Reserves/National Guard) and 4 (never served) →
 * Nonveteran. Persons now on active duty (MIL 1) are in the Armed Forces, not
 * the civilian population, so they are out of universe (0) with everyone under 18.
 */
export const veteranStatus: Recode = {
  name: 'veteran_status',
  table: 'DP02',
  equivalentTables: 'B21001 / S2101',
  universe: 'Civilian population 18 years and over',
  variables: ['AGEP', 'MIL'],
  categories: {
    '0': 'Not in universe (under 18 years, or on active duty)',
    '1': 'Civilian veteran',
    '2': 'Nonveteran',
  },
  apply(record) {
    if (ageOf(record, 'veteran_status') < 18) return NOT_IN_UNIVERSE;
    const mil = valueIn(record, 'MIL', 'veteran_status');
    if (mil === 1) return NOT_IN_UNIVERSE;
    if (mil === 2) return 1;
    if (mil === 3 || mil === 4) return 2;
    throw codeOutside(record, 'MIL', mil, 'veteran_status');
  },
};
