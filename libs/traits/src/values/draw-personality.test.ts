import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { bigFiveDataPath } from '../big-five/big-five-data.js';
import { bigFiveLevel, levelProportions } from '../big-five/big-five-levels.js';
import { drawBigFive, drawPersonalities, drawPersonality, type PersonalityBatch } from './draw-personality.js';
import { personalityModel } from './personality-model.js';
import { schwartzDataPath } from './schwartz-data.js';

// Sources as published in the data files (read directly, not through the library).
const big5Json = JSON.parse(readFileSync(bigFiveDataPath, 'utf8'));
const valuesJson = JSON.parse(readFileSync(schwartzDataPath, 'utf8'));
const traits: string[] = big5Json.traits;
const valueNames: string[] = valuesJson.values.map((v: { name: string }) => v.name);
const D = 15;
const N = 100_000;

const model = personalityModel();
const ids = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const column = (b: PersonalityBatch, d: number) =>
  d < 5 ? Float64Array.from({ length: b.n }, (_, p) => b.bigFive[p * 5 + d]!) : Float64Array.from({ length: b.n }, (_, p) => b.values[p * 10 + d - 5]!);
const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

function correlations(b: PersonalityBatch): Float64Array {
  const cols = Array.from({ length: D }, (_, d) => column(b, d));
  const centred = cols.map((c) => {
    const m = mean(c);
    return c.map((v) => v - m);
  });
  const r = new Float64Array(D * D);
  for (let i = 0; i < D; i++)
    for (let j = 0; j < D; j++) {
      let sij = 0, sii = 0, sjj = 0;
      for (let p = 0; p < b.n; p++) {
        sij += centred[i]![p]! * centred[j]![p]!;
        sii += centred[i]![p]! ** 2;
        sjj += centred[j]![p]! ** 2;
      }
      r[i * D + j] = sij / Math.sqrt(sii * sjj);
    }
  return r;
}

/** Trait t's mean at one of big-five.json's age knots (read from the JSON). */
const knotMean = (t: number, age: number) => big5Json.ageTrajectory.means[traits[t]!][big5Json.ageTrajectory.ages.indexOf(age)] as number;

/** Large-sample SE of a Pearson r at population ρ: (1 − ρ²)/√n. */
const seR = (rho: number, n: number) => (1 - rho * rho) / Math.sqrt(n);

