import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { simpleRandomSample } from './simple-random-sample.js';

describe('simpleRandomSample (Floyd)', () => {
  it('n distinct units, ascending; every unit with frequency n/N (chi-square < qchisq(0.999, 19) = 43.82, R)', () => {
    const size = 20, n = 6, reps = 20_000;
    const counts = new Float64Array(size);
    const rng = Rng.fromSeed('srs');
    let malformed = 0;
    for (let r = 0; r < reps; r++) {
      const s = simpleRandomSample(size, n, rng);
      if (s.length !== n) malformed++;
      for (let i = 1; i < n; i++) if (!(s[i]! > s[i - 1]!)) malformed++;
      for (const k of s) counts[k]++;
    }
    expect(malformed).toBe(0);
    // Inclusion counts of SRSWOR are negatively correlated, so Pearson's X² on them is
    // stochastically smaller than χ²(19) (factor (N − n)/(N − 1)); the bound is conservative.
    const e = (reps * n) / size;
    const chi2 = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.8202);
  });

  it('pairs are equally likely: P(i and j) = n(n − 1)/(N(N − 1)) within 4 SE', () => {
    const size = 6, n = 3, reps = 30_000;
    const pair = new Float64Array(size * size);
    const rng = Rng.fromSeed('pairs');
    for (let r = 0; r < reps; r++) {
      const s = simpleRandomSample(size, n, rng);
      for (const a of s) for (const b of s) if (a < b) pair[a * size + b]++;
    }
    const p = (n * (n - 1)) / (size * (size - 1));
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        expect(Math.abs(pair[a * size + b]! / reps - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / reps));
      }
    }
  });

  it('n = N takes everyone; same seed, same sample', () => {
    expect(Array.from(simpleRandomSample(5, 5, Rng.fromSeed(1)))).toEqual([0, 1, 2, 3, 4]);
    expect(simpleRandomSample(1000, 10, Rng.fromSeed(3))).toEqual(simpleRandomSample(1000, 10, Rng.fromSeed(3)));
  });

  it('rejects n > N and n ≤ 0', () => {
    expect(() => simpleRandomSample(3, 4, Rng.fromSeed(1))).toThrow(message.sampleSizeExceedsPopulation(4, 3));
    expect(() => simpleRandomSample(3, -1, Rng.fromSeed(1))).toThrow(message.sampleSizeInvalid(-1));
  });
});
