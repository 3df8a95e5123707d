import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, codeOutside, valueIn } from './recode.js';

/** DP02 row order → MAR code: never married 5, married 1, separated 4, widowed 2, divorced 3. */
const FROM_MAR = [0, 2, 4, 5, 3, 1];

/**
 * Marital status of the population 15 years and over, in the five rows of
 * DP02 (B12001 summed over sex), from MAR: 5 → Never married, 1 → Now
 * married, except separated, 4 → Separated, 2 → Widowed, 3 → Divorced.
 * Under 15 → 0 (PUMS codes them MAR 5, "Never married or under 15 years old").
 */
export const maritalStatus: Recode = {
  name: 'marital_status',
  table: 'DP02',
  equivalentTables: 'B12001 / S1201',
  universe: 'Population 15 years and over',
  variables: ['AGEP', 'MAR'],
  categories: {
    '0': 'Not in universe (under 15 years)',
    '1': 'Never married',
    '2': 'Now married, except separated',
    '3': 'Separated',
    '4': 'Widowed',
    '5': 'Divorced',
  },
  apply(record) {
    if (ageOf(record, 'marital_status') < 15) return NOT_IN_UNIVERSE;
    const mar = valueIn(record, 'MAR', 'marital_status');
    if (!(mar >= 1 && mar <= 5)) throw codeOutside(record, 'MAR', mar, 'marital_status');
    return FROM_MAR[mar];
  },
};
