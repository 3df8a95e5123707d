import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { checkRepresentativeness, metricsMessage, multinomialVariate, tvdNoiseBand } from '../src/index.js';

/** log of the Binomial(n, p) pmf at k (closed form via log-gamma sums; n small). */
function binomialPmf(n: number, p: number, k: number): number {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log((n - k + i) / i);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/** The central interval holding ≥ `level` of Binomial(n, p) (equal tails). */
function binomialInterval(n: number, p: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  let lo = 0;
  let cdf = binomialPmf(n, p, 0);
  while (cdf < tail) cdf += binomialPmf(n, p, ++lo);
  let hi = n;
  let upper = binomialPmf(n, p, n);
  while (upper < tail) upper += binomialPmf(n, p, --hi);
  return [lo, hi];
}

describe('noise band of the TVD', () => {
  it('flags a sample drawn from the targets about 5 % of the time (400 seeded replications)', () => {
    // A sample of 600 rows drawn from q itself; its TVD exceeds the simulated 95th percentile with
    // probability ≈ 0.05 (slightly less: TVD is discrete). Oracle: Binomial(400, 0.05) 99.9 % interval.
    const q = { '1': 0.2, '2': 0.3, '3': 0.35, '4': 0.15 };
    const levels = Object.keys(q);
    const probs = Object.values(q);
    const n = 600;
    const counts = new Int32Array(levels.length);
    let flagged = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      multinomialVariate(Rng.fromSeed(`coverage/${r}`), n, probs, counts);
      const column: string[] = [];
      counts.forEach((c, j) => { for (let i = 0; i < c; i++) column.push(levels[j]); });
      const result = checkRepresentativeness({ columns: { V: column } }, { margins: { V: q } }, { noiseDraws: 500, seed: r });
      if (result.variables.V.outsideNoise) flagged++;
    }
    const [lo, hi] = binomialInterval(reps, 0.05, 0.999);
    expect(flagged).toBeGreaterThanOrEqual(lo);
    expect(flagged).toBeLessThanOrEqual(hi);
  });

  it('matches the normal approximation of the TVD of two categories for a large n', () => {
    // Two categories: TVD = |p̂ − q|, p̂ ~ Bin(n, q)/n; its 95th percentile ≈ 1.96 sqrt(q(1 − q)/n)
    // (closed form, the normal approximation; continuity error below 1 %). q = 0.3, n = 100,000 → 0.0028402.
    const band = tvdNoiseBand([0.3, 0.7], 100_000, { draws: 20_000, seed: 7 });
    const expected = 1.959963984540054 * Math.sqrt((0.3 * 0.7) / 100_000);
    expect(Math.abs(band.quantile - expected) / expected).toBeLessThan(0.03);
    expect(band.size).toBe(100_000);
  });

  it('rounds n_eff to the nearest integer (at least 1) and rejects bad arguments', () => {
    expect(tvdNoiseBand([0.5, 0.5], 10.5, { draws: 10 }).size).toBe(11);
    expect(tvdNoiseBand([0.5, 0.5], 0.2, { draws: 10 }).size).toBe(1);
    expect(() => tvdNoiseBand([0.5, 0.5], 10, { draws: 0 })).toThrow(metricsMessage.invalidNoiseDraws(0));
    expect(() => tvdNoiseBand([0.5, 0.5], 10, { level: 2 })).toThrow(metricsMessage.invalidLevel(2));
    expect(() => tvdNoiseBand([0.5, 0.5], Number.NaN)).toThrow(metricsMessage.invalidNEff(Number.NaN));
  });

  it('is the same for the same seed and changes with it', () => {
    const a = tvdNoiseBand([0.1, 0.2, 0.7], 300, { draws: 300, seed: 5 });
    expect(tvdNoiseBand([0.1, 0.2, 0.7], 300, { draws: 300, seed: 5 })).toEqual(a);
    expect(tvdNoiseBand([0.1, 0.2, 0.7], 300, { draws: 300, seed: 6 }).quantile).not.toBe(a.quantile);
  });
});
