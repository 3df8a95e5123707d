import { CIVILIAN_HOUSEHOLD_VARIABLES, inCivilianHouseholdPopulation } from './civilian-household.js';
import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, codeOutside, valueIn } from './recode.js';

/**
 * Disability status (DIS: 1 With a disability, 2 Without), the categories of
 * DP02 "DISABILITY STATUS OF THE CIVILIAN NONINSTITUTIONALIZED POPULATION"
 * (B18101 / S1810). The universe is approximated by the civilian household
 * population ({@link inCivilianHouseholdPopulation}): Armed Forces (ESR 4, 5)
 * and every group-quarters person (SERIALNO `…GQ…`) are out of universe (0),
 * children included in it. The seed has no group-quarters type, so the
 * noninstitutional group quarters (college dormitories, shelters, group
 * homes), which the published universe keeps, are out of universe here too;
 * in the embedded seed the disability share is 13.89% of the civilian
 * household population and 14.52% of all civilians (group quarters included).
 * The default margins' code 0 is total population − the published civilian
 * noninstitutionalized population, so it holds the institutionalized and the
 * Armed Forces only (data/census/README.md).
 */
export const disability: Recode = {
  name: 'disability',
  table: 'DP02',
  equivalentTables: 'B18101 / S1810',
  universe: 'Civilian noninstitutionalized population (approximated by the civilian household population)',
  variables: [...CIVILIAN_HOUSEHOLD_VARIABLES, 'DIS'],
  categories: {
    '0': 'Not in universe (Armed Forces, or living in group quarters)',
    '1': 'With a disability',
    '2': 'No disability',
  },
  note: 'No group-quarters type in the seed: noninstitutional group quarters (college dormitories), inside the published universe, are out of universe (0) here.',
  apply(record) {
    if (!inCivilianHouseholdPopulation(record, 'disability')) return NOT_IN_UNIVERSE;
    const dis = valueIn(record, 'DIS', 'disability');
    if (dis === 1 || dis === 2) return dis;
    throw codeOutside(record, 'DIS', dis, 'disability');
  },
};