describe('drawPersonalities at n = 100,000 (age 44.5, men)', () => {
  let batch: PersonalityBatch;
  let r: Float64Array;
  beforeAll(() => {
    batch = drawPersonalities(model, 2026, ids(N), new Float64Array(N).fill(44.5), new Uint8Array(N).fill(1));
    r = correlations(batch);
  });

  it('reproduces the published Big Five correlations within ±0.05 (issue target) and within 5 SE', () => {
    const source: number[][] = big5Json.correlation.matrix; // Davies et al. (2015) via Wiernik et al. (2021) Table 1
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < i; j++) {
        const rho = source[i]![j]!;
        approxEqual(r[i * D + j]!, rho, { abs: 0.05 }, `r(${traits[i]}, ${traits[j]}) issue target`);
        approxEqual(r[i * D + j]!, rho, { abs: 5 * seR(rho, N) }, `r(${traits[i]}, ${traits[j]}) 5 SE`);
      }
  });

  it('reproduces the joint value–trait and value–value correlations of the model within 5 SE', () => {
    for (let i = 5; i < D; i++)
      for (let j = 0; j < i; j++) {
        const rho = model.correlation[i * D + j]!;
        approxEqual(r[i * D + j]!, rho, { abs: 5 * seR(rho, N) }, `r(${model.dimensions[i]}, ${model.dimensions[j]})`);
      }
  });

  it('keeps the published Parks-Leduc et al. (2015) trait–value cells within 0.05', () => {
    for (const [trait, cells] of Object.entries(valuesJson.bigFiveCorrelations.published as Record<string, Record<string, number>>)) {
      for (const [value, rho] of Object.entries(cells)) {
        const i = 5 + valueNames.indexOf(value);
        approxEqual(r[i * D + traits.indexOf(trait)]!, rho, { abs: 0.05 }, `r(${trait}, ${value})`);
      }
    }
  });

  it('shows the circumplex: each value correlates more with its neighbours than with its opposite, and r falls with distance', () => {
    const byDistance = [0, 0, 0, 0, 0, 0];
    for (let v = 0; v < 10; v++) {
      const at = (w: number) => r[(5 + v) * D + 5 + ((w + 10) % 10)]!;
      expect(Math.min(at(v - 1), at(v + 1))).toBeGreaterThan(at(v + 5));
      for (let k = 1; k <= 5; k++) byDistance[k]! += (at(v + k) + at(v - k)) / 20;
    }
    for (let k = 2; k <= 5; k++) expect(byDistance[k]).toBeLessThan(byDistance[k - 1]!);
  });

  it('has the Big Five means of the sources at the 40-49 knot (44.5) for men (−d/2), within 5 SE = 5/√n', () => {
    for (let t = 0; t < 5; t++) {
      const expected = knotMean(t, 44.5) - big5Json.sexDifferences.d[traits[t]!] / 2;
      approxEqual(mean(column(batch, t)), expected, { abs: 5 / Math.sqrt(N) }, `mean ${traits[t]}`);
    }
  });

  it('gives each level the closed-form share Φ(c_k − μ) − Φ(c_{k−1} − μ), within 5 binomial SE', () => {
    const cuts: number[] = big5Json.levels.cuts;
    const labels: string[] = big5Json.levels.labels;
    for (let t = 0; t < 5; t++) {
      const mu = knotMean(t, 44.5) - big5Json.sexDifferences.d[traits[t]!] / 2;
      const expected = levelProportions(cuts, mu);
      const counts = [0, 0, 0, 0, 0];
      for (const z of column(batch, t)) counts[labels.indexOf(bigFiveLevel(z, cuts))]! += 1;
      const shares = counts.map((c) => c / N);
      shares.forEach((s, k) =>
        approxEqual(s, expected[k]!, { abs: 5 * Math.sqrt((expected[k]! * (1 - expected[k]!)) / N) }, `${traits[t]} ${labels[k]}`),
      );
    }
  });
});

describe('age and sex effects (n = 50,000 per group)', () => {
  const n = 50_000;
  const group = (age: number, sex: number, prefix: string) =>
    drawPersonalities(model, 7, ids(n, prefix), new Float64Array(n).fill(age), new Uint8Array(n).fill(sex));

  it('shifts the Big Five means by the published age curve and sex difference (women 74.5 − men 24.5)', () => {
    const a = group(74.5, 2, 'a');
    const b = group(24.5, 1, 'b');
    for (let t = 0; t < 5; t++) {
      const name = traits[t]!;
      const expected = knotMean(t, 74.5) - knotMean(t, 24.5) + big5Json.sexDifferences.d[name];
      approxEqual(mean(column(a, t)) - mean(column(b, t)), expected, { abs: 5 * Math.sqrt(2 / n) }, `Δ ${name}`);
    }
  });

  it('shifts value means by the centred PPBS age-group and gender means (women 75 − men 44.5)', () => {
    const a = group(75, 2, 'c');
    const b = group(44.5, 1, 'd');
    // Closed form from the JSON's published tables: 75 is beyond the last knot (65+, 74.35), 44.5 halfway
    // between the 35-44 (39.5) and 45-54 (49.5) knots; each group and each sex centred over the ten values.
    const { groupMeans } = valuesJson.ageTrajectory;
    const sexes = valuesJson.sexDifferences.groupMeans;
    const groupMean = (g: number) => valueNames.reduce((s, n) => s + groupMeans[n][g], 0) / 10;
    const sexMean = (sex: string) => valueNames.reduce((s, n) => s + sexes[sex][n], 0) / 10;
    for (let v = 0; v < 10; v++) {
      const name = valueNames[v]!;
      const at = (g: number) => groupMeans[name][g] - groupMean(g);
      const d = sexes.female[name] - sexMean('female') - (sexes.male[name] - sexMean('male'));
      const expected = at(5) - (at(2) + at(3)) / 2 + d;
      approxEqual(mean(column(a, 5 + v)) - mean(column(b, 5 + v)), expected, { abs: 5 * Math.sqrt(2 / n) }, `Δ ${name}`);
    }
  });
});

