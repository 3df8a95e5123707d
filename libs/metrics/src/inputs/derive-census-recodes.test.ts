import { ColumnTable } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { deriveCensusRecodes } from './derive-census-recodes.js';

/** A CSV-like table (row i on line i + 2). */
const table = (columns: Record<string, string[]>) =>
  new ColumnTable('people.csv', new Map(Object.entries(columns)), Object.values(columns)[0].length, 2);

describe('deriveCensusRecodes', () => {
  it('derives recodes the sample lacks, universes included, and leaves the rest alone', () => {
    const sample = table({
      AGEP: ['24', '25', '40', '90'],
      SCHL: ['21', ' 21', '16', '24'],
      STATE: ['06', '6', '36', '48'],
      sex: ['1', '2', '2', '1'],
    });
    const derived = deriveCensusRecodes(sample, ['education', 'census_region', 'sex', 'NOT_A_RECODE']);
    expect([...derived.keys()]).toEqual(['education', 'census_region']);
    // Oracle: DP02 education of the 25+ (SCHL 21 Bachelor's → 6, 16 diploma → 3, 24 doctorate → 7; under 25 → 0);
    // census regions of the Census Bureau (CA "06" and "6" → West 4, NY 36 → Northeast 1, TX 48 → South 3).
    expect(derived.get('education')).toEqual(['0', '6', '3', '7']);
    expect(derived.get('census_region')).toEqual(['4', '4', '1', '3']);
  });

  it('names the line and column of a blank inside the universe', () => {
    const sample = table({ AGEP: ['30', '41'], SCHL: ['21', ''] });
    expect(() => deriveCensusRecodes(sample, ['education'])).toThrow(/^people\.csv:3: field "SCHL": /);
  });

  it('names the line of a cell that is not an integer code', () => {
    const sample = table({ AGEP: ['30', 'thirty'] });
    expect(() => deriveCensusRecodes(sample, ['age_group'])).toThrow(`people.csv:3: field "AGEP": ${message.notAnIntegerCode('thirty')}`);
  });

  it('says which PUMS columns a recode needs', () => {
    const sample = table({ AGEP: ['30'] });
    expect(() => deriveCensusRecodes(sample, ['education'])).toThrow(message.recodeNeedsColumns('education', ['SCHL']));
  });
});
