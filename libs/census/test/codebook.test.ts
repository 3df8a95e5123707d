import { InputError } from '@persona/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codebook, censusMessage, normaliseCode, parsePumsDictionary, pumsCodebook } from '@persona/census';

// Oracle: the Census Bureau's 2024 ACS PUMS data dictionary text,
// data/census/census_pums_acs1_2024_data_dict.txt (line numbers cited per assertion).
const codebook = pumsCodebook();

describe('pumsCodebook', () => {
  it('gives the dictionary label of a code', () => {
    expect(codebook.label('SCHL', '21')).toBe("Bachelor's degree"); // line 2332: "21     .Bachelor's degree"
    expect(codebook.label('RAC1P', '9')).toBe('Two or More Races'); // line 5550
    expect(codebook.label('ESR', '6')).toBe('Not in labor force'); // line 3023
    expect(codebook.label('MIL', '4')).toBe('Never served in the military'); // line 2161
    expect(codebook.label('HISP', '02')).toBe('Mexican'); // line 3389
  });

  it('records the dictionary line of each value, matching the lines cited here', () => {
    expect(codebook.find('SCHL', '21')?.line).toBe(2332);
    expect(codebook.find('RAC1P', '9')?.line).toBe(5550);
    expect(codebook.find('ESR', '6')?.line).toBe(3023);
    expect(codebook.find('ESR', '')?.line).toBe(3017);
    expect(codebook.find('HISP', '1')?.line).toBe(3388);
    expect(codebook.find('AGEP', 45)?.line).toBe(1756);
  });

  it('gives the variable label, type and width', () => {
    // line 2309: "SCHL        Character   2", line 2310: "Educational attainment"
    expect(codebook.variable('SCHL')).toMatchObject({ name: 'SCHL', type: 'Character', width: 2, label: 'Educational attainment', record: 'person', line: 2309 });
    // line 1753: "AGEP        Numeric     2", line 1754: "Age"
    expect(codebook.variable('AGEP')).toMatchObject({ type: 'Numeric', width: 2, label: 'Age' });
    // line 4671: "Occupation recode for 2018 and later based on 2018 OCC codes"
    expect(codebook.variable('OCCP').label).toBe('Occupation recode for 2018 and later based on 2018 OCC codes');
    // line 6855: "PWGTP1      Numeric     5" (replicate weights section)
    expect(codebook.variable('PWGTP1').section).toBe('PERSON RECORD-REPLICATE WEIGHTS');
  });

  it('finds codes with or without leading zeros', () => {
    // line 3388: "01     .Not Spanish/Hispanic/Latino"; the seed stores HISP 01 as 1
    expect(codebook.label('HISP', '01')).toBe('Not Spanish/Hispanic/Latino');
    expect(codebook.label('HISP', '1')).toBe('Not Spanish/Hispanic/Latino');
    expect(codebook.label('HISP', 1)).toBe('Not Spanish/Hispanic/Latino');
    // line 4673: "0010       .MGR-Chief Executives And Legislators"; the seed stores OCCP 0010 as 10
    expect(codebook.label('OCCP', 10)).toBe('MGR-Chief Executives And Legislators');
    // line 3416: "0170       .AGR-Crop Production"
    expect(codebook.label('INDP', '170')).toBe('AGR-Crop Production');
  });

  it('labels blanks and values inside a range', () => {
    // line 3017: "b    .N/A (less than 16 years old)"
    expect(codebook.label('ESR', '')).toBe('N/A (less than 16 years old)');
    expect(codebook.label('ESR', null)).toBe('N/A (less than 16 years old)');
    // line 1756: "1..99  .1 to 99 years (Top-coded)"; line 1755: "0      .Under 1 year"
    expect(codebook.label('AGEP', 45)).toBe('1 to 99 years (Top-coded)');
    expect(codebook.label('AGEP', 0)).toBe('Under 1 year');
  });

  it('keeps the person-record entry of a variable listed in both layouts', () => {
    // SERIALNO appears at line 14 (housing) and line 1654 (person)
    expect(codebook.variable('SERIALNO')).toMatchObject({ record: 'person', line: 1654 });
  });

  it('rejects an unknown variable with a clear error', () => {
    expect(() => codebook.variable('NOPE')).toThrow(InputError);
    expect(() => codebook.label('NOPE', '1')).toThrow(censusMessage.unknownVariable('NOPE'));
  });

  it('rejects a code the dictionary does not list', () => {
    expect(() => codebook.label('SEX', '3')).toThrow(censusMessage.unknownCode('SEX', '3'));
    expect(codebook.find('SEX', '3')).toBeUndefined();
  });
});

describe('normaliseCode', () => {
  it('strips leading zeros and maps b-placeholders to blank', () => {
    expect(normaliseCode('01')).toBe('1');
    expect(normaliseCode('0000')).toBe('0');
    expect(normaliseCode('-04')).toBe('-4');
    expect(normaliseCode('bbbb')).toBe('');
    expect(normaliseCode('2024GQ0000001')).toBe('2024GQ0000001');
    expect(normaliseCode(7)).toBe('7');
  });
});

it('finds the same SCHL and OCCP entries whatever the zero padding (property)', () => {
  // Oracle: the dictionary pads SCHL to 2 and OCCP to 4 characters (lines 2309, 4670); a code's
  // entry must not depend on how many zeros a file put in front of it.
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 3 }), (schl, zeros) => {
      expect(codebook.find('SCHL', '0'.repeat(zeros) + String(schl))).toBe(codebook.find('SCHL', schl));
      expect(codebook.find('SCHL', schl)).toBeDefined();
    }),
  );
  const occp = codebook.variable('OCCP').values.filter((v) => v.code !== '' && v.range === undefined);
  fc.assert(
    fc.property(fc.constantFrom(...occp), (value) => {
      expect(codebook.label('OCCP', Number(value.code))).toBe(value.label);
      expect(codebook.label('OCCP', value.raw)).toBe(value.label);
    }),
  );
});

describe('parsePumsDictionary', () => {
  it('parses a hand-written excerpt in the dictionary layout', () => {
    const text = ['PERSON RECORD', '', 'SEX         Character   1', 'Sex', '            1    .Male', '            2    .Female', ''].join('\n');
    const book = new Codebook(parsePumsDictionary(text));
    expect(book.names()).toEqual(['SEX']);
    expect(book.label('SEX', 2)).toBe('Female');
  });

  it('rejects a value line before any variable, naming the line', () => {
    expect(() => parsePumsDictionary('\n            1    .Male\n', 'dict.txt')).toThrow('dict.txt:2: a value line before any variable header');
  });

  it('rejects a text with no variable', () => {
    expect(() => parsePumsDictionary('nothing here', 'dict.txt')).toThrow(censusMessage.dictionaryEmpty());
  });
});
