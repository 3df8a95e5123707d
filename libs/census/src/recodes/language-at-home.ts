import type { Recode } from './recode.js';
import { NOT_IN_UNIVERSE, ageOf, codeOutside, valueIn } from './recode.js';

/**
 * Language spoken at home by the population 5 years and over, as the first
 * split of DP02 "LANGUAGE SPOKEN AT HOME" (C16001), from LANX: 2 (speaks only
 * English) → English only; 1 → Language other than English. Under 5 → 0.
 */
export const languageAtHome: Recode = {
  name: 'language_at_home',
  table: 'DP02',
  equivalentTables: 'C16001 / S1601',
  universe: 'Population 5 years and over',
  variables: ['AGEP', 'LANX'],
  categories: {
    '0': 'Not in universe (under 5 years)',
    '1': 'English only',
    '2': 'Language other than English',
  },
  note:
    "DP02 splits 'Language other than English' into Spanish, other Indo-European, Asian and Pacific Island, and other languages; that needs LANP (detailed language), which the seed does not carry, so only the English-only/other split is reproduced.",
  apply(record) {
    if (ageOf(record, 'language_at_home') < 5) return NOT_IN_UNIVERSE;
    const lanx = valueIn(record, 'LANX', 'language_at_home');
    if (lanx === 2) return 1;
    if (lanx === 1) return 2;
    throw codeOutside(record, 'LANX', lanx, 'language_at_home');
  },
};
