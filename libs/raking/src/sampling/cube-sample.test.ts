import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { cubeSample } from './cube-sample.js';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { message } from '../messages.js';

/** A population with positive sizes, two continuous variables and a 3-category one. */
function population(size: number, n: number, seed: string) {
  const rng = Rng.fromSeed(seed);
  const w = Float64Array.from({ length: size }, () => Math.exp(0.6 * rng.normal()));
  const pik = inclusionProbabilities(w, n);
  const x1 = Float64Array.from({ length: size }, () => 10 + 3 * rng.normal());
  const group = Int32Array.from({ length: size }, () => rng.int(3));
  const balancing = [
    pik,
    x1,
    Float64Array.from(group, (g, k) => (g === 0 ? pik[k]! : 0)),
    Float64Array.from(group, (g, k) => (g === 1 ? pik[k]! : 0)),
  ];
  return { pik, balancing };
}

describe('cube method (Deville & Tillé 2004)', () => {
  it('flight phase: the balancing equations Σ x_k π*_k/π_k = Σ x_k hold to rounding; size n exactly', () => {
    const { pik, balancing } = population(500, 60, 'cube-balance');
    for (let s = 0; s < 5; s++) {
      const result = cubeSample(pik, balancing, Rng.fromSeed(s));
      balancing.forEach((x, j) => {
        let flight = 0, total = 0;
        for (let k = 0; k < pik.length; k++) { flight += (x[k]! / pik[k]!) * result.flightPik[k]!; total += x[k]!; }
        // closed form: each flight step moves π along the kernel of the balancing matrix.
        expectApproxEqual(flight, total, 1e-9, `variable ${j}`);
      });
      expect(result.landingUnits).toBeLessThanOrEqual(balancing.length);
      let undecided = 0;
      for (const p of result.flightPik) if (p > 0 && p < 1) undecided++;
      expect(undecided).toBe(result.landingUnits);
      // Σπ = 60 and x = π is kept to the end of the landing, so |S| = 60 exactly.
      expect(result.sample.length).toBe(60);
    }
  });

  it('first-order inclusion frequencies over 4,000 seeds match π within 4.15 SE (Bonferroni 0.001 over 24 units)', () => {
    const { pik, balancing } = population(24, 8, 'cube-frequency');
    const reps = 4000;
    const hits = new Float64Array(pik.length);
    const rng = Rng.fromSeed('cube-reps');
    for (let r = 0; r < reps; r++) for (const k of cubeSample(pik, balancing, rng).sample) hits[k]++;
    pik.forEach((p, k) => {
      // closed form: the cube method is a martingale, E[1(k ∈ S)] = π_k; SE = √(π(1 − π)/reps)
      expect(Math.abs(hits[k]! / reps - p)).toBeLessThanOrEqual(4.15 * Math.sqrt((p * (1 - p)) / reps) + 1e-12);
    });
  });

  // Regression: with one absolute rank tolerance, rows of 1e9 made rows of 1 look null and their balance was lost.
  it('variables of very different scales are all balanced (income in dollars beside indicators)', () => {
    const { pik, balancing } = population(400, 50, 'cube-scale');
    const income = Float64Array.from(balancing[1]!, (x) => x * 1e7);
    const result = cubeSample(pik, [balancing[0]!, income, balancing[2]!], Rng.fromSeed(1));
    for (const x of [balancing[0]!, income, balancing[2]!]) {
      let flight = 0, total = 0;
      for (let k = 0; k < pik.length; k++) { flight += (x[k]! / pik[k]!) * result.flightPik[k]!; total += x[k]!; }
      expectApproxEqual(flight, total, 1e-9, 'balancing total');
    }
  });

  it('same seed, same sample', () => {
    const { pik, balancing } = population(300, 30, 'cube-seed');
    expect(cubeSample(pik, balancing, Rng.fromSeed(4)).sample).toEqual(cubeSample(pik, balancing, Rng.fromSeed(4)).sample);
  });

  it('rejects π outside [0, 1], no balancing variable and a column of another length', () => {
    expect(() => cubeSample(new Float64Array([0.5, 2]), [new Float64Array(2)], Rng.fromSeed(1))).toThrow(message.inclusionProbabilityInvalid(2));
    expect(() => cubeSample(new Float64Array([0.5, 0.5]), [], Rng.fromSeed(1))).toThrow(message.noBalancingVariable());
    expect(() => cubeSample(new Float64Array([0.5, 0.5]), [new Float64Array(3)], Rng.fromSeed(1))).toThrow(message.balancingColumnLength(0, 2, 3));
    expect(() => cubeSample(new Float64Array([0.5, 0.5]), [new Float64Array([1, Number.NaN])], Rng.fromSeed(1))).toThrow(message.valueNotFinite(Number.NaN));
  });
});
