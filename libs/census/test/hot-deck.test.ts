import { InputError } from '@persona/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MATCH_LEVELS,
  PumsTable,
  SEED_MISSING_ITEMS,
  censusMessage,
  imputeHotDeck,
  isImputed,
  loadPumsSeed,
  type HotDeckResult,
  type PumsColumn,
} from '@persona/census';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

let seed: PumsTable;
let result: HotDeckResult;
let recipients: number[];

beforeAll(async () => {
  seed = await loadPumsSeed();
  result = imputeHotDeck(seed, { seed: 20240101 });
  const full = seed.int('FULLCOLS').values;
  recipients = [...full.keys()].filter((i) => full[i] === 0);
});

const columnCache = new WeakMap<PumsTable, Map<string, { values: Int32Array; blank: Uint8Array }>>();
/** An item's value (null for blank) in a table. */
function get(table: PumsTable, name: string, row: number): number | null {
  let columns = columnCache.get(table);
  if (columns === undefined) columnCache.set(table, (columns = new Map()));
  let column = columns.get(name);
  if (column === undefined) columns.set(name, (column = table.int(name)));
  return column.blank[row] === 1 ? null : column.values[row];
}

// Universe boundaries from the 2024 PUMS data dictionary (data/census/census_pums_acs1_2024_data_dict.txt):
// MIGSP N/A under 1, SCHL N/A under 3, LANX/DREM/DPHY under 5, MAR/WAGP/PINCP under 15, ESR under 16, MIL under 17, FER 15–50.
const TEST_AGE_EDGES = [1, 3, 5, 15, 16, 17, 18, 25, 35, 45, 51, 65, 75];
const band = (age: number) => TEST_AGE_EDGES.filter((edge) => age >= edge).length;
const WEST = new Set(['02', '04', '06', '08', '15', '16', '30', '32', '35', '41', '49', '53', '56']);
const SOUTH = new Set(['01', '05', '10', '11', '12', '13', '21', '22', '24', '28', '37', '40', '45', '47', '48', '51', '54']);

