import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUMS_SEED_WEIGHT_MULTIPLIER, SEED_MISSING_ITEMS, type PumsTable, loadPumsSeed, readPums } from '@persona/census';

// Oracle for the figures below: data/census/README.md ("How the national sample was
// derived", step 5), copied from the shared PUMS README, which computed them from the
// full ACS 2024 person files; and its per-state counts (WY 61 persons, CA/TX 6,901 rows).
let seed: PumsTable;
beforeAll(async () => {
  seed = await loadPumsSeed();
});

/** Weighted national total (PWGTP × 100) of the rows where `keep` holds, in millions rounded to 0.1 as the README prints. */
function millions(keep: (row: number) => boolean): number {
  const weight = seed.int('PWGTP').values;
  let sum = 0;
  for (let i = 0; i < seed.rowCount; i++) if (keep(i)) sum += weight[i];
  return Math.round((sum * PUMS_SEED_WEIGHT_MULTIPLIER) / 1e5) / 10;
}

describe('loadPumsSeed', () => {
  it('has the 34,415 persons and 39 columns of the README', () => {
    expect(seed.rowCount).toBe(34_415);
    expect(seed.names).toHaveLength(39);
    expect(seed.names.slice(0, 5)).toEqual(['SERIALNO', 'SPORDER', 'STATE', 'PUMA', 'PWGTP']);
  });

  it('reproduces the weighted national total: sum(PWGTP) × 100 = 342,476,300', () => {
    const weight = seed.int('PWGTP').values;
    let sum = 0;
    for (const w of weight) sum += w;
    expect(sum * PUMS_SEED_WEIGHT_MULTIPLIER).toBe(342_476_300);
  });

  it('reproduces the README margins (male 170.1M, female 172.4M, <18 75.2M, 18–64 208.0M, 65+ 59.2M, Hispanic 71.4M)', () => {
    const sex = seed.int('SEX').values;
    const age = seed.int('AGEP').values;
    const hisp = seed.int('HISP').values;
    expect(millions((i) => sex[i] === 1)).toBe(170.1);
    expect(millions((i) => sex[i] === 2)).toBe(172.4);
    expect(millions((i) => age[i] < 18)).toBe(75.2);
    expect(millions((i) => age[i] >= 18 && age[i] <= 64)).toBe(208.0);
    expect(millions((i) => age[i] >= 65)).toBe(59.2);
    expect(millions((i) => hisp[i] !== 1)).toBe(71.4);
  });

  it('keeps zero padding in STATE and PUMA, and stores coded columns without it', () => {
    const first = seed.record(0);
    expect(first.text('STATE')).toBe('01'); // first data line of the CSV: 2024GQ0000060,1,01,02500,…
    expect(first.text('PUMA')).toBe('02500');
    expect(first.int('SCHL')).toBe(10);
  });

  it('tells blanks from values: ESR is blank exactly under 16 on FULLCOLS = 1 rows (README "Blanks")', () => {
    const esr = seed.int('ESR');
    const age = seed.int('AGEP').values;
    const full = seed.int('FULLCOLS').values;
    let mismatches = 0;
    let blanks = 0;
    for (let i = 0; i < seed.rowCount; i++) {
      if (full[i] !== 1) continue;
      blanks += esr.blank[i];
      if ((esr.blank[i] === 1) !== age[i] < 16) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(blanks).toBeGreaterThan(4000);
  });

  it('has 6,901 FULLCOLS = 0 rows, all California or Texas, with the 26 missing columns blank', () => {
    const full = seed.int('FULLCOLS').values;
    const state = seed.text('STATE').values;
    const rows = [...full.keys()].filter((i) => full[i] === 0);
    expect(rows).toHaveLength(6_901);
    expect(new Set(rows.map((i) => state[i]))).toEqual(new Set(['06', '48']));
    for (const item of SEED_MISSING_ITEMS) {
      const blank = seed.int(item).blank;
      expect(rows.every((i) => blank[i] === 1), item).toBe(true);
    }
  });

  it('has the same Wyoming records as the full Wyoming file, read through the Parquet reader', async () => {
    // Oracle: the seed is a 1-in-100 household sample of the state files, so every
    // Wyoming row (README: 61 persons) must appear unchanged in the full Wyoming file,
    // data/census/pums_wy_2024.parquet (p_56.parquet of the same upstream repository).
    const wyoming = await readPums(fileURLToPath(new URL('../../../data/census/pums_wy_2024.parquet', import.meta.url)));
    const key = (table: PumsTable, i: number) => `${table.text('SERIALNO').values[i]}/${table.record(i).int('SPORDER')}`;
    const index = new Map<string, number>();
    for (let i = 0; i < wyoming.rowCount; i++) index.set(key(wyoming, i), i);
    const state = seed.text('STATE').values;
    let matched = 0;
    for (let i = 0; i < seed.rowCount; i++) {
      if (state[i] !== '56') continue;
      const j = index.get(key(seed, i));
      expect(j).toBeDefined();
      for (const name of wyoming.names) {
        const a = seed.column(name);
        const b = wyoming.column(name);
        const left = a.kind === 'int' ? (a.blank[i] ? null : a.values[i]) : a.values[i];
        const right = b.kind === 'int' ? (b.blank[j!] ? null : b.values[j!]) : b.values[j!];
        expect(left, `${name} of ${key(seed, i)}`).toBe(right);
      }
      matched++;
    }
    expect(matched).toBe(61);
  });
});

it('loads the Wyoming Parquet file: 6,199 persons, sum(PWGTP) = 587,618', async () => {
  // Oracle: data/README.md's check of pums_wy_2024.parquet, and ACS 2024 S0101
  // (us_national_margins.json state_population_2024: Wyoming 587,618).
  const wyoming = await readPums(fileURLToPath(new URL('../../../data/census/pums_wy_2024.parquet', import.meta.url)));
  expect(wyoming.rowCount).toBe(6_199);
  expect(wyoming.names).toHaveLength(38);
  let sum = 0;
  for (const w of wyoming.int('PWGTP').values) sum += w;
  expect(sum).toBe(587_618);
});
