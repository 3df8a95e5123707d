import { InputError, Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { proportionalAllocation } from './proportional-allocation.js';
import { stratifiedSample } from './stratified-sample.js';

describe('stratified sampling', () => {
  const region = Array.from({ length: 300 }, (_, i) => ['N', 'S', 'E', 'W'][i % 4]!);
  const weights = Float64Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? 3 : i % 4 === 1 ? 2 : 1) + (i % 7) / 7);

  it('proportional allocation: Σ n_h = n always and E[n_h] = n W_h/W (controlled rounding unbiased, 4 SE)', () => {
    const totals = [10.3, 20.1, 7.7, 1.9];
    const sizes = [100, 100, 100, 100];
    const n = 17;
    const reps = 5000;
    const mean = new Float64Array(4);
    const rng = Rng.fromSeed('alloc');
    let offTarget = 0;
    for (let r = 0; r < reps; r++) {
      const a = proportionalAllocation(totals, sizes, n, rng);
      if (a.reduce((s, x) => s + x, 0) !== n) offTarget++;
      a.forEach((x, h) => {
        const exact = (n * totals[h]!) / 40;
        if (x !== Math.floor(exact) && x !== Math.ceil(exact)) offTarget++;
        mean[h] += x / reps;
      });
    }
    expect(offTarget).toBe(0);
    // closed form: n_h − ⌊a_h⌋ is Bernoulli(frac a_h), SE ≤ 0.5/√reps
    totals.forEach((t, h) => expect(Math.abs(mean[h]! - (n * t) / 40)).toBeLessThan(4 * 0.5 / Math.sqrt(reps)));
  });

  it('Σ n_h = n when allocations are integers only up to rounding', () => {
    for (const totals of [[0.1, 0.2, 0.3, 0.4], [2.9999999995, 1.0000000005]]) {
      for (let s = 0; s < 200; s++) {
        const a = proportionalAllocation(totals, [50, 50, 50, 50], 4, Rng.fromSeed(s));
        expect(a.reduce((x, y) => x + y, 0)).toBe(4);
      }
    }
  });

  it('a stratum whose share exceeds its size is taken whole and the rest re-allocated', () => {
    const a = proportionalAllocation([90, 5, 5], [3, 50, 50], 10, Rng.fromSeed(1));
    // closed form: 90% of 10 exceeds N_1 = 3, so n_1 = 3 and the other 7 split 3.5 / 3.5.
    expect(a[0]).toBe(3);
    expect(a[1]! + a[2]!).toBe(7);
    expect([3, 4]).toContain(a[1]);
  });

  it('draws n_h units from each stratum, in both within-stratum designs', () => {
    for (const within of ['pps', 'srs'] as const) {
      const { sample, allocation } = stratifiedSample({ region }, 'region', weights, 40, Rng.fromSeed(5), { within });
      expect(sample.length).toBe(40);
      expect(new Set(sample).size).toBe(40);
      for (const [h, nh] of allocation) expect(Array.from(sample).filter((k) => region[k] === h).length).toBe(nh);
    }
  });

  it('reads the column view parseMargins uses (SampleColumns) the same as a record', () => {
    const view = { names: ['region'], nRows: 300, column: () => region, has: (name: string) => name === 'region' };
    expect(stratifiedSample(view, 'region', weights, 40, Rng.fromSeed(5)).sample).toEqual(
      stratifiedSample({ region }, 'region', weights, 40, Rng.fromSeed(5)).sample,
    );
    expect(() => stratifiedSample(view, 'REGION', weights, 40, Rng.fromSeed(5))).toThrow(message.columnNotInPopulation('REGION', ['region']));
  });

  it('user-given n_h are honoured; same seed, same sample', () => {
    const given = { N: 5, S: 0, E: 2, W: 7 };
    const a = stratifiedSample({ region }, 'region', weights, given, Rng.fromSeed(2));
    expect(Object.fromEntries(a.allocation)).toEqual(given);
    expect(stratifiedSample({ region }, 'region', weights, given, Rng.fromSeed(2)).sample).toEqual(a.sample);
  });

  it('rejects an unknown stratum column, unknown stratum, n_h > N_h, bad n', () => {
    let caught: unknown;
    try { stratifiedSample({ region }, 'REGION', weights, 10, Rng.fromSeed(1)); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).reason).toBe(message.columnNotInPopulation('REGION', ['region']));
    expect(() => stratifiedSample({ region }, 'region', weights, { X: 1 }, Rng.fromSeed(1))).toThrow(message.stratumNotInPopulation('X'));
    expect(() => stratifiedSample({ region }, 'region', weights, { N: 76 }, Rng.fromSeed(1))).toThrow(message.stratumSizeExceeded('N', 76, 75));
    expect(() => stratifiedSample({ region }, 'region', weights, { N: 1.5 }, Rng.fromSeed(1))).toThrow(message.stratumSizeInvalid('N', 1.5));
    expect(() => stratifiedSample({ region }, 'region', weights, 301, Rng.fromSeed(1))).toThrow(message.sampleSizeExceedsPopulation(301, 300));
    expect(() => stratifiedSample({ region }, 'region', weights, 0, Rng.fromSeed(1))).toThrow(message.sampleSizeInvalid(0));
  });
});
