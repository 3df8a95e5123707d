import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { binomialVariate, chiSquareUpperTail, multinomialVariate } from '../src/index.js';
import { rFixture } from './r-fixture.js';

interface PmfCase { n: number; p: number; k: number[]; pmf: number[] }

const DRAWS = 20_000;

/**
 * Pearson's goodness of fit of observed counts at k against the pmf, pooling
 * adjacent cells until each expects ≥ 5 (the textbook rule, Cochran 1954).
 */
function goodnessOfFit(observed: Map<number, number>, k: number[], pmf: number[], total: number): { stat: number; df: number } {
  const cells: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  k.forEach((x, i) => {
    o += observed.get(x) ?? 0;
    e += pmf[i] * total;
    if (e >= 5) {
      cells.push({ o, e });
      o = 0;
      e = 0;
    }
  });
  // Draws outside [k_min, k_max] (expected mass < 2e-9) and the last partial cell join the last cell.
  let inRange = 0;
  for (const [x, count] of observed) if (x >= k[0] && x <= k[k.length - 1]) inRange += count;
  const last = cells[cells.length - 1];
  last.o += o + (total - inRange);
  last.e += e;
  let stat = 0;
  for (const c of cells) stat += ((c.o - c.e) * (c.o - c.e)) / c.e;
  return { stat, df: cells.length - 1 };
}

describe('binomialVariate (inversion for n·p < 10, BTRS otherwise)', () => {
  const cases = rFixture<PmfCase[]>('binomial-pmf.json');

  it.each(cases.map((c) => [c.n, c.p, c] as const))('Bin(%s, %s): mean, variance and frequencies match the pmf', (n, p, c) => {
    const rng = Rng.fromSeed(`binomial/${n}/${p}`);
    const counts = new Map<number, number>();
    let sum = 0;
    let sum2 = 0;
    for (let d = 0; d < DRAWS; d++) {
      const x = binomialVariate(rng, n, p);
      expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      sum += x;
      sum2 += x * x;
    }
    // Oracle: the closed forms E X = n p, Var X = n p (1 − p). The mean is within 4.5 standard errors;
    // the sample variance within 4.5 of its standard errors, sd(s²) ≈ σ² sqrt(2/(N−1) + κ/N),
    // κ = (1 − 6 p q)/(n p q) the excess kurtosis.
    const mean = sum / DRAWS;
    const variance = (sum2 - DRAWS * mean * mean) / (DRAWS - 1);
    const sigma2 = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(4.5 * Math.sqrt(sigma2 / DRAWS));
    const kurtosis = (1 - 6 * p * (1 - p)) / sigma2;
    expect(Math.abs(variance - sigma2)).toBeLessThan(4.5 * sigma2 * Math.sqrt(2 / (DRAWS - 1) + Math.abs(kurtosis) / DRAWS));
    // Oracle: R dbinom(k, n, p) (binomial-pmf.json); the chi-square goodness of fit of the
    // frequencies must not reject at 1e-4 (a fixed seed, so the check is deterministic).
    const { stat, df } = goodnessOfFit(counts, c.k, c.pmf, DRAWS);
    if (df > 0) expect(chiSquareUpperTail(stat, df)).toBeGreaterThan(1e-4);
  });

  it('returns the degenerate values for n = 0, p = 0 and p = 1', () => {
    const rng = Rng.fromSeed(1);
    expect(binomialVariate(rng, 0, 0.3)).toBe(0);
    expect(binomialVariate(rng, 50, 0)).toBe(0);
    expect(binomialVariate(rng, 50, 1)).toBe(50);
  });

  it('is reproducible for a seed', () => {
    const a = Rng.fromSeed('same');
    const b = Rng.fromSeed('same');
    const xs = Array.from({ length: 50 }, () => binomialVariate(a, 100_000, 0.2));
    expect(Array.from({ length: 50 }, () => binomialVariate(b, 100_000, 0.2))).toEqual(xs);
  });
});

describe('multinomialVariate (sequential conditional binomials)', () => {
  it('counts sum to n and each category has the Binomial(n, q_i) mean', () => {
    const q = [0.5, 0, 0.3, 0.15, 0.05];
    const n = 1000;
    const rng = Rng.fromSeed('multinomial');
    const out = new Int32Array(q.length);
    const sums = new Float64Array(q.length);
    const reps = 4000;
    for (let r = 0; r < reps; r++) {
      multinomialVariate(rng, n, q, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(n);
      expect(out[1]).toBe(0);
      out.forEach((x, i) => (sums[i] += x));
    }
    // Oracle: the closed form E x_i = n q_i, within 4.5 standard errors sqrt(n q (1 − q) / reps).
    q.forEach((qi, i) => {
      expect(Math.abs(sums[i] / reps - n * qi)).toBeLessThanOrEqual(4.5 * Math.sqrt((n * qi * (1 - qi)) / reps));
    });
  });
});
