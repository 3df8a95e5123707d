import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/**
 * RAC1P → the seven "race alone" rows of DP05 / B02001. RAC1P 3 (American
 * Indian alone), 4 (Alaska Native alone) and 5 (AIAN tribes specified or not
 * specified) together are "American Indian and Alaska Native"; RAC1P 8 is
 * "Some Other Race alone" and 9 is "Two or More Races".
 */
const FROM_RAC1P = [0, 1, 2, 3, 3, 3, 4, 5, 6, 7];

/** Race alone (DP05 / B02001), from RAC1P. Universe: total population. */
export const raceAlone: Recode = {
  name: 'race_alone',
  table: 'DP05',
  equivalentTables: 'B02001',
  universe: 'Total population',
  variables: ['RAC1P'],
  categories: {
    '1': 'White alone',
    '2': 'Black or African American alone',
    '3': 'American Indian and Alaska Native alone',
    '4': 'Asian alone',
    '5': 'Native Hawaiian and Other Pacific Islander alone',
    '6': 'Some Other Race alone',
    '7': 'Two or More Races',
  },
  apply(record) {
    const value = valueIn(record, 'RAC1P', 'race_alone');
    if (!(value >= 1 && value <= 9)) throw codeOutside(record, 'RAC1P', value, 'race_alone');
    return FROM_RAC1P[value];
  },
};

/** The race_alone code of a RAC1P code (1–9), shared with race_ethnicity. */
export function raceAloneOfRac1p(rac1p: number): number {
  return FROM_RAC1P[rac1p];
}
