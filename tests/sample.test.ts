import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BALANCING_VARIABLES, deriveCensusRecodes, NOT_IN_UNIVERSE, recodes } from '@persona/census';
import { readTable, Rng } from '@persona/core';
import { rakingMessage } from '@persona/raking';
import { message as cliMessage } from '../apps/cli/src/messages.js';
import { approxEqual, persona, repoRoot, scratch } from './cli-harness.js';

const s = scratch('sample');
afterAll(() => s.cleanup());

// A population of 60 rows: SEX cycles 1,2; AGEGRP cycles 1,2,3 (so every combination appears 10 times).
const population = 'id,SEX,AGEGRP\n' + Array.from({ length: 60 }, (_, i) => `${i},${1 + (i % 2)},${1 + (i % 3)}`).join('\n') + '\n';
s.write('pop.csv', population);
const margins = { margins: { SEX: { '1': 0.4, '2': 0.6 }, AGEGRP: { '1': 0.5, '2': 0.3, '3': 0.2 } } };
s.write('margins.json', JSON.stringify(margins));

interface SampleOutput {
  n: number;
  method: string;
  seed: number;
  rows: number[];
  balance: Record<string, Record<string, { expected: number; sample: number }>>;
  raking: { converged: boolean };
}

describe('persona sample', () => {
  it('balanced: n distinct rows whose category counts are the reported ones, expected = n × margin share', () => {
    const args = ['sample', '--n', '20', '--seed', '7', '--sample', 'pop.csv', '--margins', 'margins.json', '--out', 'drawn.csv', '--json'];
    const r = persona(args, s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SampleOutput;
    expect(out.method).toBe('balanced');
    expect(out.raking.converged).toBe(true);
    expect(out.rows).toHaveLength(20);
    expect(new Set(out.rows).size).toBe(20);
    // The --out file holds exactly those rows, with the population columns.
    const lines = readFileSync(join(s.dir, 'drawn.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('row,id,SEX,AGEGRP');
    const drawn = lines.slice(1).map((l) => l.split(','));
    expect(drawn.map((f) => Number(f[0]))).toEqual(out.rows);
    expect(drawn.every((f) => f[0] === f[1])).toBe(true); // row index = id in this population
    // The reported drawn counts are the counts of the drawn rows' categories (counted here independently).
    for (const [variable, column] of [['SEX', 2], ['AGEGRP', 3]] as const) {
      for (const [category, cell] of Object.entries(out.balance[variable])) {
        expect(drawn.filter((f) => f[column] === category).length).toBe(cell.sample);
        // Oracle: the margins file — raked weights give category c the share in the file, so E[count] = n × share.
        const share = (margins.margins[variable] as Record<string, number>)[category];
        expect(approxEqual(cell.expected, 20 * share, 1e-6)).toBe(true);
        // Balanced sampling (cube method, 1 + 1 + 2 balancing constraints): drawn counts within the landing's rounding.
        expect(Math.abs(cell.sample - cell.expected)).toBeLessThan(4);
      }
    }
    // Same inputs and seed: byte-identical output.
    const again = persona(args, s.dir);
    expect(again.stdout).toBe(r.stdout);
  });

  it('--out into a missing directory: exit 2 naming the file and --out (not a stack trace), checked before drawing', () => {
    const r = persona(['sample', '--n', '5', '--seed', '1', '--sample', 'pop.csv', '--out', 'nodir/drawn.csv'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`persona: nodir/drawn.csv: field "--out": ${cliMessage.outputUnwritable('ENOENT')}\n`);
  });

  it('with-replacement can draw more rows than the population; stratified needs --strata (exit 2)', () => {
    const r = persona(['sample', '--n', '100', '--seed', '1', '--sample', 'pop.csv', '--method', 'with-replacement', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SampleOutput;
    expect(out.rows).toHaveLength(100); // more than the 60 rows: repeats are possible only with replacement
    expect(out.rows.every((i) => Number.isInteger(i) && i >= 0 && i < 60)).toBe(true);
    const bad = persona(['sample', '--n', '5', '--seed', '1', '--sample', 'pop.csv', '--method', 'stratified'], s.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(cliMessage.strataRequired());
  });
});

describe('persona sample: rows of weight 0 are never drawn', () => {
  // pop.csv: AGEGRP cycles 1, 2, 3, so rows i with i % 3 = 2 have AGEGRP 3: 20 of the 60 rows.
  s.write('m_zero3.json', JSON.stringify({ margins: { SEX: { '1': 0.4, '2': 0.6 }, AGEGRP: { '1': 0.5, '2': 0.5, '3': 0 } } }));
  const zeroRow = (i: number) => i % 3 === 2;
  type ZeroOutput = SampleOutput & { weightsFrom: string; eligibleRows: number; populationSize: number };

  it.each(['balanced', 'pps', 'srs', 'with-replacement', 'stratified'])('%s with a zero target: exit 0, no AGEGRP 3 row drawn', (method) => {
    // Regression: pps, balanced, with-replacement and stratified exited 2 with "record 0: field "weight": expected every
    // sampling weight to be a finite number > 0, got 0"; srs drew AGEGRP 3 rows although their raked weight is 0.
    const args = ['sample', '--n', '30', '--seed', '3', '--sample', 'pop.csv', '--margins', 'm_zero3.json', '--method', method, '--strata', 'SEX', '--json'];
    const r = persona(args, s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ZeroOutput;
    expect(out.rows).toHaveLength(30);
    // oracle: the margins file — AGEGRP 3 has target 0, so its 20 rows (i % 3 = 2, by construction) weigh 0
    expect(out.rows.filter(zeroRow)).toEqual([]);
    expect([out.populationSize, out.eligibleRows]).toEqual([60, 40]);
    expect(out.weightsFrom).toBe(method === 'srs' ? 'equal' : 'raked');
    if (method !== 'with-replacement') expect(new Set(out.rows).size).toBe(30);
  });

  it('fewer rows of positive weight than --n: exit 2 naming the file, "raked weights" and the count', () => {
    const r = persona(['sample', '--n', '45', '--seed', '3', '--sample', 'pop.csv', '--margins', 'm_zero3.json', '--method', 'pps'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`persona: pop.csv: field "raked weights": ${cliMessage.tooFewPositiveWeights(45, 40, 60)}\n`);
  });

  it('--weight with zeros (no margins): zero-weight rows are never drawn; too few positive ones name the column', () => {
    // w = 0 on rows 0–9, 1 on the other 50
    s.write('pop_w.csv', 'id,SEX,w\n' + Array.from({ length: 60 }, (_, i) => `${i},${1 + (i % 2)},${i < 10 ? 0 : 1}`).join('\n') + '\n');
    for (const method of ['pps', 'with-replacement', 'srs']) {
      const r = persona(['sample', '--n', '50', '--seed', '1', '--sample', 'pop_w.csv', '--weight', 'w', '--method', method, '--json'], s.dir);
      expect(r.code, method).toBe(0);
      const out = JSON.parse(r.stdout) as ZeroOutput;
      expect(out.rows.every((i) => i >= 10), method).toBe(true);
      expect(out.eligibleRows).toBe(50);
      // closed form: drawing all 50 positive rows without replacement takes each exactly once
      if (method !== 'with-replacement') expect(out.rows).toEqual(Array.from({ length: 50 }, (_, k) => k + 10));
    }
    const r = persona(['sample', '--n', '51', '--seed', '1', '--sample', 'pop_w.csv', '--weight', 'w', '--method', 'pps'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`persona: pop_w.csv: field "w": ${cliMessage.tooFewPositiveWeights(51, 50, 60)}\n`);
  });

  it('a negative --weight, or every weight 0: exit 2 naming the file, (line) and column', () => {
    s.write('pop_neg.csv', 'id,w\n0,1\n1,-2\n2,1\n');
    const neg = persona(['sample', '--n', '1', '--seed', '1', '--sample', 'pop_neg.csv', '--weight', 'w', '--method', 'pps'], s.dir);
    expect(neg.code).toBe(2);
    expect(neg.stderr).toBe(`persona: pop_neg.csv:3: field "w": ${rakingMessage.baseWeightInvalid(1, -2)}\n`);
    s.write('pop_zero.csv', 'id,w\n0,0\n1,0\n');
    const zero = persona(['sample', '--n', '1', '--seed', '1', '--sample', 'pop_zero.csv', '--weight', 'w', '--method', 'srs'], s.dir);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe(`persona: pop_zero.csv: field "w": ${rakingMessage.baseWeightsAllZero()}\n`);
  });
});

describe('persona sample --out x.jsonl', () => {
  it('writes "row" as a number and the population fields as read', () => {
    // Regression: "row":"0" was written as a string.
    const r = persona(['sample', '--n', '5', '--seed', '2', '--sample', 'pop.csv', '--method', 'srs', '--out', 'drawn.jsonl', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SampleOutput;
    const records = readFileSync(join(s.dir, 'drawn.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((x) => x.row)).toEqual(out.rows);
    // oracle: pop.csv row i is "i,1 + i % 2,1 + i % 3"
    for (const x of records) expect(x).toEqual({ row: x.row, id: String(x.row), SEX: String(1 + ((x.row as number) % 2)), AGEGRP: String(1 + ((x.row as number) % 3)) });
  });
});

/** Total variation distance ½ Σ |p − q| between two share vectors over the same categories. */
function tvd(p: readonly number[], q: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += Math.abs(p[i] - q[i]);
  return d / 2;
}

/** Shares of `counts` over the categories kept (the variable's universe). */
function universeShares(counts: readonly number[], keep: readonly boolean[]): number[] {
  const total = counts.reduce((acc, c, i) => acc + (keep[i] ? c : 0), 0);
  return counts.flatMap((c, i) => (keep[i] ? [c / total] : []));
}

/** The p-quantile of `xs` with R's default (type 7) interpolation, as quantile(xs, p). */
function quantile7(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

describe('issue #2 acceptance on the embedded data: a balanced persona set sits well inside the SRS noise band', () => {
  it('persona sample --n 1586 --seed 1: on every margin, TVD to the ACS targets < ½ × P95 of the TVD of a simple random sample of 1,586 (< P95 for the two universe-approximated blocks)', async () => {
    const n = 1586;
    const r = persona(['sample', '--n', String(n), '--seed', '1', '--out', 'personas.csv', '--json'], s.dir);
    expect(r.code).toBe(0);
    // The default draw rakes on DEFAULT_RAKING_VARIABLES and balances on those plus disability and health_insurance.
    expect(Object.keys((JSON.parse(r.stdout) as SampleOutput).balance)).toEqual([...DEFAULT_BALANCING_VARIABLES]);
    const drawn = await readTable(join(s.dir, 'personas.csv'));
    expect(drawn.nRows).toBe(n);
    // Targets: the embedded ACS margins themselves (data/census/acs2022_margins.json), not our raking.
    const file = JSON.parse(readFileSync(join(repoRoot, 'data/census/acs2022_margins.json'), 'utf8')) as {
      margins: Record<string, Record<string, number>>;
    };
    // The balancing variables (the raking variables, disability, health_insurance) are columns of the drawn rows;
    // race_alone, hispanic_origin and race_ethnicity — margins of race_hispanic, which the default raking uses
    // instead — are derived from the drawn rows' RAC1P and HISP.
    const derived = deriveCensusRecodes(drawn, Object.keys(file.margins));
    expect([...derived.keys()]).toEqual(['race_alone', 'hispanic_origin', 'race_ethnicity']);
    const rng = Rng.fromSeed(2).split('srs-noise-band');
    const draws = 1000;
    const table: Record<string, { tvd: number; srsP95: number }> = {};
    for (const [variable, block] of Object.entries(file.margins)) {
      const categories = Object.keys(block);
      // Universe as the margins define it: the census recodes' code NOT_IN_UNIVERSE ("0", e.g. under 25 for
      // education) is the population outside the table's universe; shares are compared within the universe.
      const outside = Object.hasOwn(recodes, variable) && Object.hasOwn(recodes[variable].categories, String(NOT_IN_UNIVERSE)) ? String(NOT_IN_UNIVERSE) : undefined;
      const keep = categories.map((c) => c !== outside);
      const targetTotal = categories.reduce((acc, c) => acc + block[c], 0);
      const p = categories.map((c) => block[c] / targetTotal);
      const target = universeShares(p, keep);
      const values = Array.from(drawn.has(variable) ? drawn.column(variable) : derived.get(variable)!);
      const counts = categories.map((c) => values.filter((v) => v === c).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n); // every drawn row has a category of the block
      const observed = tvd(universeShares(counts, keep), target);
      // Oracle for the noise band: a seeded multinomial simulation of simple random samples of n from the targets.
      const cumulative = p.map((_, i) => p.slice(0, i + 1).reduce((a, b) => a + b, 0));
      const srs: number[] = [];
      for (let d = 0; d < draws; d++) {
        const drawn = new Array<number>(categories.length).fill(0);
        for (let i = 0; i < n; i++) {
          const u = rng.next();
          let c = 0;
          while (c < categories.length - 1 && u >= cumulative[c]) c++;
          drawn[c]++;
        }
        srs.push(tvd(universeShares(drawn, keep), target));
      }
      table[variable] = { tvd: observed, srsP95: quantile7(srs, 0.95) };
    }
    // Every block of the embedded margins, disability (DP02) and health insurance (DP03) included: their universe,
    // the civilian noninstitutionalized population, is approximated by the civilian household population (the seed
    // cannot tell noninstitutional group quarters such as dormitories from institutions).
    expect(Object.keys(table)).toEqual([
      'age_group', 'sex', 'race_alone', 'hispanic_origin', 'race_ethnicity', 'race_hispanic', 'education', 'marital_status',
      'employment_status', 'nativity_citizenship', 'veteran_status', 'language_at_home', 'disability', 'health_insurance', 'census_region',
    ]);
    // disability and health_insurance are balanced on but not raked on (DEFAULT_BALANCING_VARIABLES): the draw
    // reproduces the raked frame's shares, whose universe is the civilian household population, not the published
    // civilian noninstitutionalized one. That approximation alone moves the share with a disability by about 0.008
    // (data/census/README.md), about half the band, so for these two the criterion is the band itself, not half of it.
    const universeApproximated = new Set(['disability', 'health_insurance']);
    for (const [variable, { tvd: observed, srsP95 }] of Object.entries(table)) {
      const bound = universeApproximated.has(variable) ? srsP95 : srsP95 / 2;
      expect(observed, `${variable}: TVD ${observed.toFixed(5)}, SRS P95 ${srsP95.toFixed(5)}`).toBeLessThan(bound);
    }
  });
});
