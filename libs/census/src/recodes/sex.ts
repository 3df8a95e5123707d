import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/** Sex (PUMS SEX: 1 Male, 2 Female), as in ACS DP05 / B01001. Universe: total population. */
export const sex: Recode = {
  name: 'sex',
  table: 'DP05',
  equivalentTables: 'B01001',
  universe: 'Total population',
  variables: ['SEX'],
  categories: { '1': 'Male', '2': 'Female' },
  apply(record) {
    const value = valueIn(record, 'SEX', 'sex');
    if (value !== 1 && value !== 2) throw codeOutside(record, 'SEX', value, 'sex');
    return value;
  },
};
