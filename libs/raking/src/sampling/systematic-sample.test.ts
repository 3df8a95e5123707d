import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { message } from '../messages.js';
import { systematicPpsSample, systematicSample } from './systematic-sample.js';

describe('systematic PPS (Madow 1949)', () => {
  const w = Float64Array.from({ length: 30 }, (_, i) => 1 + ((i * 7) % 11) + (i === 3 ? 60 : 0));
  const n = 8;
  const pik = inclusionProbabilities(w, n);

  it('gives exactly n distinct units, take-alls always in', () => {
    for (const order of ['given', 'random'] as const) {
      for (let s = 0; s < 200; s++) {
        const sample = systematicPpsSample(w, n, Rng.fromSeed(s), { order });
        expect(sample.length).toBe(n);
        expect(new Set(sample).size).toBe(n);
        expect(sample).toContain(3); // π_3 = 1 (capped)
      }
    }
    expect(pik[3]).toBe(1);
  });

  it('first-order inclusion frequencies over 20,000 seeds match π within 4.15 SE (Bonferroni 0.001 over 30 units)', () => {
    const reps = 20_000;
    for (const order of ['given', 'random'] as const) {
      const hits = new Float64Array(w.length);
      const rng = Rng.fromSeed(`systematic-${order}`);
      for (let r = 0; r < reps; r++) for (const k of systematicSample(pik, rng, { order })) hits[k]++;
      pik.forEach((p, k) => {
        // closed form: Var(frequency) = π(1 − π)/reps; qnorm(1 − 0.001/60) = 4.149 (R)
        const se = Math.sqrt((p * (1 - p)) / reps);
        expect(Math.abs(hits[k]! / reps - p)).toBeLessThanOrEqual(4.15 * se + 1e-12);
      });
    }
  });

  it('sorted order is implicit stratification: with π = 1/4, one unit of every 4 consecutive ranks', () => {
    const key = Float64Array.from({ length: 40 }, (_, i) => (i * 13) % 40);
    const small = new Float64Array(40).fill(0.25);
    for (let s = 0; s < 50; s++) {
      const sample = systematicSample(small, Rng.fromSeed(s), { order: { sortBy: key } });
      const ranks = Array.from(sample, (k) => key[k]!).sort((a, b) => a - b);
      // One unit in every run of 4 consecutive ranks (closed form for π = 1/4 on a sorted list).
      expect(ranks.map((r) => Math.floor(r / 4))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('exact size n when the floating sum of π is not exactly n (5,000 of 20,000 weights)', () => {
    const rng = Rng.fromSeed('big');
    const weights = Float64Array.from({ length: 20_000 }, () => Math.exp(rng.normal()));
    const p = inclusionProbabilities(weights, 5000);
    for (let s = 0; s < 10; s++) expect(systematicSample(p, Rng.fromSeed(s), { order: 'random' }).length).toBe(5000);
  });

  it('a non-integer Σπ gives ⌊Σπ⌋ or ⌈Σπ⌉ units, with mean Σπ', () => {
    const p = new Float64Array(10).fill(0.25); // Σπ = 2.5
    let total = 0;
    const reps = 4000;
    for (let s = 0; s < reps; s++) {
      const size = systematicSample(p, Rng.fromSeed(s)).length;
      expect([2, 3]).toContain(size);
      total += size;
    }
    // closed form: size − 2 ~ Bernoulli(1/2), SE of the mean = 0.5/√reps
    expect(Math.abs(total / reps - 2.5)).toBeLessThan(4 * 0.5 / Math.sqrt(reps));
  });

  it('same seed, same sample', () => {
    expect(systematicPpsSample(w, n, Rng.fromSeed(9), { order: 'random' })).toEqual(
      systematicPpsSample(w, n, Rng.fromSeed(9), { order: 'random' }),
    );
  });

  it('rejects π outside [0, 1], n > N and bad sort keys', () => {
    expect(() => systematicSample(new Float64Array([0.5, 1.5]), Rng.fromSeed(1))).toThrow(message.inclusionProbabilityInvalid(1.5));
    expect(() => systematicSample(new Float64Array([Number.NaN]), Rng.fromSeed(1))).toThrow(message.inclusionProbabilityInvalid(Number.NaN));
    expect(() => systematicPpsSample(w, 31, Rng.fromSeed(1))).toThrow(message.sampleSizeExceedsPopulation(31, 30));
    expect(() => systematicSample(new Float64Array([0.5, 0.5]), Rng.fromSeed(1), { order: { sortBy: [1, Number.NaN] } })).toThrow(
      message.sortKeyInvalid(Number.NaN),
    );
  });
});
