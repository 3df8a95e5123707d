import { describe, expect, it } from 'vitest';
import { censusBlankAllowed, censusCodeKnown, censusLabel } from './census-labels.js';

// Oracle: the 2024 ACS 1-year PUMS data dictionary (data/census/census_pums_acs1_2024_data_dict.txt), read by hand.
describe('PUMS codes and blanks', () => {
  it('allows a blank only where the dictionary lists a b code', () => {
    // No "b" line in these entries (every person has a value).
    for (const variable of ['AGEP', 'SEX', 'RAC1P', 'HISP', 'CIT', 'NATIVITY', 'MAR', 'DIS', 'HICOV', 'PRIVCOV', 'PUBCOV', 'DEAR', 'DEYE']) {
      expect([variable, censusBlankAllowed(variable)]).toEqual([variable, false]);
      expect(censusCodeKnown(variable, null)).toBe(false);
      expect(censusCodeKnown(variable, '')).toBe(false);
    }
    // "b .N/A (less than 16 years old)" (ESR), "bb .N/A (less than 3 years old)" (SCHL), …
    for (const variable of ['ESR', 'SCHL', 'MIL', 'PINCP', 'WAGP', 'FER', 'LANX', 'ENG', 'COW', 'OCCP', 'DREM', 'DPHY', 'MIGSP', 'HINCP']) {
      expect([variable, censusBlankAllowed(variable)]).toEqual([variable, true]);
      expect(censusCodeKnown(variable, null)).toBe(true);
    }
  });

  it('knows codes and numeric ranges, and rejects codes outside them', () => {
    expect(censusCodeKnown('SEX', '2')).toBe(true);
    expect(censusCodeKnown('SEX', '9')).toBe(false);
    // AGEP: "0 .Under 1 year", "1..99 .1 to 99 years (Top-coded)".
    expect(censusCodeKnown('AGEP', '99')).toBe(true);
    expect(censusCodeKnown('AGEP', '120')).toBe(false);
    // PINCP: "-19998 .Loss of $19998 or more", "1..4209995": -60000 is below the bottom code.
    expect(censusCodeKnown('PINCP', '-19998')).toBe(true);
    expect(censusCodeKnown('PINCP', '-60000')).toBe(false);
    // SERIALNO's entry is a non-numeric range of identifiers: not judged.
    expect(censusCodeKnown('SERIALNO', '2024HU0413771')).toBe(true);
    expect(censusLabel('ESR', null)).toBe('N/A (less than 16 years old)');
  });
});
