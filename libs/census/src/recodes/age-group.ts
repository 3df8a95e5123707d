import type { Recode } from './recode.js';
import { ageOf } from './recode.js';

/** Lower bounds of the 13 DP05 age groups (Under 5 … 85 years and over). */
const LOWER_BOUNDS = [0, 5, 10, 15, 20, 25, 35, 45, 55, 60, 65, 75, 85];

/**
 * Age in the 13 groups of ACS DP05 "SEX AND AGE" (same cut points as B01001
 * collapsed): 1 = Under 5 years … 13 = 85 years and over. Universe: total population.
 */
export const ageGroup: Recode = {
  name: 'age_group',
  table: 'DP05',
  equivalentTables: 'B01001 / S0101',
  universe: 'Total population',
  variables: ['AGEP'],
  categories: {
    '1': 'Under 5 years',
    '2': '5 to 9 years',
    '3': '10 to 14 years',
    '4': '15 to 19 years',
    '5': '20 to 24 years',
    '6': '25 to 34 years',
    '7': '35 to 44 years',
    '8': '45 to 54 years',
    '9': '55 to 59 years',
    '10': '60 to 64 years',
    '11': '65 to 74 years',
    '12': '75 to 84 years',
    '13': '85 years and over',
  },
  apply(record) {
    const age = ageOf(record, 'age_group');
    let group = 0;
    while (group < LOWER_BOUNDS.length && age >= LOWER_BOUNDS[group]) group++;
    return group;
  },
};
