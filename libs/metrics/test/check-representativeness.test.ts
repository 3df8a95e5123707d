import { describe, expect, it } from 'vitest';
import { Rng } from '@persona/core';
import { checkRepresentativeness, topWeightShare, tvdNoiseBand, type CheckResult } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';
import { rFixture } from './r-fixture.js';

const half = { margins: { V: { a: 0.5, b: 0.5 } } };

describe('checkRepresentativeness: the CONTRACTS.md result, hand-computed', () => {
  it('an unweighted sample of 4 rows against 50/50 shares', () => {
    const r = checkRepresentativeness({ columns: { V: ['a', 'a', 'a', 'b'] } }, half, { noiseDraws: 200, seed: 1 });
    expect(r.n).toBe(4);
    expect(r.kishEss).toBe(4);
    expect(r.deff).toBe(1);
    expect(r.weights).toBeNull();
    expect(r.seMethod).toBe('linearised');
    const v = r.variables.V;
    expect(v.categories.a).toMatchObject({ sample: 0.75, target: 0.5, rows: 3 });
    // TVD = ½ (0.25 + 0.25) = 0.25; X² = n_eff Σ (p − q)²/q = 4 (0.0625/0.5 · 2) = 1 on 1 df
    expectApproxEqual(v.tvd, 0.25, 1e-15, 'tvd');
    expectApproxEqual(v.chi2, 1, 1e-15, 'chi2');
    expect(v.df).toBe(1);
    expectApproxEqual(v.maxAbsError, 0.25, 1e-15, 'max abs');
    // G = 2 · 4 · (0.75 ln 1.5 + 0.25 ln 0.5)
    expectApproxEqual(v.gTest, 8 * (0.75 * Math.log(1.5) + 0.25 * Math.log(0.5)), 1e-14, 'G');
    // ASMD = |0.75 − 0.5| / sqrt(0.5 · 0.5) = 0.5 for both categories (balance, std_type = "target")
    expectApproxEqual(v.categories.a.asmd!, 0.5, 1e-15, 'asmd');
    expectApproxEqual(v.meanAsmd!, 0.5, 1e-15, 'mean asmd');
    // Linearised se with each row a PSU: n/(n − 1) Σ z² = 4/3 · (3 · 0.25² + 0.75²)/16 = 1/16 → 0.25
    expectApproxEqual(v.categories.a.se!, 0.25, 1e-14, 'se');
    expect(v.nEff).toBe(4);
    expect(r.meanTvd).toBe(v.tvd);
    expect(r.outsideNoise).toEqual(v.outsideNoise ? ['V'] : []);
    expect(v.notInUniverse).toBeNull();
    // The CONTRACTS.md fields, in JSON
    const json = JSON.parse(JSON.stringify(r));
    for (const key of ['n', 'kishEss', 'deff', 'meanTvd', 'outsideNoise', 'variables']) expect(json).toHaveProperty(key);
    for (const key of ['categories', 'tvd', 'hellinger', 'kl', 'chi2', 'df', 'pValue', 'maxAbsError', 'noiseTvdP95', 'outsideNoise']) {
      expect(json.variables.V).toHaveProperty(key);
    }
    // A sample category with target 0: KL and X² are infinite (JSON null), p-value 0
    const zero = checkRepresentativeness({ columns: { V: ['a', 'b'] } }, { margins: { V: { a: 1, b: 0 } } }, { noiseDraws: 10 }).variables.V;
    expect(zero.kl).toBe(Infinity);
    expect(zero.chi2).toBe(Infinity);
    expect(zero.pValue).toBe(0);
    expect(JSON.parse(JSON.stringify(zero)).kl).toBeNull();
  });

  it('compares within the universe: the out-of-universe category is dropped from both sides and reported apart', () => {
    // education "0" (under 25) is a census recode's not-in-universe code: dropped by default.
    const margins = { margins: { education: { '0': 40, '1': 30, '2': 30 } } };
    const sample = { columns: { education: ['0', '0', '1', '2', '2', '2'] } };
    const r = checkRepresentativeness(sample, margins, { noiseDraws: 100 });
    const v = r.variables.education;
    expect(Object.keys(v.categories)).toEqual(['1', '2']);
    // inside: p = (1/4, 3/4) against q = (30/60, 30/60); n_eff = 4 rows inside
    expect(v.categories['1']).toMatchObject({ sample: 0.25, target: 0.5 });
    expect(v.nEff).toBe(4);
    expect(v.df).toBe(1);
    expect(v.notInUniverse).toEqual({ categories: ['0'], sample: 2 / 6, target: 0.4, rows: 2 });
    // notInUniverse: {} compares whole populations, "0" included
    const whole = checkRepresentativeness(sample, margins, { noiseDraws: 100, notInUniverse: {} }).variables.education;
    expect(Object.keys(whole.categories)).toEqual(['0', '1', '2']);
    expect(whole.df).toBe(2);
    expect(whole.notInUniverse).toBeNull();
  });

  it('weighted: shares and standard errors within the universe as R survey svymean on a domain', () => {
    // Oracle: R svymean(~cat, subset(svydesign(ids = ~1, weights = ~w), dom == 1)) → linearised-shares.json
    const f = rFixture<{ w: number[]; cat: string[]; names: string[]; share: number[]; se: number[] }>('linearised-shares.json');
    const margins = { margins: { cat: { a: 0.35, b: 0.3, c: 0.2, z: 0.15 } } };
    const r = checkRepresentativeness({ columns: { cat: f.cat }, weights: f.w }, margins, { noiseDraws: 100, notInUniverse: { cat: ['z'] } });
    const v = r.variables.cat;
    f.names.forEach((name, i) => {
      expectApproxEqual(v.categories[name].sample, f.share[i], 1e-12, `share ${name}`);
      expectApproxEqual(v.categories[name].se!, f.se[i], 1e-10, `se ${name}`);
    });
    // n_eff is Kish's ESS of the in-universe weights: (Σw)²/Σw² over rows with cat ≠ z
    const inside = f.w.filter((_, i) => f.cat[i] !== 'z');
    const s = inside.reduce((a, b) => a + b, 0);
    expectApproxEqual(v.nEff, (s * s) / inside.reduce((a, b) => a + b * b, 0), 1e-12, 'n_eff');
    expect(v.categories.a.asmdUnweighted).not.toBeUndefined();
    expect(r.weights!.n).toBe(f.w.length);
    expectApproxEqual(r.weights!.top1PercentShare, topWeightShare(f.w, 0.01), 1e-15, 'top share');
  });

  it('weighted: the noise band is that of a simple random sample of round(Kish ESS), seeded per variable', () => {
    // w = (1, 1, 1, 3): ESS = 36/12 = 3 → the band's draws are Multinomial(3, q), from the stream
    // Rng.fromSeed(seed).split('check').split('margin:V'); p = (a: 5/6, b: 1/6).
    const r = checkRepresentativeness({ columns: { V: ['b', 'a', 'a', 'a'] }, weights: [1, 1, 1, 3] }, half, { noiseDraws: 300, seed: 11 });
    const v = r.variables.V;
    expectApproxEqual(v.nEff, 3, 1e-15, 'n_eff');
    expectApproxEqual(r.deff, 4 / 3, 1e-15, 'deff');
    const band = tvdNoiseBand([0.5, 0.5], 3, { draws: 300, rng: Rng.fromSeed(11).split('check').split('margin:V') });
    expect(v.noiseTvdP95).toBe(band.quantile);
    // weighted ASMD |5/6 − ½|/½ = 2/3; unweighted |3/4 − ½|/½ = ½
    expectApproxEqual(v.categories.a.asmd!, 2 / 3, 1e-14, 'asmd');
    expectApproxEqual(v.categories.a.asmdUnweighted!, 0.5, 1e-14, 'asmd unweighted');
    expectApproxEqual(v.meanAsmdUnweighted!, 0.5, 1e-14, 'mean asmd unweighted');
  });

  it('standard errors from replicate weights: 4/R Σ (θ_r − θ)²', () => {
    // θ(a) = 2/4 = 0.5; replicate 1 weights (2, 1, 1, 1): 3/5 = 0.6; replicate 2 (1, 1, 1, 2): 2/5 = 0.4.
    // Var = 4/2 · (0.1² + 0.1²) = 0.04, se = 0.2 (ACS successive-difference form with R = 2).
    const r = checkRepresentativeness(
      { columns: { V: ['a', 'b', 'a', 'b'] }, weights: [1, 1, 1, 1], replicateWeights: [[2, 1, 1, 1], [1, 1, 1, 2]] },
      half,
      { noiseDraws: 10 },
    );
    expectApproxEqual(r.variables.V.categories.a.se!, 0.2, 1e-14, 'se');
    expect(r.seMethod).toBe('sdr');
  });

  it('replicate-weight standard errors within the universe as R survey on an SDR replicate design', () => {
    // Oracle: R svymean(~cat, subset(svrepdesign(weights = ~w, repweights = "r[0-9]+",
    // type = "successive-difference", mse = TRUE), cat != "0")) → sdr-shares.json (R = 8, scale 4/8).
    const f = rFixture<{ w: number[]; cat: string[]; replicates: number[][]; scale: number; names: string[]; share: number[]; se: number[] }>('sdr-shares.json');
    expect(f.scale).toBe(4 / f.replicates.length);
    const margins = { margins: { cat: { a: 0.35, b: 0.3, c: 0.2, '0': 0.15 } } };
    const r = checkRepresentativeness({ columns: { cat: f.cat }, weights: f.w, replicateWeights: f.replicates }, margins, { noiseDraws: 10, notInUniverse: { cat: ['0'] } });
    expect(r.seMethod).toBe('sdr');
    const v = r.variables.cat;
    f.names.forEach((name, i) => {
      expectApproxEqual(v.categories[name].sample, f.share[i], 1e-12, `share ${name}`);
      expectApproxEqual(v.categories[name].se!, f.se[i], 1e-10, `se ${name}`);
    });
    // The same sample without replicates gets linearised errors, which differ.
    const linearised = checkRepresentativeness({ columns: { cat: f.cat }, weights: f.w }, margins, { noiseDraws: 10, notInUniverse: { cat: ['0'] } });
    expect(linearised.seMethod).toBe('linearised');
    expect(linearised.variables.cat.categories.a.se).not.toBeCloseTo(f.se[0], 6);
  });

  it('top-level deff counts the nonzero weights, as weights.deff and persona rake do', () => {
    // Closed form for w = (1, 2, 0, 0, 1, 2): Σw = 6, Σw² = 10, Kish ESS = 36/10 = 3.6;
    // 4 nonzero weights → deff = 4/3.6 = 10/9 (not 6/3.6, which would count the zero rows).
    const r = checkRepresentativeness({ columns: { V: ['a', 'b', 'a', 'b', 'a', 'b'] }, weights: [1, 2, 0, 0, 1, 2] }, half, { noiseDraws: 10 });
    expect(r.n).toBe(6);
    expectApproxEqual(r.kishEss, 3.6, 1e-15, 'Kish ESS');
    expectApproxEqual(r.deff, 10 / 9, 1e-15, 'deff');
    expect(r.deff).toBe(r.weights!.deff);
  });

  it('two-way checks within the pair’s joint universe', () => {
    // Cells with B = "0" (not in universe) drop out: the sample keeps x×u, x×v, y×u (⅓ each), the
    // target keeps 4 cells of ¼: TVD = ½ (3 · |⅓ − ¼| + ¼) = ½ (¼ + ¼) = ¼.
    const pair = { variables: ['A', 'B'] as const, target: { x: { u: 1, v: 1, '0': 0 }, y: { u: 1, v: 1, '0': 2 } } };
    const r = checkRepresentativeness(
      { columns: { A: ['x', 'x', 'y', 'y'], B: ['u', 'v', 'u', '0'] } },
      { margins: { A: { x: 0.5, y: 0.5 } } },
      { noiseDraws: 50, pairs: [pair], notInUniverse: { B: ['0'] } },
    );
    const t = r.twoWay['A×B'];
    expect(Object.keys(t.categories)).toEqual(['x×u', 'x×v', 'y×u', 'y×v']);
    expectApproxEqual(t.tvd, 0.25, 1e-15, 'tvd');
    expect(t.notInUniverse).toEqual({ categories: ['x×0', 'y×0'], sample: 0.25, target: 2 / 6, rows: 1 });
    expect(t.df).toBe(3);
  });
});

