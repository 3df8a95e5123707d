import { describe, expect, it } from 'vitest';
import { PumsTable } from '@persona/census';
import { Rng } from '@persona/core';
import { message } from '../messages.js';
import { censusDraw } from './census-draw.js';
import type { CensusFrame } from './census-frame.js';

// A frame of 12 rows: ages 10..65 (step 5), SEX alternating; weights 1..12 (W = 78).
const size = 12;
const ages = Int32Array.from({ length: size }, (_, k) => 10 + 5 * k);
const sex = Uint8Array.from({ length: size }, (_, k) => 1 + (k % 2));
const weights = Float64Array.from({ length: size }, (_, k) => k + 1);
const frame: CensusFrame = {
  table: new PumsTable(size, new Map([['AGEP', { kind: 'int' as const, values: ages, blank: new Uint8Array(size) }]]), 'test'),
  weights,
  variables: ['sex'],
  balancingVariables: ['sex'],
  codes: { sex },
  excluded: [],
  raking: { converged: true, iterations: 1, maxRelError: 0, total: 78 },
};

const copies = (rows: Int32Array) => {
  const out = new Array<number>(size).fill(0);
  for (const r of rows) out[r]++;
  return out;
};

describe('censusDraw', () => {
  it('gives row k ⌊n w_k / W⌋ or ⌈n w_k / W⌉ copies, n in all, and the weight W / n', () => {
    // Closed form: expected copies e_k = n w_k / W = 200 (k + 1) / 78.
    const n = 200;
    const draw = censusDraw(frame, { n }, Rng.fromSeed(1));
    expect(draw.rows).toHaveLength(n);
    copies(draw.rows).forEach((c, k) => {
      const e = (n * (k + 1)) / 78;
      expect(c === Math.floor(e) || c === Math.ceil(e)).toBe(true);
    });
    expect(draw.weight).toBe(78 / 200);
    expect(draw.certain + draw.balancedDraws).toBe(n);
  });

  it('balances the categories: each sex gets n × its weighted share to within 1', () => {
    // Oracle: men (SEX 1) are rows 0, 2, …, 10 with weights 1, 3, …, 11 → 36 of 78.
    for (const seed of [1, 2, 3, 4, 5]) {
      const draw = censusDraw(frame, { n: 7 }, Rng.fromSeed(seed));
      const men = Array.from(draw.rows).filter((r) => sex[r] === 1).length;
      expect(Math.abs(men - (7 * 36) / 78)).toBeLessThan(1);
    }
  });

  it('draws adults only with --adults-only, weighted to the adult total', () => {
    // Ages ≥ 18 are rows 2..11 (ages 20..65): W = 78 − 1 − 2 = 75.
    const draw = censusDraw(frame, { n: 30, adultsOnly: true }, Rng.fromSeed(9));
    expect(Math.min(...Array.from(draw.rows, (r) => ages[r]))).toBeGreaterThanOrEqual(18);
    expect(draw.populationTotal).toBe(75);
  });

  it('is reproducible and shuffles persona order by the seed', () => {
    const a = censusDraw(frame, { n: 50 }, Rng.fromSeed(3));
    const b = censusDraw(frame, { n: 50 }, Rng.fromSeed(3));
    expect(Array.from(a.rows)).toEqual(Array.from(b.rows));
    expect(Array.from(a.rows)).not.toEqual([...a.rows].sort((x, y) => x - y));
  });

  it('refuses to draw adults from a frame of children', () => {
    const children = { ...frame, weights: Float64Array.from(weights, (w, k) => (ages[k] < 18 ? w : 0)) };
    expect(() => censusDraw(children, { n: 3, adultsOnly: true }, Rng.fromSeed(1))).toThrow(message.noEligibleRows());
  });

  it('rejects n that is not a positive integer', () => {
    expect(() => censusDraw(frame, { n: 0 }, Rng.fromSeed(1))).toThrow(message.invalidCount(0));
    expect(() => censusDraw(frame, { n: 2.5 }, Rng.fromSeed(1))).toThrow(message.invalidCount(2.5));
  });
});
