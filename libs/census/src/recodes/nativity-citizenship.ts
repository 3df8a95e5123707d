import type { Recode } from './recode.js';
import { codeOutside, valueIn } from './recode.js';

/**
 * Nativity and citizenship as in DP02 "U.S. CITIZENSHIP STATUS" (B05001 /
 * B05002), from CIT: 1–3 (born in the US, in Puerto Rico or the island areas,
 * or abroad of US-citizen parents) → Native; 4 → Foreign born, naturalized
 * US citizen; 5 → Foreign born, not a US citizen. Universe: total population.
 */
export const nativityCitizenship: Recode = {
  name: 'nativity_citizenship',
  table: 'DP02',
  equivalentTables: 'B05001 / B05002',
  universe: 'Total population',
  variables: ['CIT'],
  categories: {
    '1': 'Native',
    '2': 'Foreign born, naturalized U.S. citizen',
    '3': 'Foreign born, not a U.S. citizen',
  },
  apply(record) {
    const cit = valueIn(record, 'CIT', 'nativity_citizenship');
    if (cit >= 1 && cit <= 3) return 1;
    if (cit === 4) return 2;
    if (cit === 5) return 3;
    throw codeOutside(record, 'CIT', cit, 'nativity_citizenship');
  },
};
