import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/**
 * Disability status (DIS: 1 With a disability, 2 Without), the categories of
 * DP02 "DISABILITY STATUS OF THE CIVILIAN NONINSTITUTIONALIZED POPULATION"
 * (B18101). PUMS codes DIS for every person, and the seed has no
 * group-quarters type (TYPEHUGQ), so the recode covers the total population;
 * the published table's universe excludes the institutionalized and the Armed
 * Forces, which is why the default margins leave this recode out.
 */
export const disability: Recode = {
  name: 'disability',
  table: 'DP02',
  equivalentTables: 'B18101 / S1810',
  universe: 'Total population (the ACS table: civilian noninstitutionalized population)',
  variables: ['DIS'],
  categories: { '1': 'With a disability', '2': 'No disability' },
  note: 'Published universe (civilian noninstitutionalized) cannot be isolated in the seed: no group-quarters type.',
  apply(record) {
    const dis = valueIn(record, 'DIS', 'disability');
    if (dis === 1 || dis === 2) return dis;
    throw codeOutside(record, 'DIS', dis, 'disability');
  },
};