describe('checkRepresentativeness: invariances and reproducibility', () => {
  const columns = {
    SEX: ['1', '2', '2', '1', '2', '1', '1', '2', '2', '2'],
    AGE: ['1', '1', '2', '3', '3', '2', '1', '3', '2', '2'],
  };
  const margins = { margins: { SEX: { '1': 0.49, '2': 0.51 }, AGE: { '1': 300, '2': 400, '3': 300 } } };
  const weights = [1.2, 0.8, 2.5, 1, 1, 0.5, 3, 1.1, 0.9, 1.4];
  const numbers = (r: CheckResult) =>
    Object.values(r.variables).flatMap((v) => [v.tvd, v.hellinger, v.kl, v.js, v.chi2, v.pValue, v.gTest, v.noiseTvdP95, v.nEff,
      ...Object.values(v.categories).flatMap((c) => [c.sample, c.se!, c.asmd!])]);

  it('does not depend on the row order', () => {
    const order = [3, 7, 0, 9, 1, 5, 2, 8, 6, 4];
    const permuted = { SEX: order.map((i) => columns.SEX[i]), AGE: order.map((i) => columns.AGE[i]) };
    const a = checkRepresentativeness({ columns, weights }, margins, { seed: 9, noiseDraws: 300 });
    const b = checkRepresentativeness({ columns: permuted, weights: order.map((i) => weights[i]) }, margins, { seed: 9, noiseDraws: 300 });
    expectApproxEqual(numbers(b), numbers(a), 1e-12, 'permuted');
  });

  it('duplicating a row gives the same shares as doubling its weight, but a different Kish ESS', () => {
    const dup = { SEX: [...columns.SEX, columns.SEX[0]], AGE: [...columns.AGE, columns.AGE[0]] };
    const doubled = checkRepresentativeness({ columns, weights: weights.map((w, i) => (i === 0 ? 2 * w : w)) }, margins, { noiseDraws: 10 });
    const duplicated = checkRepresentativeness({ columns: dup, weights: [...weights, weights[0]] }, margins, { noiseDraws: 10 });
    for (const name of ['SEX', 'AGE']) {
      for (const [c, cat] of Object.entries(doubled.variables[name].categories)) {
        expectApproxEqual(duplicated.variables[name].categories[c].sample, cat.sample, 1e-14, `${name} ${c}`);
      }
    }
    // Kish ESS = (Σw)²/Σw²: the duplicate adds w² once more, doubling adds 3w² — they differ.
    const s = weights.reduce((a, b) => a + b, 0) + weights[0];
    const s2 = weights.reduce((a, b) => a + b * b, 0);
    expectApproxEqual(duplicated.kishEss, (s * s) / (s2 + weights[0] ** 2), 1e-14, 'ESS duplicated');
    expectApproxEqual(doubled.kishEss, (s * s) / (s2 + 3 * weights[0] ** 2), 1e-14, 'ESS doubled');
  });

  it('is byte-identical for the same seed; the noise band changes with the seed', () => {
    const a = JSON.stringify(checkRepresentativeness({ columns, weights }, margins, { seed: 4, noiseDraws: 200 }));
    expect(JSON.stringify(checkRepresentativeness({ columns, weights }, margins, { seed: 4, noiseDraws: 200 }))).toBe(a);
    const c = checkRepresentativeness({ columns, weights }, margins, { seed: 5, noiseDraws: 200 });
    expect(JSON.stringify(c)).not.toBe(a);
  });
});
