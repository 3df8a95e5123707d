import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BALANCING_VARIABLES, DEFAULT_RAKING_VARIABLES } from '@persona/census';
import { coreMessage } from '@persona/core';
import { rakingMessage } from '@persona/raking';
import { message as cliMessage } from '../apps/cli/src/messages.js';
import { approxEqual, persona, personaHead, repoRoot, scratch } from './cli-harness.js';

const s = scratch('rake');
afterAll(() => s.cleanup());

// A hand-made sample: 12 rows, SEX × AGEGRP with unequal base weights.
const rows = [
  [1, 1, 1.0], [1, 2, 2.0], [1, 3, 1.5], [2, 1, 1.0], [2, 2, 1.0], [2, 3, 3.0],
  [1, 1, 0.5], [2, 2, 2.5], [1, 3, 1.0], [2, 1, 1.2], [1, 2, 0.8], [2, 3, 1.1],
] as const;
const sampleCsv = 'SEX,AGEGRP,w\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
const margins = { total: 1000, margins: { SEX: { '1': 0.49, '2': 0.51 }, AGEGRP: { '1': 210, '2': 340, '3': 450 } } };
s.write('sample.csv', sampleCsv);
s.write('margins.json', JSON.stringify(margins));

interface RakeOutput {
  converged: boolean;
  iterations: number;
  maxRelError: number;
  summary: { n: number; sum: number; min: number; max: number; kishEss: number; deff: number; cv: number };
  weights?: number[];
  worstCells?: unknown[];
}

/** The margins the weights give: variable → category → weighted count. */
function weightedMargins(weights: readonly number[]) {
  const out = { SEX: {} as Record<string, number>, AGEGRP: {} as Record<string, number> };
  rows.forEach(([sex, age], i) => {
    out.SEX[sex] = (out.SEX[sex] ?? 0) + weights[i];
    out.AGEGRP[age] = (out.AGEGRP[age] ?? 0) + weights[i];
  });
  return out;
}

