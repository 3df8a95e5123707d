import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, codeOutside, valueIn } from './recode.js';

/**
 * Educational attainment of the population 25 years and over, in the seven
 * rows of DP02 (B15003 collapsed), from SCHL: 01–11 (no schooling … grade 8)
 * → Less than 9th grade; 12–15 (grade 9 … 12th grade, no diploma) → 9th to
 * 12th grade, no diploma; 16–17 (diploma, GED) → High school graduate; 18–19
 * → Some college, no degree; 20 → Associate's; 21 → Bachelor's; 22–24
 * (master's, professional, doctorate) → Graduate or professional degree.
 * Under 25 → 0 (not in universe).
 */
export const education: Recode = {
  name: 'education',
  table: 'DP02',
  equivalentTables: 'B15003 / S1501',
  universe: 'Population 25 years and over',
  variables: ['AGEP', 'SCHL'],
  categories: {
    '0': 'Not in universe (under 25 years)',
    '1': 'Less than 9th grade',
    '2': '9th to 12th grade, no diploma',
    '3': 'High school graduate (includes equivalency)',
    '4': 'Some college, no degree',
    '5': "Associate's degree",
    '6': "Bachelor's degree",
    '7': 'Graduate or professional degree',
  },
  apply(record) {
    if (ageOf(record, 'education') < 25) return NOT_IN_UNIVERSE;
    const schl = valueIn(record, 'SCHL', 'education');
    if (schl >= 1 && schl <= 11) return 1;
    if (schl >= 12 && schl <= 15) return 2;
    if (schl === 16 || schl === 17) return 3;
    if (schl === 18 || schl === 19) return 4;
    if (schl === 20) return 5;
    if (schl === 21) return 6;
    if (schl >= 22 && schl <= 24) return 7;
    throw codeOutside(record, 'SCHL', schl, 'education');
  },
};
