import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/**
 * Hispanic or Latino origin (DP05 / B03003): HISP 01 "Not Spanish/Hispanic/Latino"
 * → 2, HISP 02–24 (Mexican … All Other Spanish/Hispanic/Latino) → 1.
 * Universe: total population.
 */
export const hispanicOrigin: Recode = {
  name: 'hispanic_origin',
  table: 'DP05',
  equivalentTables: 'B03003',
  universe: 'Total population',
  variables: ['HISP'],
  categories: { '1': 'Hispanic or Latino (of any race)', '2': 'Not Hispanic or Latino' },
  apply(record) {
    const value = valueIn(record, 'HISP', 'hispanic_origin');
    if (!(value >= 1 && value <= 24)) throw codeOutside(record, 'HISP', value, 'hispanic_origin');
    return value === 1 ? 2 : 1;
  },
};
