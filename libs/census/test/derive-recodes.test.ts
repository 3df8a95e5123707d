import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ColumnTable, readTable } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { censusMessage as message, deriveCensusRecodes, PumsTable, type PumsColumn } from '@persona/census';

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

  it('reads SERIALNO as text for disability and health_insurance (household vs group quarters)', () => {
    const sample = table({
      SERIALNO: ['2024HU0000001', '2024GQ0000002', '2024HU0000003', '2024HU0000004'],
      AGEP: ['40', '19', '7', '22'],
      ESR: ['1', '6', '', '4'],
      DIS: ['1', '2', '2', '2'],
      HICOV: ['2', '1', '1', '1'],
    });
    // Oracle: the 2024 PUMS dictionary (…GQ… group-quarters person; ESR 4 Armed forces; no ESR under 16) and the
    // DP02/DP03 universe: civilian noninstitutionalized, approximated by the civilian household population.
    const derived = deriveCensusRecodes(sample, ['disability', 'health_insurance']);
    expect(derived.get('disability')).toEqual(['1', '0', '2', '0']);
    expect(derived.get('health_insurance')).toEqual(['2', '0', '1', '0']);
    expect(() => deriveCensusRecodes(table({ AGEP: ['40'], ESR: ['1'], DIS: ['1'] }), ['disability'])).toThrow(
      message.recodeNeedsColumns('disability', ['SERIALNO']),
    );
  });

  it('derives the DP05 age groups from AGEP', () => {
    const sample = table({ AGEP: ['0', '4', '5', '34', '35', '84', '85', '99'] });
    // Oracle: the DP05 "SEX AND AGE" groups (1 = Under 5, 2 = 5 to 9, …, 6 = 25 to 34, 7 = 35 to 44, 12 = 75 to 84, 13 = 85+).
    expect(deriveCensusRecodes(sample, ['age_group']).get('age_group')).toEqual(['1', '1', '2', '6', '7', '12', '13', '13']);
  });

  it('names the line and column of a blank inside the universe', () => {
    const sample = table({ AGEP: ['30', '41'], SCHL: ['21', ''] });
    expect(() => deriveCensusRecodes(sample, ['education'])).toThrow(
      `people.csv:3: field "SCHL": ${message.blankInUniverse('SCHL', 'education')}`,
    );
  });

  it('names the line of a cell that is not an integer code', () => {
    const sample = table({ AGEP: ['30', 'thirty'] });
    expect(() => deriveCensusRecodes(sample, ['age_group'])).toThrow(`people.csv:3: field "AGEP": ${message.notAnInteger('thirty')}`);
  });

  // Regression (review finding 9): AGEP = 150 became "85 years and over", and AGEP = -5 became code 0, blamed on age_group.
  it('rejects an AGEP outside the PUMS range 0..99, naming AGEP and its line', () => {
    // Oracle: the 2024 PUMS data dictionary (data/census/census_pums_acs1_2024_data_dict.txt:1753-1756):
    // AGEP "0 .Under 1 year", "1..99 .1 to 99 years (Top-coded)".
    expect(() => deriveCensusRecodes(table({ AGEP: ['30', '150'] }), ['age_group'])).toThrow(
      `people.csv:3: field "AGEP": ${message.ageOutsideRange(150, 'age_group')}`,
    );
    expect(() => deriveCensusRecodes(table({ AGEP: ['-5', '30'] }), ['age_group'])).toThrow(
      `people.csv:2: field "AGEP": ${message.ageOutsideRange(-5, 'age_group')}`,
    );
    // Every recode that reads the age checks it, not only age_group.
    expect(() => deriveCensusRecodes(table({ AGEP: ['100'], SCHL: ['21'] }), ['education'])).toThrow(
      `people.csv:2: field "AGEP": ${message.ageOutsideRange(100, 'education')}`,
    );
    expect(deriveCensusRecodes(table({ AGEP: ['0', '99'] }), ['age_group']).get('age_group')).toEqual(['1', '13']);
  });

  // Regression (review finding 11): after a line break inside quotes, errors named the row index instead of the line.
  it('names the file line of a bad cell after a quoted line break (CSV and .csv.gz)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'persona-census-lines-'));
    try {
      // Line 1 header; row 0 spans lines 2-3 (quoted line break); row 1 on line 4; row 2 (AGEP 120) on line 5.
      const csv = 'note,AGEP\n"two\nlines",30\nplain,41\nbad,120\n';
      writeFileSync(join(dir, 'q.csv'), csv);
      writeFileSync(join(dir, 'q.csv.gz'), gzipSync(csv));
      for (const name of ['q.csv', 'q.csv.gz']) {
        const sample = await readTable(join(dir, name));
        expect(sample.lineOffset).toBeUndefined(); // no single offset fits every row …
        expect(() => deriveCensusRecodes(sample, ['age_group'])).toThrow(
          `${join(dir, name)}:5: field "AGEP": ${message.ageOutsideRange(120, 'age_group')}`, // … but the line is still known
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the row index when the sample has no file lines', () => {
    const sample = new ColumnTable('rows', new Map([['AGEP', ['30', '4.5']]]), 2);
    expect(() => deriveCensusRecodes(sample, ['age_group'])).toThrow(`rows: record 1: field "AGEP": ${message.notAnInteger('4.5')}`);
  });

  it('recodes the typed PUMS table behind the strings as is, when there is one (the embedded seed)', () => {
    const columns = new Map<string, PumsColumn>([
      ['AGEP', { kind: 'int', values: Int32Array.from([3, 40]), blank: new Uint8Array(2) }],
      ['STATE', { kind: 'text', values: ['06', '36'] }],
    ]);
    const sample = {
      source: 'seed',
      nRows: 2,
      pums: new PumsTable(2, columns, 'seed'),
      lineOf: () => undefined,
      has: (name: string) => columns.has(name),
      column: (): string[] => {
        throw new Error('the strings were read');
      },
    };
    const derived = deriveCensusRecodes(sample, ['age_group', 'census_region']);
    // Oracle: DP05 age groups (3 → Under 5 = 1, 40 → 35 to 44 = 7); regions (CA West 4, NY Northeast 1).
    expect(Object.fromEntries(derived)).toEqual({ age_group: ['1', '7'], census_region: ['4', '1'] });
  });

  it('says which PUMS columns a recode needs', () => {
    const sample = table({ AGEP: ['30'] });
    expect(() => deriveCensusRecodes(sample, ['education'])).toThrow(message.recodeNeedsColumns('education', ['SCHL']));
  });
});
