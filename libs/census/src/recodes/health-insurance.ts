import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/**
 * Health insurance coverage (HICOV: 1 With, 2 No coverage), the categories
 * of DP03 "HEALTH INSURANCE COVERAGE" (S2701). PUMS codes HICOV for every
 * person; the published universe is the civilian noninstitutionalized
 * population, which the seed cannot isolate (no group-quarters type), so the
 * recode covers the total population and the default margins leave it out.
 */
export const healthInsurance: Recode = {
  name: 'health_insurance',
  table: 'DP03',
  equivalentTables: 'S2701 / B27001',
  universe: 'Total population (the ACS table: civilian noninstitutionalized population)',
  variables: ['HICOV'],
  categories: { '1': 'With health insurance coverage', '2': 'No health insurance coverage' },
  note: 'Published universe (civilian noninstitutionalized) cannot be isolated in the seed: no group-quarters type.',
  apply(record) {
    const hicov = valueIn(record, 'HICOV', 'health_insurance');
    if (hicov === 1 || hicov === 2) return hicov;
    throw codeOutside(record, 'HICOV', hicov, 'health_insurance');
  },
};
