import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';
import { raceAloneOfRac1p } from './race-alone.js';

/**
 * Hispanic or Latino and race, mutually exclusive, as in B03002 (and the
 * "HISPANIC OR LATINO AND RACE" rows of DP05): 1 = Hispanic or Latino (any
 * race), 2–8 = not Hispanic, by race alone (RAC1P grouped as in `race_alone`).
 * Universe: total population.
 */
export const raceEthnicity: Recode = {
  name: 'race_ethnicity',
  table: 'DP05',
  equivalentTables: 'B03002',
  universe: 'Total population',
  variables: ['HISP', 'RAC1P'],
  categories: {
    '1': 'Hispanic or Latino (any race)',
    '2': 'Not Hispanic: White alone',
    '3': 'Not Hispanic: Black or African American alone',
    '4': 'Not Hispanic: American Indian and Alaska Native alone',
    '5': 'Not Hispanic: Asian alone',
    '6': 'Not Hispanic: Native Hawaiian and Other Pacific Islander alone',
    '7': 'Not Hispanic: Some Other Race alone',
    '8': 'Not Hispanic: Two or More Races',
  },
  apply(record) {
    const hisp = valueIn(record, 'HISP', 'race_ethnicity');
    if (!(hisp >= 1 && hisp <= 24)) throw codeOutside(record, 'HISP', hisp, 'race_ethnicity');
    if (hisp !== 1) return 1;
    const rac1p = valueIn(record, 'RAC1P', 'race_ethnicity');
    if (!(rac1p >= 1 && rac1p <= 9)) throw codeOutside(record, 'RAC1P', rac1p, 'race_ethnicity');
    return 1 + raceAloneOfRac1p(rac1p);
  },
};