describe('imputeHotDeck on the seed', () => {
  it('fills every FULLCOLS = 0 row from one FULLCOLS = 1 donor, drops no row, and leaves other rows alone', () => {
    const out = result.table;
    expect(out.rowCount).toBe(seed.rowCount);
    expect(recipients).toHaveLength(6_901);
    const full = seed.int('FULLCOLS').values;
    const differences: string[] = [];
    for (const r of recipients) {
      const d = get(out, 'IMPDONOR', r)!;
      if (full[d] !== 1) differences.push(`donor ${d} of row ${r} is not a FULLCOLS = 1 row`);
      for (const item of SEED_MISSING_ITEMS) if (get(out, item, r) !== get(seed, item, d)) differences.push(`${item} of row ${r}`);
    }
    for (let i = 0; i < seed.rowCount; i++) {
      if (full[i] === 0) continue;
      for (const item of SEED_MISSING_ITEMS) if (get(out, item, i) !== get(seed, item, i)) differences.push(`${item} of respondent row ${i}`);
    }
    expect(differences).toEqual([]);
  });

  it('sets the imputation flags exactly on the imputed items', () => {
    const out = result.table;
    const flags = out.int('IMPFLAGS').values;
    const donor = out.int('IMPDONOR');
    const full = seed.int('FULLCOLS').values;
    const wrong: number[] = [];
    for (let i = 0; i < seed.rowCount; i++) {
      if (flags[i] !== (full[i] === 0 ? 2 ** 26 - 1 : 0) || donor.blank[i] !== (full[i] === 0 ? 0 : 1)) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(isImputed(result, recipients[0], 'MAR')).toBe(true);
    expect(isImputed(result, 0, 'MAR')).toBe(false);
    expect(isImputed(result, recipients[0], 'AGEP')).toBe(false); // a shared column is never imputed
  });

  it('respects the match: same age band, sex, DIS, nativity and bachelor\'s line always; same region and exact CIT at fine levels', () => {
    const out = result.table;
    const state = seed.text('STATE').values;
    for (const r of recipients) {
      const d = get(out, 'IMPDONOR', r)!;
      const level = get(out, 'IMPLEVEL', r)!;
      expect(band(get(seed, 'AGEP', d)!)).toBe(band(get(seed, 'AGEP', r)!));
      expect(get(seed, 'SEX', d)).toBe(get(seed, 'SEX', r));
      expect(get(seed, 'DIS', d)).toBe(get(seed, 'DIS', r));
      expect(get(seed, 'CIT', d)! <= 3).toBe(get(seed, 'CIT', r)! <= 3);
      const degree = (row: number) => { const s = get(seed, 'SCHL', row); return s === null ? 'blank' : s >= 21 ? 'degree' : 'none'; };
      expect(degree(d)).toBe(degree(r));
      if (level <= 3) expect((state[r] === '06' ? WEST : SOUTH).has(state[d]), `region of donor ${d}`).toBe(true);
      if (level <= 1) expect(get(seed, 'CIT', d)).toBe(get(seed, 'CIT', r));
      if (level === 0) expect(get(seed, 'HISP', d)).toBe(get(seed, 'HISP', r));
      if (level <= 2) expect(get(seed, 'RAC1P', d)).toBe(get(seed, 'RAC1P', r));
    }
    expect(result.recipientsByLevel.reduce((a, b) => a + b, 0)).toBe(6_901);
    expect(result.recipientsByLevel).toHaveLength(MATCH_LEVELS.length);
  });

  it('gives plausible records: universes of MAR, ESR, MIL, WAGP, PINCP, FER, FOD1P, LANX follow age, sex and SCHL', () => {
    const out = result.table;
    for (const r of recipients) {
      const age = get(out, 'AGEP', r)!;
      const sex = get(out, 'SEX', r)!;
      const schl = get(out, 'SCHL', r);
      if (age < 15) expect(get(out, 'MAR', r), `MAR at age ${age}`).toBe(5); // never married under 15
      expect(get(out, 'ESR', r) === null).toBe(age < 16); // ESR blank iff under 16: no employed 10-year-olds
      expect(get(out, 'MIL', r) === null).toBe(age < 17);
      expect(get(out, 'WAGP', r) === null).toBe(age < 15);
      expect(get(out, 'PINCP', r) === null).toBe(age < 15);
      expect(get(out, 'LANX', r) === null).toBe(age < 5);
      if (age < 1) expect(get(out, 'MIGSP', r)).toBeNull(); // no residence 1 year ago for infants
      expect(get(out, 'FER', r) === null).toBe(!(sex === 2 && age >= 15 && age <= 50));
      expect(get(out, 'FOD1P', r) === null).toBe(!(schl !== null && schl >= 21));
      expect(get(out, 'NATIVITY', r)).toBe(get(out, 'CIT', r)! <= 3 ? 1 : 2);
      if (get(out, 'DIS', r) === 2) for (const d of ['DEAR', 'DEYE', 'DREM', 'DPHY']) expect(get(out, d, r)).not.toBe(1);
      const wagp = get(out, 'WAGP', r);
      if (wagp !== null && wagp > 0) expect(get(out, 'WKWN', r)).not.toBeNull(); // wages mean weeks worked
    }
  });

  it('is reproducible with a seed, and another seed draws other donors', () => {
    const again = imputeHotDeck(seed, { seed: 20240101 });
    const other = imputeHotDeck(seed, { seed: 7 });
    const a = result.table.int('IMPDONOR').values;
    expect(again.table.int('IMPDONOR').values).toEqual(a);
    const b = other.table.int('IMPDONOR').values;
    const differing = recipients.filter((r) => a[r] !== b[r]).length;
    expect(differing).toBeGreaterThan(recipients.length / 2);
  });

  it('follows the weighted donor distribution of each recipient\'s cell (ESR, MAR, HICOV)', () => {
    // Oracle (closed form): under a weighted hot deck, E[share of category k among imputed
    // persons, weighted by the recipients' PWGTP] = Σ_r w_r Σ_{d in cell(r)} p_d 1[x_d = k] / Σ_r w_r,
    // with p_d = PWGTP_d / Σ PWGTP over the cell. The realized shares must be within sampling
    // noise of it (total variation distance below 0.02 with 6,901 draws).
    const out = result.table;
    const weight = seed.int('PWGTP').values;
    const full = seed.int('FULLCOLS').values;
    const state = seed.text('STATE').values;
    const donorsByCell = new Map<string, number[]>();
    const cellOf = (row: number, level: number) => levelCell(seed, state, row, level);
    for (let i = 0; i < seed.rowCount; i++) {
      if (full[i] === 0) continue;
      for (let level = 0; level < MATCH_LEVELS.length; level++) {
        const key = `${level}|${cellOf(i, level)}`;
        const list = donorsByCell.get(key) ?? [];
        list.push(i);
        donorsByCell.set(key, list);
      }
    }
    for (const item of ['ESR', 'MAR', 'HICOV']) {
      const expected = new Map<string, number>();
      const realized = new Map<string, number>();
      let total = 0;
      for (const r of recipients) {
        const level = get(out, 'IMPLEVEL', r)!;
        const donors = donorsByCell.get(`${level}|${cellOf(r, level)}`)!;
        expect(donors).toContain(get(out, 'IMPDONOR', r));
        const cellWeight = donors.reduce((s, d) => s + weight[d], 0);
        for (const d of donors) {
          const k = String(get(seed, item, d));
          expected.set(k, (expected.get(k) ?? 0) + (weight[r] * weight[d]) / cellWeight);
        }
        const k = String(get(out, item, r));
        realized.set(k, (realized.get(k) ?? 0) + weight[r]);
        total += weight[r];
      }
      let tvd = 0;
      for (const k of new Set([...expected.keys(), ...realized.keys()])) tvd += Math.abs((expected.get(k) ?? 0) - (realized.get(k) ?? 0)) / total;
      expect(tvd / 2, `TVD of ${item}`).toBeLessThan(0.02);
    }
  });
});

/**
 * The test's own statement of the documented collapse order (match-cells.ts), from the raw
 * columns: level 0 region+age band+sex+RAC1P+HISP+SCHL band+CIT+DIS+GQ; 1 HISP→Hispanic;
 * 2 CIT→nativity; 3 RAC1P→4 groups; 4 no region; 5 no race/Hispanic; 6 SCHL→degree line; 7 no GQ.
 */
function levelCell(table: PumsTable, state: readonly string[], row: number, level: number): string {
  const g = (name: string) => get(table, name, row);
  const rac1p = g('RAC1P')!;
  const hisp = g('HISP')!;
  const schl = g('SCHL');
  const cit = g('CIT')!;
  const schlBand = schl === null ? 0 : [11, 15, 17, 19, 20, 21].filter((edge) => schl > edge).length + 1;
  const degree = schl === null ? 0 : schl >= 21 ? 2 : 1;
  const region = WEST.has(state[row]) ? 'W' : SOUTH.has(state[row]) ? 'S' : ['09', '23', '25', '33', '44', '50', '34', '36', '42'].includes(state[row]) ? 'NE' : 'MW';
  const race4 = rac1p === 1 ? 1 : rac1p === 2 ? 2 : rac1p === 6 || rac1p === 7 ? 3 : 4;
  const gq = table.text('SERIALNO').values[row].includes('GQ') ? 'GQ' : 'HU';
  const parts: unknown[] = [band(g('AGEP')!), g('SEX'), cit <= 3 ? 'N' : 'F', g('DIS')];
  if (level <= 6) parts.push(gq);
  if (level <= 3) parts.push(region);
  if (level <= 2) parts.push(rac1p);
  else if (level <= 4) parts.push(race4);
  if (level === 0) parts.push(hisp);
  else if (level <= 4) parts.push(hisp === 1 ? 'nh' : 'h');
  parts.push(level <= 5 ? schlBand : degree);
  if (level <= 1) parts.push(cit);
  return parts.join(',');
}

/** A small table in the seed's layout: the match columns, PWGTP, FULLCOLS and ESR. */
function tinyTable(rows: { age: number; weight: number; full: 0 | 1; esr: number | null; state?: string; hisp?: number; dis?: number | null }[]): PumsTable {
  const n = rows.length;
  const int = (f: (i: number) => number | null): PumsColumn => {
    const values = new Int32Array(n);
    const blank = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = f(i);
      if (v === null) blank[i] = 1;
      else values[i] = v;
    }
    return { kind: 'int', values, blank };
  };
  return new PumsTable(
    n,
    new Map<string, PumsColumn>([
      ['SERIALNO', { kind: 'text', values: rows.map((_, i) => `2024HU${String(i).padStart(7, '0')}`) }],
      ['STATE', { kind: 'text', values: rows.map((r) => r.state ?? '06') }],
      ['PWGTP', int((i) => rows[i].weight)],
      ['AGEP', int((i) => rows[i].age)],
      ['SEX', int(() => 1)],
      ['RAC1P', int(() => 1)],
      ['HISP', int((i) => rows[i].hisp ?? 1)],
      ['SCHL', int(() => 16)],
      ['CIT', int(() => 1)],
      ['DIS', int((i) => (rows[i].dis === undefined ? 2 : rows[i].dis))],
      ['FULLCOLS', int((i) => rows[i].full)],
      ['ESR', int((i) => rows[i].esr)],
    ]),
    'tiny',
  );
}