describe('determinism and stream independence', () => {
  const n = 2_000;
  const ages = Float64Array.from({ length: n }, (_, i) => i % 90);
  const sexes = Uint8Array.from({ length: n }, (_, i) => 1 + (i % 2));
  const hex = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

  it('same seed → byte-identical scores; another seed → different scores', () => {
    const a = drawPersonalities(model, 11, ids(n), ages, sexes);
    const b = drawPersonalities(model, 11, ids(n), ages, sexes);
    expect(hex(a.bigFive)).toBe(hex(b.bigFive));
    expect(hex(a.values)).toBe(hex(b.values));
    expect(hex(drawPersonalities(model, 12, ids(n), ages, sexes).bigFive)).not.toBe(hex(a.bigFive));
  });

  it("a persona's scores do not depend on the batch: one by one, reversed, or in a smaller batch", () => {
    const all = drawPersonalities(model, 11, ids(n), ages, sexes);
    const p = 1234;
    const alone = drawPersonality(model, 11, String(p), ages[p]!, sexes[p]!);
    expect(hex(alone.bigFive)).toBe(hex(all.bigFive.subarray(5 * p, 5 * p + 5)));
    expect(hex(alone.values)).toBe(hex(all.values.subarray(10 * p, 10 * p + 10)));
    const reversed = drawPersonalities(model, 11, ids(n).reverse(), [...ages].reverse(), [...sexes].reverse());
    expect(hex(reversed.bigFive.subarray(5 * (n - 1 - p), 5 * (n - p)))).toBe(hex(alone.bigFive));
    // Drawn into reused arrays (as the persona assembler does), after another persona was drawn into them.
    const into = { bigFive: new Float64Array(5), values: new Float64Array(10) };
    drawPersonality(model, 11, 'other', 50, 1, into);
    expect(drawPersonality(model, 11, String(p), ages[p]!, sexes[p]!, into)).toBe(into);
    expect(hex(into.bigFive) + hex(into.values)).toBe(hex(alone.bigFive) + hex(alone.values));
  });

  it('adding the values attribute leaves the Big Five byte-identical (drawBigFive = drawPersonality.bigFive)', () => {
    for (let p = 0; p < 200; p++) {
      expect(hex(drawBigFive(model, 11, String(p), ages[p]!, sexes[p]!))).toBe(
        hex(drawPersonality(model, 11, String(p), ages[p]!, sexes[p]!).bigFive),
      );
    }
  });

  it('rejects mismatched lengths and invalid ages or sex codes', () => {
    expect(() => drawPersonalities(model, 1, ['a', 'b'], [30], [1, 2])).toThrow(message.lengthMismatch('ages', 1, 2));
    expect(() => drawPersonalities(model, 1, ['a'], [30], [1, 2])).toThrow(message.lengthMismatch('sexes', 2, 1));
    expect(() => drawPersonality(model, 1, 'a', Number.NaN, 1)).toThrow(message.invalidAge(Number.NaN));
    expect(() => drawPersonality(model, 1, 'a', 30, 3)).toThrow(message.invalidSex(3));
    expect(() => drawPersonality(model, 1, 'a', 30, 1, { bigFive: new Float64Array(5), values: new Float64Array(9) })).toThrow(
      message.lengthMismatch('values', 9, 10),
    );
  });
});
