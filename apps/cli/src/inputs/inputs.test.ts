import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { censusMessage } from '@persona/census';
import { readTable } from '@persona/core';
import { message } from '../messages.js';
import { deriveRecodes } from './derive-recodes.js';
import { readMargins } from './read-margins.js';
import { SampleTable } from './sample-table.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sampleFrom = async (name: string, csv: string) => {
  writeFileSync(join(dir, name), csv);
  return SampleTable.fromTable(await readTable(join(dir, name)));
};

describe('CLI inputs', () => {
  it('derives the DP05 age groups from AGEP when the margins name age_group', async () => {
    const sample = await sampleFrom('ages.csv', 'AGEP,SEX\n0,1\n4,2\n5,1\n34,2\n35,1\n84,2\n85,1\n99,2\n');
    expect(deriveRecodes(sample, ['age_group', 'SEX', 'NOT_A_RECODE'])).toEqual(['age_group']);
    // Oracle: the DP05 "SEX AND AGE" groups (1 = Under 5, 2 = 5 to 9, …, 6 = 25 to 34, 7 = 35 to 44, 12 = 75 to 84, 13 = 85+).
    expect(sample.column('age_group')).toEqual(['1', '1', '2', '6', '7', '12', '13', '13']);
    expect(sample.has('NOT_A_RECODE')).toBe(false);
  });

  it('derives census_region from a zero-padded STATE column, read as text', async () => {
    // Regression: STATE used to be read as an integer column, and census_region failed with
    // "column STATE holds integer codes, not text" on any file with a STATE column.
    const sample = await sampleFrom('states.csv', 'STATE,AGEP\n06,30\n36,40\n48,50\n17,60\n');
    expect(deriveRecodes(sample, ['census_region', 'age_group'])).toEqual(['census_region', 'age_group']);
    // Oracle: Census Bureau regions (CA 06 → West 4, NY 36 → Northeast 1, TX 48 → South 3, IL 17 → Midwest 2).
    expect(sample.column('census_region')).toEqual(['4', '1', '3', '2']);
  });

  it('says which PUMS columns a recode needs when the sample lacks them', async () => {
    const sample = await sampleFrom('no-age.csv', 'SEX\n1\n');
    expect(() => deriveRecodes(sample, ['age_group'])).toThrow(censusMessage.recodeNeedsColumns('age_group', ['AGEP']));
  });

  it('names the line of a PUMS cell that is not an integer code', async () => {
    const sample = await sampleFrom('bad-age.csv', 'AGEP\n30\nthirty\n');
    expect(() => deriveRecodes(sample, ['age_group'])).toThrow(`bad-age.csv:3: field "AGEP": ${censusMessage.notAnInteger('thirty')}`);
  });

  it('names the line of a blank base weight', async () => {
    const sample = await sampleFrom('w.csv', 'SEX,w\n1,2\n2,\n');
    expect(() => sample.weights('w')).toThrow(`w.csv:3: field "w": ${message.weightNotNumber(1, '')}`);
    expect(Array.from(sample.weights('SEX'))).toEqual([1, 2]);
  });

  it('reports a missing margins file', async () => {
    await expect(readMargins(join(dir, 'none.json'), 'raking')).rejects.toThrow(message.marginsUnreadable('no such file'));
  });
});
