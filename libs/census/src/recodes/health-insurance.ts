import { CIVILIAN_HOUSEHOLD_VARIABLES, inCivilianHouseholdPopulation } from './civilian-household.js';
import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, codeOutside, valueIn } from './recode.js';

/**
 * Health insurance coverage (HICOV: 1 With, 2 No coverage), the categories
 * of DP03 "HEALTH INSURANCE COVERAGE" (S2701 / B27001), whose universe is the
 * civilian noninstitutionalized population. The universe is approximated by
 * the civilian household population ({@link inCivilianHouseholdPopulation}):
 * Armed Forces (ESR 4, 5) and every group-quarters person (SERIALNO `…GQ…`)
 * are out of universe (0), children included in it. The seed has no
 * group-quarters type, so the noninstitutional group quarters (college
 * dormitories), which the published universe keeps, are out of universe
 * here too; in the embedded seed the uninsured share is 8.13% of the civilian
 * household population and 8.39% of all civilians (group quarters included).
 * The default margins' code 0 is total population − the published civilian
 * noninstitutionalized population (data/census/README.md).
 */
export const healthInsurance: Recode = {
  name: 'health_insurance',
  table: 'DP03',
  equivalentTables: 'S2701 / B27001',
  universe: 'Civilian noninstitutionalized population (approximated by the civilian household population)',
  variables: [...CIVILIAN_HOUSEHOLD_VARIABLES, 'HICOV'],
  categories: {
    '0': 'Not in universe (Armed Forces, or living in group quarters)',
    '1': 'With health insurance coverage',
    '2': 'No health insurance coverage',
  },
  note: 'No group-quarters type in the seed: noninstitutional group quarters (college dormitories), inside the published universe, are out of universe (0) here.',
  apply(record) {
    if (!inCivilianHouseholdPopulation(record, 'health_insurance')) return NOT_IN_UNIVERSE;
    const hicov = valueIn(record, 'HICOV', 'health_insurance');
    if (hicov === 1 || hicov === 2) return hicov;
    throw codeOutside(record, 'HICOV', hicov, 'health_insurance');
  },
};