describe('persona rake', () => {
  it('reproduces every margin from the printed weights (--json)', () => {
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', '--json'], s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput; // exactly one JSON document on stdout
    expect(out.converged).toBe(true);
    expect(out.maxRelError).toBeLessThanOrEqual(1e-6);
    const w = out.weights!;
    expect(w).toHaveLength(12);
    // Oracle: the margins file itself (shares × total for SEX, counts for AGEGRP).
    const got = weightedMargins(w);
    for (const [category, share] of Object.entries(margins.margins.SEX)) expect(approxEqual(got.SEX[category], share * 1000, 1e-6)).toBe(true);
    for (const [category, count] of Object.entries(margins.margins.AGEGRP)) expect(approxEqual(got.AGEGRP[category], count, 1e-6)).toBe(true);
    // Closed forms from the printed weights: Kish ESS = (Σw)²/Σw², deff = n·Σw²/(Σw)² (all 12 weights nonzero).
    const sum = w.reduce((a, b) => a + b, 0);
    const sum2 = w.reduce((a, b) => a + b * b, 0);
    expect(approxEqual(out.summary.sum, 1000, 1e-6)).toBe(true);
    expect(approxEqual(out.summary.kishEss, (sum * sum) / sum2, 1e-12)).toBe(true);
    expect(approxEqual(out.summary.deff, (12 * sum2) / (sum * sum), 1e-12)).toBe(true);
    expect(out.summary.min).toBe(Math.min(...w));
    expect(out.summary.max).toBe(Math.max(...w));
  });

  it('--out writes row,weight (0-based rows) and the JSON then has no weights', () => {
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', '--method', 'linear', '--out', 'w.csv', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput;
    expect(out.weights).toBeUndefined();
    const lines = readFileSync(join(s.dir, 'w.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('row,weight');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([...Array(12).keys()]);
    // linear calibration also reproduces the margins exactly (Deville & Särndal 1992)
    const got = weightedMargins(lines.slice(1).map((l) => Number(l.split(',')[1])));
    expect(approxEqual(got.AGEGRP['3'], 450, 1e-6)).toBe(true);
    expect(approxEqual(got.SEX['1'], 490, 1e-6)).toBe(true);
  });

  it('reports non-convergence with exit 3 and still prints the result', () => {
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', '--max-iter', '1', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as RakeOutput;
    expect(out.converged).toBe(false);
    expect(out.iterations).toBe(1);
    expect(out.maxRelError).toBeGreaterThan(1e-6);
    expect(out.weights).toHaveLength(12);
    expect(out.worstCells!.length).toBeGreaterThan(0);
  });
});

describe('persona rake bad input (exit 2, one message naming file, line or field)', () => {
  const bad = (files: Record<string, string>, args: string[]) => {
    for (const [name, content] of Object.entries(files)) s.write(name, content);
    const r = persona(['rake', ...args], s.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  it('a usage error (unknown option) is one short message plus a pointer to --help, not the whole help', () => {
    // Regression: commander's showHelpAfterError() used to print the full help text after the error.
    const stderr = bad({}, ['--bogus']);
    expect(stderr).toContain("error: unknown option '--bogus'");
    expect(stderr).toContain('(run the command with --help for its usage)');
    expect(stderr).not.toContain('Usage:');
  });

  it('a ragged CSV row: the line number and field counts', () => {
    const err = bad({ 'ragged.csv': 'SEX,AGEGRP,w\n1,1,1\n2,2,1\n1,3\n2,1,1\n' }, ['--sample', 'ragged.csv', '--margins', 'margins.json']);
    expect(err).toContain(`ragged.csv:4: ${coreMessage.raggedRow(4, 2, 3)}`);
  });

  it('an empty sample file', () => {
    expect(bad({ 'empty.csv': '' }, ['--sample', 'empty.csv', '--margins', 'margins.json'])).toContain(`empty.csv: ${coreMessage.emptyFile()}`);
  });

  it('a header-only sample file: names the file, expects at least one row', () => {
    expect(bad({ 'header-only.csv': 'SEX,AGEGRP,w\n' }, ['--sample', 'header-only.csv', '--margins', 'margins.json'])).toBe(
      `persona: header-only.csv: ${cliMessage.sampleNoRows()}\n`,
    );
  });

  it('an unknown weight column and a margin variable that is not a column', () => {
    expect(bad({}, ['--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'WT'])).toContain(
      coreMessage.missingColumns(['WT'], ['SEX', 'AGEGRP', 'w']),
    );
    const err = bad({ 'region.json': JSON.stringify({ margins: { REGION: { '1': 0.5, '2': 0.5 } } }) }, ['--sample', 'sample.csv', '--margins', 'region.json']);
    expect(err).toContain(rakingMessage.variableNotInSample('REGION', ['SEX', 'AGEGRP', 'w']));
  });

  it('a margin category absent from the sample', () => {
    const m = { margins: { AGEGRP: { '1': 200, '2': 300, '3': 400, '4': 100 } } };
    const err = bad({ 'absent.json': JSON.stringify(m) }, ['--sample', 'sample.csv', '--margins', 'absent.json']);
    expect(err).toContain(rakingMessage.targetCategoryNotInSample('AGEGRP', '4', 100, undefined));
  });

  it('count blocks that disagree (no total), naming them', () => {
    const m = { margins: { SEX: { '1': 490, '2': 510 }, AGEGRP: { '1': 200, '2': 300, '3': 400 } } };
    const err = bad({ 'disagree.json': JSON.stringify(m) }, ['--sample', 'sample.csv', '--margins', 'disagree.json']);
    expect(err).toContain(rakingMessage.countTotalsDisagree([{ name: 'SEX', sum: 1000 }, { name: 'AGEGRP', sum: 900 }], 1e-6));
  });

  it('shares beside count blocks whose total is not the sample\'s weighted total (no "total"): names both, says to add "total"', () => {
    // The sample's base weights w sum to 16.6 (closed form: the column above); the AGEGRP counts sum to 1000.
    const m = { margins: { SEX: { '1': 0.49, '2': 0.51 }, AGEGRP: { '1': 210, '2': 340, '3': 450 } } };
    const err = bad({ 'mixed.json': JSON.stringify(m) }, ['--sample', 'sample.csv', '--margins', 'mixed.json', '--weight', 'w']);
    const sampleTotal = rows.reduce((acc, r) => acc + r[2], 0);
    expect(err).toContain(`mixed.json: ${rakingMessage.sharesTotalAmbiguous(['SEX'], ['AGEGRP'], 1000, sampleTotal, 1e-6)}`);
    expect(err).toContain('add "total": 1000');
  });

  it('without "total", shares scale to the sample\'s weighted total', () => {
    const m = { margins: { SEX: { '1': 0.25, '2': 0.75 } } };
    s.write('shares.json', JSON.stringify(m));
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'shares.json', '--weight', 'w', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput;
    const sampleTotal = rows.reduce((acc, row) => acc + row[2], 0); // Σ w = 16.6
    expect(approxEqual(out.summary.sum, sampleTotal, 1e-9)).toBe(true);
    expect(approxEqual(weightedMargins(out.weights!).SEX['1'], 0.25 * sampleTotal, 1e-6)).toBe(true);
  });

  it('"01" in the margins where the sample has "1": the message says so', () => {
    const m = { margins: { SEX: { '01': 0.49, '2': 0.51 } } };
    const err = bad({ 'zero.json': JSON.stringify(m) }, ['--sample', 'sample.csv', '--margins', 'zero.json']);
    expect(err).toContain(rakingMessage.keyMismatchHint('01', '1'));
  });

  it('duplicate category keys (JSON.parse would keep the last) and targets that overflow, naming the block', () => {
    const dup = bad({ 'dup.json': '{"total":1000,"margins":{"SEX":{"1":600,"2":400,"1":500}}}' }, ['--sample', 'sample.csv', '--margins', 'dup.json']);
    expect(dup).toContain(`dup.json: field "margins.SEX": ${rakingMessage.duplicateKey('1')}`);
    const huge = { margins: { SEX: { '1': 1e308, '2': 1e308 }, AGEGRP: { '1': 1e308, '2': 1e308, '3': 1e308 } } };
    const inf = bad({ 'huge.json': JSON.stringify(huge) }, ['--sample', 'sample.csv', '--margins', 'huge.json']);
    expect(inf).toContain(`huge.json: field "margins.SEX": ${rakingMessage.blockSumNotFinite('SEX')}`);
  });

  it('negative and NaN base weights, with their lines', () => {
    const neg = bad({ 'neg.csv': 'SEX,AGEGRP,w\n1,1,1\n2,2,-1\n1,3,1\n2,3,1\n' }, ['--sample', 'neg.csv', '--margins', 'margins.json', '--weight', 'w']);
    expect(neg).toContain(`neg.csv:3: field "w": ${rakingMessage.baseWeightInvalid(1, -1)}`);
    const nan = bad({ 'nan.csv': 'SEX,AGEGRP,w\n1,1,1\n2,2,1\n1,3,NaN\n2,3,1\n' }, ['--sample', 'nan.csv', '--margins', 'margins.json', '--weight', 'w']);
    expect(nan).toContain(`nan.csv:4: field "w": ${cliMessage.weightNotNumber(2, 'NaN')}`);
  });

  it('names the file line after a quoted line break shifted the rows (base weights, a category without target)', () => {
    // Lines: 1 header, 2-3 row 0 (note "two⏎lines"), 4 row 1, 5 row 2 (the bad value), 6 row 3.
    const head = 'note,SEX,AGEGRP,w\n"two\nlines",1,1,1\nx,2,2,1\n';
    const args = (file: string) => ['--sample', file, '--margins', 'margins.json', '--weight', 'w'];
    expect(bad({ 'q-neg.csv': `${head}y,1,3,-1\nz,2,3,1\n` }, args('q-neg.csv'))).toBe(`persona: q-neg.csv:5: field "w": ${rakingMessage.baseWeightInvalid(2, -1)}\n`);
    expect(bad({ 'q-nan.csv': `${head}y,1,3,NaN\nz,2,3,1\n` }, args('q-nan.csv'))).toBe(`persona: q-nan.csv:5: field "w": ${cliMessage.weightNotNumber(2, 'NaN')}\n`);
    expect(bad({ 'q-cat.csv': `${head}y,3,3,1\nz,2,3,1\n` }, args('q-cat.csv'))).toBe(
      `persona: q-cat.csv:5: field "SEX": ${rakingMessage.sampleCategoryWithoutTarget('SEX', '3', 2, 1, ['1', '2'], undefined)}\n`,
    );
  });
});

describe('persona rake --out that cannot be written (exit 2 naming the file, before fitting)', () => {
  it('a missing directory (ENOENT) and a directory given as the file (EISDIR)', () => {
    // Regression: these failed with exit 1 and a Node.js stack trace.
    const missing = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--out', 'nodir/w.csv', '--json'], s.dir);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`persona: nodir/w.csv: field "--out": ${cliMessage.outputUnwritable('ENOENT')}\n`);
    const isDir = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--out', '.', '--json'], s.dir);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toBe(`persona: .: field "--out": ${cliMessage.outputUnwritable('EISDIR')}\n`);
  });

  it('a previous --out file survives a run that fails on bad input', () => {
    s.write('keep.csv', 'row,weight\n0,1\n');
    s.write('bad-margins.json', '{"margins": {"SEX": {"1": -5, "2": 3}}}');
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'bad-margins.json', '--out', 'keep.csv'], s.dir);
    expect(r.code).toBe(2);
    expect(readFileSync(join(s.dir, 'keep.csv'), 'utf8')).toBe('row,weight\n0,1\n');
  });
});

describe('persona rake calibration diagnostics', () => {
  s.write('sex.csv', 'sex\n1\n2\n1\n2\n1\n2\n');

  it('logit whose bounds no cell can meet: exit 3, converged false, finite weights (not exit 2 "NaN")', () => {
    // sex 1 (3 rows of weight 1) needs g = 5.99 / 3 > 2; the mean g, 6 / 6 = 1, is inside [0.5, 2], so the fit runs.
    s.write('unreachable.json', JSON.stringify({ total: 6, margins: { sex: { '1': 5.99, '2': 0.01 } } }));
    const r = persona(['rake', '--sample', 'sex.csv', '--margins', 'unreachable.json', '--method', 'logit', '--bounds', '0.5,2', '--max-iter', '1', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as RakeOutput;
    expect(out.converged).toBe(false);
    expect(out.iterations).toBe(1);
    expect(out.weights!.every(Number.isFinite)).toBe(true);
  });

  it('a huge total with --bounds: base weights rescaled first, as R survey::calibrate (closed form)', () => {
    // Regression: total 1e9 on 6 rows of weight 1 could never be met within [0.5, 2] (exit 3). survey:::grake's rule:
    // the ratios population / sample total (1e9 / 6 for the total, 5e8 / 3 for sex 2) all exceed 20, so the base
    // weights are multiplied by their mean 1e9 / 6; the margins then hold with g = 1: every weight is 1e9 / 6.
    s.write('huge.json', JSON.stringify({ total: 1e9, margins: { sex: { '1': 0.5, '2': 0.5 } } }));
    const r = persona(['rake', '--sample', 'sex.csv', '--margins', 'huge.json', '--method', 'logit', '--bounds', '0.5,2', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { boundsScale: number; gRange: { min: number; max: number } };
    expect(approxEqual(out.boundsScale, 1e9 / 6, 1e-15)).toBe(true);
    for (const w of out.weights!) expect(approxEqual(w, 1e9 / 6, 1e-12)).toBe(true);
    expect(approxEqual(out.gRange.min, 1, 1e-12) && approxEqual(out.gRange.max, 1, 1e-12)).toBe(true);
  });

  it('--bounds 0.3,3 with total 1e6 on 300 unweighted rows gives R survey::calibrate\'s weights and rescaling factor', () => {
    // Oracle: the committed R fixture libs/raking/test/fixtures/r/calibrate-bounds-rescaled.json (make-fixtures.R:
    // calibrate(…, calfun = "raking", bounds = c(0.3, 3)), which warns "Bounds were set but will be interpreted after
    // rescaling by 3500").
    const f = JSON.parse(readFileSync(join(repoRoot, 'libs/raking/test/fixtures/r/calibrate-bounds-rescaled.json'), 'utf8')) as {
      variables: { name: string; values: string[] }[];
      shares: Record<string, Record<string, number>>;
      cases: { total: number; calfun: string; bounds: number[]; grakeScale: number; weights: number[] }[];
    };
    const [sexValues, ageValues] = f.variables.map((v) => v.values);
    s.write('r-bounds.csv', 'SEX,AGEGRP\n' + sexValues.map((x, i) => `${x},${ageValues[i]}`).join('\n') + '\n');
    for (const c of f.cases.filter((c) => c.total === 1e6)) {
      s.write('r-bounds.json', JSON.stringify({ total: c.total, margins: f.shares }));
      const args = ['rake', '--sample', 'r-bounds.csv', '--margins', 'r-bounds.json', '--method', c.calfun, '--bounds', c.bounds.join(','), '--tol', '1e-12', '--json'];
      const r = persona(args, s.dir);
      expect(r.code, c.calfun).toBe(0);
      const out = JSON.parse(r.stdout) as RakeOutput & { boundsScale: number };
      expect(approxEqual(out.boundsScale, c.grakeScale, 1e-12), c.calfun).toBe(true);
      c.weights.forEach((w, i) => expect(approxEqual(out.weights![i], w, 1e-8), `${c.calfun} row ${i}`).toBe(true));
    }
    expect(persona(['rake', '--help'], s.dir).stdout).toContain('exceeds 20 × its base-weighted sample total');
  });

  it('bounds that cannot contain total / Σ base weights: exit 2 at once, naming the ratio needed', () => {
    // Closed form: 6 rows of weight 1, total 90 → every weighting meeting the total has mean g = 90 / 6 = 15, outside
    // [0.5, 2]; the ratios 15 (total) and 45 / 3 = 15 (sex 2) are not all above 20, so R would not rescale either.
    s.write('fifteen.json', JSON.stringify({ total: 90, margins: { sex: { '1': 0.5, '2': 0.5 } } }));
    const r = persona(['rake', '--sample', 'sex.csv', '--margins', 'fifteen.json', '--bounds', '0.5,2', '--json'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`persona: fifteen.json: field "bounds": ${rakingMessage.boundsExcludeTotal(15, 0.5, 2, 1)}\n`);
  });

  it('gRange leaves out rows a zero target zeroed, so it lies within --bounds', () => {
    // Regression: with AGEGRP 3 → 0, gRange.min was 0 although the bounds were [0.2, 5].
    s.write('zero3.json', JSON.stringify({ total: 1000, margins: { SEX: { '1': 0.49, '2': 0.51 }, AGEGRP: { '1': 400, '2': 600, '3': 0 } } }));
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'zero3.json', '--weight', 'w', '--method', 'logit', '--bounds', '0.2,5', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { gRange: { min: number; max: number } };
    // oracle: the bounds (logit keeps g strictly inside them, Deville & Särndal 1992)
    expect(out.gRange.min).toBeGreaterThan(0.2);
    expect(out.gRange.max).toBeLessThan(5);
    rows.forEach(([, age], i) => (age === 3 ? expect(out.weights![i]).toBe(0) : expect(out.weights![i]).toBeGreaterThan(0)));
  });

  it('raking with bounds converges to g = 3.42 / 6 = 0.57 (closed form; used to stop at 0.5748)', () => {
    s.write('small.json', JSON.stringify({ total: 3.42, margins: { sex: { '1': 0.5, '2': 0.5 } } }));
    const r = persona(['rake', '--sample', 'sex.csv', '--margins', 'small.json', '--bounds', '0.5,2', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput;
    for (const w of out.weights!) expect(approxEqual(w, 0.57, 1e-6)).toBe(true);
  });

  it('negative GREG weights: counted in negativeWeights, gRange, and a warning on stderr', () => {
    // Closed form: unbounded linear calibration gives g = 1 + α_A + β_B; the additive weights
    // (1,1)→10 (×3 rows), (1,2)→−20, (2,1)→60, (2,2)→30 meet A = {10, 90}, B = {90, 10}, so they are the GREG solution.
    s.write('greg.csv', 'A,B\n1,1\n1,1\n1,1\n1,2\n2,1\n2,2\n');
    s.write('greg.json', JSON.stringify({ total: 100, margins: { A: { '1': 10, '2': 90 }, B: { '1': 90, '2': 10 } } }));
    const r = persona(['rake', '--sample', 'greg.csv', '--margins', 'greg.json', '--method', 'linear', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { negativeWeights: number; gRange: { min: number; max: number } };
    [10, 10, 10, -20, 60, 30].forEach((w, i) => expect(approxEqual(out.weights![i], w, 1e-9)).toBe(true));
    expect(out.negativeWeights).toBe(1);
    expect(approxEqual(out.gRange.min, -20, 1e-9)).toBe(true);
    expect(approxEqual(out.gRange.max, 60, 1e-9)).toBe(true);
    expect(r.stderr).toBe(`persona: ${cliMessage.negativeWeights(1, 6)}\n`);
  });

  it('deff and cv leave out rows zeroed by a zero target; n still counts them', () => {
    s.write('zero-target.json', JSON.stringify({ total: 1000, margins: { AGEGRP: { '1': 0, '2': 400, '3': 600 } } }));
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'zero-target.json', '--weight', 'w', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { summary: { nNonzero: number } };
    const w = out.weights!;
    const nonzero = w.filter((x) => x !== 0);
    expect(nonzero.length).toBe(8); // 4 of the 12 rows have AGEGRP 1
    expect(out.summary.n).toBe(12);
    expect(out.summary.nNonzero).toBe(8);
    // Closed form from the printed weights over the m nonzero ones: deff = m·Σw²/(Σw)², cv² = deff − 1.
    const sum = nonzero.reduce((a, b) => a + b, 0);
    const sum2 = nonzero.reduce((a, b) => a + b * b, 0);
    expect(approxEqual(out.summary.deff, (8 * sum2) / (sum * sum), 1e-12)).toBe(true);
    expect(approxEqual(out.summary.cv, Math.sqrt((8 * sum2) / (sum * sum) - 1), 1e-9)).toBe(true);
  });
});

describe('persona rake --trim LO,HI (rake–trim loop with survey::trimWeights caps)', () => {
  // SEX 1 and 2 each have rows of base weight 1, 2 and 5; targets 400 per SEX.
  s.write('trim.csv', 'SEX,w\n1,1\n1,2\n1,5\n2,1\n2,2\n2,5\n');
  s.write('trim.json', JSON.stringify({ margins: { SEX: { '1': 400, '2': 400 } } }));
  type TrimOutput = RakeOutput & { trim: { lower: number | null; upper: number | null; trimmed: number; rounds: number; capsMet: boolean } };

  it('closed form: raked 50, 100, 250 per SEX; caps [60, 200] give 60, 140, 200', () => {
    // Closed form of R's trimWeights(lower = 60, upper = 200): 50 → 60 (−10) and 250 → 200 (+50) per SEX; the excess
    // 2 × 40 = 80 is shared equally by the 2 weights inside (+40 each): 100 → 140. Each SEX still sums to 400, so
    // raking again leaves them: one round, 4 weights trimmed.
    const r = persona(['rake', '--sample', 'trim.csv', '--margins', 'trim.json', '--weight', 'w', '--trim', '60,200', '--json'], s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as TrimOutput;
    [60, 140, 200, 60, 140, 200].forEach((w, i) => expect(approxEqual(out.weights![i], w, 1e-12), `row ${i}`).toBe(true));
    expect(out.trim).toEqual({ lower: 60, upper: 200, trimmed: 4, rounds: 1, capsMet: true });
    expect(out.converged).toBe(true);
    // without --trim: the raked weights d × 400 / 8
    const plain = JSON.parse(persona(['rake', '--sample', 'trim.csv', '--margins', 'trim.json', '--weight', 'w', '--json'], s.dir).stdout) as RakeOutput;
    [50, 100, 250, 50, 100, 250].forEach((w, i) => expect(approxEqual(plain.weights![i], w, 1e-12)).toBe(true));
  });

  it('caps that cannot hold with the margins: exit 3, capsMet false, the raked weights still printed', () => {
    // SEX 1 has 3 rows and target 400: with every weight ≤ 120 they sum to at most 360 < 400, although all 9 rows
    // could carry the total 800 (9 × 120 = 1080), so the caps are not rejected up front but can never hold.
    s.write('trim2.csv', 'SEX,w\n1,1\n1,2\n1,5\n2,1\n2,1\n2,1\n2,1\n2,1\n2,1\n');
    const r = persona(['rake', '--sample', 'trim2.csv', '--margins', 'trim.json', '--weight', 'w', '--trim', '-Inf,120', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as TrimOutput;
    expect(out.trim).toMatchObject({ lower: null, upper: 120, trimmed: 1, rounds: 50, capsMet: false });
    expect(out.converged).toBe(true); // the final weights are raked: the margins hold
    expect(approxEqual(out.weights!.slice(0, 3).reduce((a, b) => a + b, 0), 400, 1e-6)).toBe(true);
    expect(persona(['rake', '--sample', 'trim2.csv', '--margins', 'trim.json', '--weight', 'w', '--trim', '-Inf,120'], s.dir).stdout).toContain(
      cliMessage.trimCapsNotMet(50, -Infinity, 120),
    );
  });

  it('bad --trim: not two numbers, LO ≥ HI, with --method linear or --bounds, caps no weighting can meet (exit 2)', () => {
    const run = (extra: string[]) => persona(['rake', '--sample', 'trim.csv', '--margins', 'trim.json', '--weight', 'w', ...extra], s.dir);
    for (const raw of ['60', '200,60', 'a,b', '-Inf,Inf']) {
      const r = run(['--trim', raw]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`persona: field "--trim": ${cliMessage.trimInvalid(raw)}\n`);
    }
    expect(run(['--trim', '60,200', '--method', 'linear']).stderr).toBe(`persona: field "--trim": ${cliMessage.trimNeedsRaking()}\n`);
    expect(run(['--trim', '60,200', '--bounds', '0.5,2']).stderr).toBe(`persona: field "--trim": ${cliMessage.trimNeedsRaking()}\n`);
    // 6 weights summing to 800 cannot all be ≤ 100
    const r = run(['--trim', '0,100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`persona: field "--trim": ${rakingMessage.trimInfeasible(6, 800, 0, 100)}\n`);
  });
});

describe('numbers and encodings in margins and weights', () => {
  it('a margins file with a UTF-8 byte order mark reads as without it (RFC 8259 §8.1)', () => {
    // Regression: exit 2 with "Unexpected token '\uFEFF'".
    s.write('bom.json', `\uFEFF${JSON.stringify(margins)}`);
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'bom.json', '--weight', 'w', '--json'], s.dir);
    expect(r.code).toBe(0);
    const plain = persona(['rake', '--sample', 'sample.csv', '--margins', 'margins.json', '--weight', 'w', '--json'], s.dir);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('a target of 1e400 is reported as not finite, not as "got null"', () => {
    s.write('inf.json', '{"margins":{"SEX":{"1":1e400,"2":1},"AGEGRP":{"1":1,"2":1,"3":1}}}');
    const r = persona(['rake', '--sample', 'sample.csv', '--margins', 'inf.json'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`persona: inf.json: field "margins.SEX.1": ${rakingMessage.targetNotNumber('SEX', '1', Infinity)}\n`);
    expect(r.stderr).toContain('got Infinity: the number in the file is not finite');
  });

  it('base weights of 1e300: Kish ESS, deff and cv are finite (closed form of 1, 1, 2, 2)', () => {
    // Regression: Σw² overflowed, so kishEss, deff and cv were printed as null with exit 0.
    // The weights already meet the margins (3e300 per sex), so raking keeps them: ESS = 6² / 10 = 3.6, deff = 4 / 3.6,
    // cv = 0.5 / 1.5.
    s.write('huge-w.csv', 'sex,w\n1,1e300\n2,1e300\n1,2e300\n2,2e300\n');
    s.write('half.json', JSON.stringify({ margins: { sex: { '1': 0.5, '2': 0.5 } } }));
    const r = persona(['rake', '--sample', 'huge-w.csv', '--margins', 'half.json', '--weight', 'w', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput;
    expect(approxEqual(out.summary.kishEss, 3.6, 1e-12)).toBe(true);
    expect(approxEqual(out.summary.deff, 4 / 3.6, 1e-12)).toBe(true);
    expect(approxEqual(out.summary.cv, 1 / 3, 1e-12)).toBe(true);
  });
});

describe('census recodes derived from raw PUMS columns', () => {
  it('rakes a file with STATE and AGEP to margins on census_region and age_group', () => {
    // Regression: the CLI read every PUMS column as an integer, but census_region reads STATE as text, so any
    // file with a STATE column raked against census_region failed (exit 2) with
    // "column STATE holds integer codes, not text". Zero-padded codes ("06") must keep working.
    const people = [['06', 30], ['06', 50], ['36', 31], ['36', 52], ['48', 28], ['48', 47], ['17', 34], ['17', 45]] as const;
    s.write('pums-people.csv', 'STATE,AGEP,SEX\n' + people.map(([state, age], i) => `${state},${age},${1 + (i % 2)}`).join('\n') + '\n');
    const regional = { total: 1000, margins: { census_region: { '1': 180, '2': 210, '3': 380, '4': 230 }, age_group: { '6': 450, '8': 550 } } };
    s.write('regional.json', JSON.stringify(regional));
    const r = persona(['rake', '--sample', 'pums-people.csv', '--margins', 'regional.json', '--json'], s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { derived: string[] };
    expect(out.derived).toEqual(['census_region', 'age_group']);
    // Oracle: the margins file, with regions by the Census Bureau's definitions (NY 36 Northeast 1, IL 17 Midwest 2,
    // TX 48 South 3, CA 06 West 4) and DP05 age groups (25–34 → 6, 45–54 → 8), assigned here by hand.
    const region: Record<string, string> = { '36': '1', '17': '2', '48': '3', '06': '4' };
    const got = { census_region: {} as Record<string, number>, age_group: {} as Record<string, number> };
    people.forEach(([state, age], i) => {
      got.census_region[region[state]] = (got.census_region[region[state]] ?? 0) + out.weights![i];
      const group = age < 35 ? '6' : '8';
      got.age_group[group] = (got.age_group[group] ?? 0) + out.weights![i];
    });
    for (const [variable, block] of Object.entries(regional.margins)) {
      for (const [category, target] of Object.entries(block)) {
        expect(approxEqual((got as Record<string, Record<string, number>>)[variable][category], target, 1e-6), `${variable} ${category}`).toBe(true);
      }
    }
  });
});

describe('the default raking margins', () => {
  it('rake the embedded seed on race_hispanic in place of race_alone, hispanic_origin and race_ethnicity', () => {
    const r = persona(['rake', '--out', 'default-weights.csv', '--json'], s.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RakeOutput & { variables: string[] };
    expect(out.converged).toBe(true);
    expect(out.variables).toEqual([...DEFAULT_RAKING_VARIABLES]);
    expect(out.variables).not.toContain('race_alone');
    // disability and health_insurance (civilian noninstitutionalized universe, which the seed cannot match) are
    // balanced on by the default draws, not raked on.
    expect(out.variables).not.toContain('disability');
    expect(out.variables).not.toContain('health_insurance');
    const help = persona(['rake', '--help'], s.dir).stdout;
    expect(help).toContain('raking on overlapping margins is redundant;');
    expect(help).toContain(DEFAULT_RAKING_VARIABLES.join(', '));
    expect(help).toContain(DEFAULT_BALANCING_VARIABLES.join(', '));
  });
});

describe('a reader that closes stdout early', () => {
  it('`persona rake --json | head -c 100` ends quietly: no EPIPE stack trace, exit 0', async () => {
    // The default rake prints ~630 kB of weights, far more than a pipe buffer holds, so the
    // pipe closes while the CLI is still writing. This used to crash with an unhandled
    // 'error' event (Error: write EPIPE) and exit 1.
    const r = await personaHead(['rake', '--json'], s.dir, 100);
    expect(r.stdout).toHaveLength(100);
    expect(r.stdout.startsWith('{"converged":true,')).toBe(true);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('--help', () => {
  it.each(['(root)', 'run', 'rake', 'sample', 'bt', 'aggregate'])('persona %s --help exits 0 with that command\'s usage', (label) => {
    const command = label === '(root)' ? '' : label;
    const r = persona([...(command ? [command] : []), '--help'], s.dir);
    expect(r.code).toBe(0);
    // an unknown command would print the root usage instead
    expect(r.stdout.split('\n')[0]).toBe(command ? `Usage: persona ${command} [options]` : 'Usage: persona [options] [command]');
  });
});
