import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';
import { raceAloneOfRac1p } from './race-alone.js';

/** Codes 1–7 are not Hispanic, 8–14 Hispanic; within each, race alone in `race_alone` order. */
const HISPANIC_OFFSET = 7;

/**
 * Race alone × Hispanic or Latino origin, the 14 mutually exclusive cells of
 * B03002 ("Hispanic or Latino Origin by Race"): 1–7 = not Hispanic or Latino
 * (B03002_003–009), 8–14 = Hispanic or Latino (B03002_013–019), each by race
 * alone as in `race_alone` (White, Black or African American, American Indian
 * and Alaska Native, Asian, Native Hawaiian and Other Pacific Islander, Some
 * Other Race, Two or More Races). Its margins are `race_alone`,
 * `hispanic_origin` and `race_ethnicity` at once: raking on this one block
 * instead of those three carries exactly the same information. Universe:
 * total population.
 */
export const raceHispanic: Recode = {
  name: 'race_hispanic',
  table: 'B03002',
  equivalentTables: 'DP05 (race alone − not Hispanic by race = Hispanic by race)',
  universe: 'Total population',
  variables: ['HISP', 'RAC1P'],
  categories: {
    '1': 'Not Hispanic: White alone',
    '2': 'Not Hispanic: Black or African American alone',
    '3': 'Not Hispanic: American Indian and Alaska Native alone',
    '4': 'Not Hispanic: Asian alone',
    '5': 'Not Hispanic: Native Hawaiian and Other Pacific Islander alone',
    '6': 'Not Hispanic: Some Other Race alone',
    '7': 'Not Hispanic: Two or More Races',
    '8': 'Hispanic: White alone',
    '9': 'Hispanic: Black or African American alone',
    '10': 'Hispanic: American Indian and Alaska Native alone',
    '11': 'Hispanic: Asian alone',
    '12': 'Hispanic: Native Hawaiian and Other Pacific Islander alone',
    '13': 'Hispanic: Some Other Race alone',
    '14': 'Hispanic: Two or More Races',
  },
  note: 'DP05 publishes race alone and the non-Hispanic rows by race; the Hispanic rows are their differences (exactly B03002_013–019).',
  apply(record) {
    const hisp = valueIn(record, 'HISP', 'race_hispanic');
    if (!(hisp >= 1 && hisp <= 24)) throw codeOutside(record, 'HISP', hisp, 'race_hispanic');
    const rac1p = valueIn(record, 'RAC1P', 'race_hispanic');
    if (!(rac1p >= 1 && rac1p <= 9)) throw codeOutside(record, 'RAC1P', rac1p, 'race_hispanic');
    return (hisp === 1 ? 0 : HISPANIC_OFFSET) + raceAloneOfRac1p(rac1p);
  },
};