describe('imputeHotDeck on small tables', () => {
  it('draws donors with probability proportional to PWGTP', () => {
    // Oracle (closed form): donors weighing 1 and 3 in one cell are drawn with probability 1/4 and 3/4.
    const table = tinyTable([
      { age: 40, weight: 10, full: 0, esr: null },
      { age: 41, weight: 1, full: 1, esr: 1 },
      { age: 42, weight: 3, full: 1, esr: 6 },
    ]);
    const draws = 4000;
    let heavy = 0;
    for (let s = 0; s < draws; s++) {
      const out = imputeHotDeck(table, { seed: s, items: ['ESR'], minDonors: 1 });
      heavy += out.table.record(0).int('IMPDONOR') === 2 ? 1 : 0;
    }
    // 4 binomial standard deviations: sqrt(0.75 · 0.25 / 4000) = 0.0068
    expectApproxEqual(heavy / draws, 0.75, 0.0275 / 0.75, 'share of the heavy donor');
  });

  it('collapses to a coarser cell when the fine cell has too few donors', () => {
    // The donor lives in Texas (South), the recipient in California (West): only level 4
    // (national donors) and below can match them.
    const table = tinyTable([
      { age: 40, weight: 10, full: 0, esr: null, state: '06' },
      { age: 41, weight: 5, full: 1, esr: 3, state: '48' },
    ]);
    const out = imputeHotDeck(table, { seed: 1, items: ['ESR'], minDonors: 1 });
    expect(out.table.record(0).int('ESR')).toBe(3);
    expect(out.table.record(0).int('IMPLEVEL')).toBe(4);
  });

  it('reports a recipient without any donor', () => {
    const table = tinyTable([
      { age: 10, weight: 10, full: 0, esr: null },
      { age: 41, weight: 5, full: 1, esr: 1 },
    ]);
    expect(() => imputeHotDeck(table, { seed: 1, items: ['ESR'] })).toThrow(InputError);
    expect(() => imputeHotDeck(table, { seed: 1, items: ['ESR'] })).toThrow(
      censusMessage.noDonor(0, 'ageBand=4 sex=1 nativity=1 dis=2 schlDegree=2'),
    );
  });

  it('rejects bad options', () => {
    const table = tinyTable([{ age: 41, weight: 5, full: 1, esr: 1 }]);
    expect(() => imputeHotDeck(table, { seed: 1, items: ['ESR'] })).toThrow(censusMessage.noRecipients());
    expect(() => imputeHotDeck(table, { seed: 1, items: ['ESR'], minDonors: 0 })).toThrow(censusMessage.invalidMinDonors(0));
    expect(() => imputeHotDeck(table, { seed: 1, items: ['ESR'], recipients: new Uint8Array(2) })).toThrow(censusMessage.recipientsLength(2, 1));
    const items = Array.from({ length: 32 }, () => 'ESR');
    expect(() => imputeHotDeck(table, { seed: 1, items })).toThrow(censusMessage.tooManyItems(32));
  });

  it('rejects a blank matching variable, an unknown state and codes too large to number the cells', () => {
    const blankDis = tinyTable([{ age: 40, weight: 1, full: 0, esr: null, dis: null }, { age: 41, weight: 1, full: 1, esr: 1 }]);
    expect(() => imputeHotDeck(blankDis, { seed: 1, items: ['ESR'] })).toThrow(
      `tiny: record 0: field "DIS": ${censusMessage.blankMatchVariable('DIS')}`,
    );
    const puertoRico = tinyTable([{ age: 40, weight: 1, full: 0, esr: null, state: '72' }, { age: 41, weight: 1, full: 1, esr: 1 }]);
    expect(() => imputeHotDeck(puertoRico, { seed: 1, items: ['ESR'] })).toThrow(censusMessage.unknownState('72'));
    const huge = tinyTable([{ age: 40, weight: 1, full: 0, esr: null, hisp: 2_000_000 }, { age: 41, weight: 1, full: 1, esr: 1 }]);
    expect(() => imputeHotDeck(huge, { seed: 1, items: ['ESR'] })).toThrow(censusMessage.tooManyCells(MATCH_LEVELS[0].name));
  });
});
