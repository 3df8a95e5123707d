import { InputError, Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { sampleWithReplacement } from './alias-table.js';
import { balancedSample } from './balanced-sample.js';
import { message } from '../messages.js';

const VARIABLES = ['SEX', 'AGEGRP', 'RACE', 'EDU', 'REGION'] as const;
const LEVELS = [2, 9, 6, 5, 9];

/** A synthetic weighted population: 5 correlated categorical variables, log-normal weights. */
function population(size: number, seed: string) {
  const rng = Rng.fromSeed(seed);
  const columns: Record<string, Int32Array> = {};
  for (const v of VARIABLES) columns[v] = new Int32Array(size);
  const weights = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const age = Math.min(8, Math.floor(Math.abs(rng.normal()) * 3.5));
    columns.SEX![k] = rng.int(2);
    columns.AGEGRP![k] = age;
    columns.RACE![k] = rng.next() < 0.6 ? 0 : 1 + rng.int(5);
    columns.EDU![k] = Math.min(4, Math.floor(rng.next() * 3 + age / 3));
    columns.REGION![k] = rng.int(9);
    weights[k] = Math.exp(0.7 * rng.normal()) * (1 + columns.RACE![k]! / 4);
  }
  return { columns, weights };
}

/** Total variation distance between the counts' shares and the target shares. */
function tvd(counts: Float64Array, target: Float64Array): number {
  const n = counts.reduce((s, c) => s + c, 0);
  let d = 0;
  for (let c = 0; c < counts.length; c++) d += Math.abs(counts[c]! / n - target[c]!);
  return d / 2;
}

describe('balancedSample: cube method on margin indicators', () => {
  it('acceptance: 1,586 of 30,000 sit far inside the SRS noise band (TVD < P95 of SRS TVD / 10) on every margin', () => {
    const { columns, weights } = population(30_000, 'acceptance');
    const n = 1586;
    const { sample } = balancedSample(columns, VARIABLES, weights, n, Rng.fromSeed(2024));
    expect(sample.length).toBe(n);
    let total = 0;
    for (const w of weights) total += w;
    const srsDraws = 1000;
    const rng = Rng.fromSeed('srs-noise');
    const srs = Array.from({ length: srsDraws }, () => sampleWithReplacement(weights, n, rng));
    VARIABLES.forEach((v, i) => {
      const code = columns[v]!;
      const target = new Float64Array(LEVELS[i]!);
      for (let k = 0; k < code.length; k++) target[code[k]!] += weights[k]! / total;
      const drawn = new Float64Array(LEVELS[i]!);
      for (const k of sample) drawn[code[k]!]++;
      // Noise band by simulation: an SRS of n from the weighted population (draws ∝ w), seeded.
      const noise = srs.map((s) => {
        const c = new Float64Array(LEVELS[i]!);
        for (const k of s) c[code[k]!]++;
        return tvd(c, target);
      }).sort((a, b) => a - b);
      const p95 = noise[Math.ceil(0.95 * srsDraws) - 1]!;
      expect(tvd(drawn, target)).toBeLessThan(p95 / 10);
    });
  });

  it('flight phase keeps every margin count at its expected Σπ; drawn counts within the landing units', () => {
    const { columns, weights } = population(5000, 'flight');
    const result = balancedSample(columns, VARIABLES, weights, 400, Rng.fromSeed(8));
    expect(result.sample.length).toBe(400);
    for (const [i, v] of VARIABLES.entries()) {
      const code = columns[v]!;
      const flight = new Float64Array(LEVELS[i]!);
      for (let k = 0; k < code.length; k++) flight[code[k]!] += result.flightPik[k]!;
      for (const [level, cell] of Object.entries(result.balance[v]!)) {
        // closed form: the balancing equation for the indicator x_k = π_k 1[k ∈ c] is Σ_c π*_k = Σ_c π_k.
        expectApproxEqual(flight[Number(level)]!, cell.expected, 1e-9, `${v}=${level}`);
        expect(Math.abs(cell.sample - cell.expected)).toBeLessThanOrEqual(result.landingUnits);
      }
    }
  });

  it('first-order inclusion frequencies over 3,000 seeds match π within 4.3 SE (Bonferroni 0.001 over 60 units)', () => {
    const { columns, weights } = population(60, 'small');
    const reps = 3000;
    const hits = new Float64Array(60);
    const rng = Rng.fromSeed('balanced-reps');
    let pik: Float64Array = new Float64Array(0);
    for (let r = 0; r < reps; r++) {
      const result = balancedSample(columns, ['SEX', 'EDU', 'REGION'], weights, 15, rng);
      pik = result.pik;
      for (const k of result.sample) hits[k]++;
    }
    // closed form: every step (pivot or flight) is a martingale step, E[1(k ∈ S)] = π_k; qnorm(1 − 0.001/120) = 4.30 (R)
    pik.forEach((p, k) => expect(Math.abs(hits[k]! / reps - p)).toBeLessThanOrEqual(4.3 * Math.sqrt((p * (1 - p)) / reps) + 1e-12));
  });

  it('same seed, same selection', () => {
    const { columns, weights } = population(2000, 'seed');
    const a = balancedSample(columns, VARIABLES, weights, 100, Rng.fromSeed('x')).sample;
    expect(balancedSample(columns, VARIABLES, weights, 100, Rng.fromSeed('x')).sample).toEqual(a);
    expect(balancedSample(columns, VARIABLES, weights, 100, Rng.fromSeed('y')).sample).not.toEqual(a);
  });

  it('rejects unknown or missing variables, bad weights, n > N', () => {
    const { columns, weights } = population(50, 'bad');
    let caught: unknown;
    try { balancedSample(columns, ['SEX', 'AGE'], weights, 5, Rng.fromSeed(1)); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).reason).toBe(message.columnNotInPopulation('AGE', [...VARIABLES]));
    expect((caught as InputError).location.field).toBe('AGE');
    expect(() => balancedSample(columns, [], weights, 5, Rng.fromSeed(1))).toThrow(message.noBalancingVariable());
    expect(() => balancedSample(columns, ['SEX'], weights, 51, Rng.fromSeed(1))).toThrow(message.sampleSizeExceedsPopulation(51, 50));
    const bad = Float64Array.from(weights);
    bad[3] = -1;
    expect(() => balancedSample(columns, ['SEX'], bad, 5, Rng.fromSeed(1))).toThrow(message.samplingWeightInvalid(-1));
  });
});
